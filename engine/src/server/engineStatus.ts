import { readLiveEngine } from "./EngineLock.ts";

/** Whether an engine runs on a data folder, as `sichter engine info` reports it. */
export type EngineStatus =
  | { readonly state: "not-running" }
  | { readonly state: "starting"; readonly pid: number; readonly version: string; readonly startedAt: string }
  | {
      /** `not-responding`: the process lives but its port gave no health answer in time (busy, hung, or a reused pid). */
      readonly state: "running" | "not-responding";
      readonly pid: number;
      readonly port: number;
      readonly version: string;
      readonly startedAt: string;
    };

/** Reads the engine's runtime file, checks its pid, and asks its port's /health. */
export async function engineStatus(dataDir: string, timeoutMs = 1500): Promise<EngineStatus> {
  const runtime = readLiveEngine(dataDir);
  if (!runtime) return { state: "not-running" };
  const { pid, port, version, startedAt } = runtime;
  if (port === null) return { state: "starting", pid, version, startedAt };
  const healthy = await answersHealth(port, timeoutMs);
  return { state: healthy ? "running" : "not-responding", pid, port, version, startedAt };
}

async function answersHealth(port: number, timeoutMs: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(timeoutMs) });
    const body = (await response.json()) as { name?: unknown };
    return response.ok && body.name === "sichter-engine";
  } catch {
    return false;
  }
}

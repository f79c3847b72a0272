import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ErrorCode } from "@sichter/shared/errors";
import type { Disposable } from "../core/Disposable.ts";
import { processIsAlive } from "../core/processIsAlive.ts";
import { SichterError } from "../core/SichterError.ts";

/** What the runtime file says about the engine that holds it. */
export interface EngineRuntime {
  readonly pid: number;
  /** Null while the engine starts (it writes the file before it listens). */
  readonly port: number | null;
  readonly version: string;
  /** ISO 8601 UTC. */
  readonly startedAt: string;
}

const FILE = "engine.json";
/** A runtime file that stays unreadable this long was cut short by a crash, not being written. */
const WRITING_GRACE_MS = 2000;
/** Lock files held by this process: its own pid in a file then means this process, not a reused pid. */
const heldHere = new Set<string>();

export function engineRuntimeFile(dataDir: string): string {
  return path.join(dataDir, FILE);
}

/**
 * One engine per data folder (one SICHTER_HOME). Two engines on one catalog take each other's jobs,
 * and a client of one never hears the end of a job the other ran; so the second one is refused with
 * ENGINE_ALREADY_RUNNING, naming the first one's pid and port. The file is created with O_EXCL, so
 * of two engines starting at once exactly one wins; it is removed on a graceful stop, and a file
 * whose process is gone (a crash, a kill) is taken over.
 */
export class EngineLock implements Disposable {
  private released = false;

  private constructor(
    readonly file: string,
    private runtime: EngineRuntime,
  ) {}

  static async acquire(dataDir: string, version: string): Promise<EngineLock> {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const file = engineRuntimeFile(dataDir);
    const runtime: EngineRuntime = { pid: process.pid, port: null, version, startedAt: new Date().toISOString() };
    for (let attempt = 0; ; attempt++) {
      if (createExclusive(file, runtime)) {
        heldHere.add(file);
        return new EngineLock(file, runtime);
      }
      const holder = readRuntimeFile(file);
      if (holder === "missing") continue;
      if (holder !== "unreadable" && isLive(file, holder)) throw alreadyRunning(file, holder);
      if (holder === "unreadable" && ageMs(file) < WRITING_GRACE_MS) {
        // Another engine created it a moment ago and is writing it.
        await sleep(Math.min(20 * (attempt + 1), 200));
        continue;
      }
      const live = takeOverStale(file);
      if (live) throw alreadyRunning(file, live);
    }
  }

  /** Once the engine listens: clients and `sichter engine info` find it by this port. */
  setPort(port: number): void {
    if (this.released) return;
    this.runtime = { ...this.runtime, port };
    // Replaced whole (write beside, rename over): a reader never sees half a file.
    const temp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, `${JSON.stringify(this.runtime)}\n`, { mode: 0o600 });
    fs.renameSync(temp, this.file);
  }

  /** Removes the file if it is still this engine's. */
  dispose(): void {
    if (this.released) return;
    this.released = true;
    heldHere.delete(this.file);
    const current = readRuntimeFile(this.file);
    if (
      typeof current === "object" &&
      current.pid === this.runtime.pid &&
      current.startedAt === this.runtime.startedAt
    ) {
      fs.rmSync(this.file, { force: true });
    }
  }
}

/** The engine named in the runtime file of `dataDir`, if that process still lives. */
export function readLiveEngine(dataDir: string): EngineRuntime | undefined {
  const file = engineRuntimeFile(dataDir);
  const runtime = readRuntimeFile(file);
  return typeof runtime === "object" && isLive(file, runtime) ? runtime : undefined;
}

function createExclusive(file: string, runtime: EngineRuntime): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, "wx", 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    fs.writeSync(fd, `${JSON.stringify(runtime)}\n`);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

function readRuntimeFile(file: string): EngineRuntime | "missing" | "unreadable" {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "missing";
    throw error;
  }
  try {
    const value = JSON.parse(text) as Partial<EngineRuntime>;
    if (!Number.isInteger(value.pid) || (value.pid as number) <= 0) return "unreadable";
    return {
      pid: value.pid as number,
      port: Number.isInteger(value.port) ? (value.port as number) : null,
      version: typeof value.version === "string" ? value.version : "",
      startedAt: typeof value.startedAt === "string" ? value.startedAt : "",
    };
  } catch {
    return "unreadable";
  }
}

/**
 * Our own pid is live only while this process holds the file: after a crash a restarted container
 * often hands the new engine the very pid the old one had.
 */
function isLive(file: string, runtime: EngineRuntime): boolean {
  if (runtime.pid === process.pid) return heldHere.has(file);
  return processIsAlive(runtime.pid);
}

/**
 * Moves a stale file out of the way. Two engines may both find it stale; the rename lets one of
 * them have it, and one that renamed a file a live engine had just created (the other won the
 * race) puts it back and returns its holder.
 */
function takeOverStale(file: string): EngineRuntime | undefined {
  const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    fs.renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const taken = readRuntimeFile(aside);
  try {
    if (typeof taken === "object" && isLive(file, taken)) {
      try {
        fs.linkSync(aside, file);
      } catch {
        // A third engine created one meanwhile; it holds the lock now, and this one still stops.
      }
      return taken;
    }
    return undefined;
  } finally {
    fs.rmSync(aside, { force: true });
  }
}

function alreadyRunning(file: string, holder: EngineRuntime): SichterError {
  return new SichterError(ErrorCode.ENGINE_ALREADY_RUNNING, { pid: holder.pid, port: holder.port ?? "-", file });
}

function ageMs(file: string): number {
  try {
    return Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

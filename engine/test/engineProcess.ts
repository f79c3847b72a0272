import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import WebSocket from "ws";
import { SichterClient } from "@sichter/shared/protocol";
import { CLI } from "./runCli.ts";

/** A real `sichter serve` in a child process, as `npm start` runs it. */
export interface EngineProcess {
  readonly child: ChildProcess;
  readonly port: number;
  readonly token: string;
  readonly url: string;
  client(): SichterClient;
  /** Resolves with the exit code once the process has ended. */
  readonly exited: Promise<number | null>;
  output(): string;
}

/** How to start the engine's process other than plainly (see smallDiskEngine.ts). */
export interface EngineLaunch {
  /** Runs before `node sichter serve ...`, which it must exec. */
  readonly prefix: readonly string[];
  /** Where this process finds a path of the engine's (its mount namespace may differ). */
  readonly seenAs: (pid: number, file: string) => string;
}

export async function startEngine(
  home: string,
  args: string[] = [],
  launch?: EngineLaunch,
  env: NodeJS.ProcessEnv = {},
): Promise<EngineProcess> {
  const command = [...(launch?.prefix ?? []), process.execPath, CLI, "serve", "--port", "0", ...args];
  const child = spawn(command[0]!, command.slice(1), {
    env: { ...process.env, SICHTER_HOME: home, SICHTER_LANG: "en", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /listening on ws:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`engine exited (${code}) before listening:\n${output}`)));
  });
  const tokenFile = path.join(home, "config", "engine-token");
  const token = fs.readFileSync(launch ? launch.seenAs(child.pid!, tokenFile) : tokenFile, "utf8").trim();
  const url = `ws://127.0.0.1:${port}`;
  return {
    child,
    port,
    token,
    url,
    exited,
    output: () => output,
    client: () =>
      new SichterClient({ url, token, WebSocket: WebSocket as never, reconnect: false, requestTimeoutMs: 20_000 }),
  };
}

/** An engine with one client connected to it, as most service tests hold them. */
export interface EngineWithClient {
  readonly engine: EngineProcess;
  readonly client: SichterClient;
}

export async function startEngineWithClient(
  home: string,
  args: string[] = [],
  launch?: EngineLaunch,
): Promise<EngineWithClient> {
  const engine = await startEngine(home, args, launch);
  return { engine, client: engine.client() };
}

/** Closes the client, ends the engine and waits for it; either may be missing when starting failed. */
export async function stopEngineWithClient(
  engine: EngineProcess | undefined,
  client: SichterClient | undefined,
): Promise<void> {
  client?.dispose();
  engine?.child.kill("SIGTERM");
  await engine?.exited;
}

/** Pids of the live children of `pid` (ffmpeg, exiftool), from /proc. */
export function childPids(pid: number): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // Field 4 (ppid) follows the parenthesised command name, which may itself hold spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

/** Pids of every live process below `pid` (extension hosts and their ffmpeg runs included). */
export function descendantPids(pid: number): number[] {
  const children = childPids(pid);
  return [...children, ...children.flatMap(descendantPids)];
}

/** The command line of a live process ("" once it has ended). */
export function commandOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ").trim();
  } catch {
    return "";
  }
}

/** Opens a raw WebSocket and reports how the upgrade went (status code or "open"). */
export function tryConnect(url: string, headers: Record<string, string> = {}): Promise<number | "open"> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on("open", () => {
      ws.close();
      resolve("open");
    });
    ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
    ws.on("error", () => resolve(0));
  });
}

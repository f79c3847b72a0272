import { spawn, type ChildProcess } from "node:child_process";
import { CLI } from "./runCli.ts";

/** A real `sichter worker` in a child process, as a newsroom machine runs it. */
export interface WorkerProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** Resolves once the process has ended: its exit code, or the signal that ended it. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stdout(): string;
  stderr(): string;
  /** Resolves when the worker has written `pattern` (stdout or stderr), fails if it exits first. */
  says(pattern: RegExp, timeoutMs?: number): Promise<void>;
}

export function startWorker(name: string, env: NodeJS.ProcessEnv, args: string[] = []): WorkerProcess {
  const child = spawn(process.execPath, [CLI, "worker", "--name", name, ...args], {
    env: { ...process.env, SICHTER_LANG: "en", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  const listeners = new Set<() => void>();
  const changed = (): void => listeners.forEach((l) => l());
  child.stdout!.on("data", (c: Buffer) => ((stdout += c.toString()), changed()));
  child.stderr!.on("data", (c: Buffer) => ((stderr += c.toString()), changed()));
  let ended = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("close", (code, signal) => {
      ended = true;
      changed();
      resolve({ code, signal });
    }),
  );
  return {
    name,
    child,
    exited,
    stdout: () => stdout,
    stderr: () => stderr,
    says(pattern, timeoutMs = 240_000) {
      return new Promise<void>((resolve, reject) => {
        const check = (): void => {
          if (pattern.test(stdout) || pattern.test(stderr)) done(resolve);
          else if (ended)
            done(() => reject(new Error(`worker ${name} ended before saying ${pattern}:\n${stdout}\n${stderr}`)));
        };
        const timer = setTimeout(
          () => done(() => reject(new Error(`worker ${name} never said ${pattern}:\n${stdout}\n${stderr}`))),
          timeoutMs,
        );
        const done = (then: () => void): void => {
          clearTimeout(timer);
          listeners.delete(check);
          then();
        };
        listeners.add(check);
        check();
      });
    },
  };
}

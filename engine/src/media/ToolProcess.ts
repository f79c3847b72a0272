import { spawn, type ChildProcess } from "node:child_process";
import os from "node:os";
import type { Readable } from "node:stream";
import { ErrorCode } from "@sichter/shared/errors";
import { CancellationToken } from "../core/Cancellation.ts";
import { SichterError } from "../core/SichterError.ts";
import { toolPath, type Tool } from "./binaries.ts";
import { toolKilledError } from "./toolKilledError.ts";
import { toolStartError } from "./toolStartError.ts";

/** Every ffmpeg/ffprobe we started and that has not exited yet. */
const live = new Set<ChildProcess>();

// A child that outlives its engine keeps decoding for nobody. Signals and a normal exit end them here;
// after a SIGKILL of the engine the closed stdout pipe makes them exit on their next write.
process.once("exit", () => {
  for (const child of live) child.kill("SIGKILL");
});

/** How many tool processes are running right now (tests use it to prove cancellation kills them). */
export function liveToolProcessCount(): number {
  return live.size;
}

/** The last part of stderr is kept for error messages; ffmpeg can print megabytes on broken input. */
const STDERR_KEEP = 16 * 1024;

export interface ToolRun {
  /** The process id; undefined when the binary could not be started. */
  readonly pid: number | undefined;
  /** Raw stdout, for callers that stream it (frame reader). */
  readonly stdout: Readable;
  /**
   * Resolves when the process exits; rejects with SichterError on spawn failure, cancellation, or
   * when a signal Sichter did not send ended it (SICHTER_E_TOOL_KILLED: its output is cut short).
   */
  readonly exit: Promise<ToolExit>;
  /** Ends the process; the exit then resolves with the signal (the caller wanted it to end). */
  kill(): void;
}

export interface ToolExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

export interface ToolInput {
  /**
   * Bytes written to the tool's stdin, which is then closed (raw pixels to encode). Piped rather
   * than written to a file, so nothing of it lands on disk. Without it stdin stays closed.
   */
  readonly stdin?: Uint8Array;
  /**
   * Runs the tool at this lower CPU priority (a Unix niceness, 1 to 19; Windows maps it to a
   * priority class), for work that others wait on less than on their own: it gets every idle cycle
   * and gives way otherwise.
   */
  readonly niceness?: number;
}

/**
 * Starts ffmpeg or ffprobe with an argument vector (never a shell string: paths with spaces, quotes
 * and unicode pass through untouched). Cancellation kills the process at once.
 */
export function startTool(
  tool: Tool,
  args: readonly string[],
  token = CancellationToken.None,
  input: ToolInput = {},
): ToolRun {
  const binary = toolPath(tool);
  const child = spawn(binary, args, {
    stdio: [input.stdin ? "pipe" : "ignore", "pipe", "pipe"],
    windowsHide: true,
  }) as ChildProcess & { stdout: Readable; stderr: Readable };
  live.add(child);
  if (input.niceness !== undefined && child.pid !== undefined) {
    try {
      os.setPriority(child.pid, input.niceness);
    } catch {
      // Only the schedule suffers (the process may also have exited already); the work is the same.
    }
  }
  if (input.stdin && child.stdin) {
    // A tool that exits early (bad arguments, cancellation) closes the pipe: EPIPE here is expected
    // and the exit code and stderr say what went wrong.
    child.stdin.on("error", () => {});
    child.stdin.end(input.stdin);
  }

  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_KEEP);
  });

  let cancelled = false;
  let stoppedByCaller = false;
  const cancelListener = token.onCancellationRequested(() => {
    cancelled = true;
    child.kill("SIGKILL");
  });

  const exit = new Promise<ToolExit>((resolve, reject) => {
    child.once("error", (error: NodeJS.ErrnoException) => {
      live.delete(child);
      cancelListener.dispose();
      reject(toolStartError(tool, binary, error));
    });
    child.once("close", (code, signal) => {
      live.delete(child);
      cancelListener.dispose();
      const killed = stoppedByCaller ? null : toolKilledError(tool, args, code, signal);
      if (cancelled) reject(new SichterError(ErrorCode.CANCELLED));
      else if (killed) reject(killed);
      else resolve({ code, signal, stderr });
    });
  });
  // Callers that only stream stdout may attach to `exit` late; never let it be an unhandled rejection.
  exit.catch(() => {});

  return {
    pid: child.pid,
    stdout: child.stdout,
    exit,
    kill: () => {
      stoppedByCaller = true;
      child.kill("SIGKILL");
    },
  };
}

/**
 * Runs a tool to completion and returns its stdout, as bytes (raw frames) and as text (ffprobe
 * JSON, ffmpeg's metadata prints). For output too large to hold, stream `startTool` instead.
 */
export async function runTool(
  tool: Tool,
  args: readonly string[],
  token = CancellationToken.None,
  input: ToolInput = {},
): Promise<ToolExit & { output: Buffer; stdout: string }> {
  const run = startTool(tool, args, token, input);
  const chunks: Buffer[] = [];
  run.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
  const result = await run.exit;
  const output = Buffer.concat(chunks);
  return { ...result, output, stdout: output.toString("utf8") };
}

/** Last meaningful line of ffmpeg's stderr, for an error message a person can read. */
export function lastStderrLine(stderr: string): string {
  const lines = stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  return lines.at(-1) ?? "no output";
}

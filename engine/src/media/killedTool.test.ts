import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { makeClip, makeTempDir } from "../../test/fixtures.ts";
import { CancellationTokenSource } from "../core/Cancellation.ts";
import { SichterError } from "../core/SichterError.ts";
import { probeMedia } from "./probeMedia.ts";
import { startTool } from "./ToolProcess.ts";

// Sees every tool process the moment it is started, so a test can end the real ffmpeg or ffprobe
// by its pid from outside, as the OOM killer or an impatient admin would: nothing else is faked.
const spawnWatch = vi.hoisted(() => ({
  onSpawn: undefined as ((child: ChildProcess, args: readonly string[]) => void) | undefined,
}));
vi.mock("node:child_process", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:child_process")>();
  const spawn = ((...args: Parameters<typeof actual.spawn>) => {
    const child = actual.spawn(...args);
    spawnWatch.onSpawn?.(child, (args[1] ?? []) as readonly string[]);
    return child;
  }) as typeof actual.spawn;
  return { ...actual, spawn };
});

let dir: string;
let clip: string;

beforeAll(async () => {
  dir = makeTempDir();
  clip = await makeClip(path.join(dir, "healthy.mp4"), { seconds: 2 });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  spawnWatch.onSpawn = undefined;
});

/** A tool that runs until it is ended: an endless test source decoded (or listed) to nowhere. */
const endlessFfmpeg = [
  "-v",
  "error",
  "-nostdin",
  "-re",
  "-f",
  "lavfi",
  "-i",
  "testsrc2=size=64x36:rate=5",
  "-f",
  "null",
  "-",
];
const endlessFfprobe = ["-v", "error", "-f", "lavfi", "-i", "testsrc2=size=64x36:rate=5", "-show_packets"];

/** The program a process runs, from the process table: proof the signal reaches the real tool. */
function programOf(pid: number): string {
  return path.basename(fs.readlinkSync(`/proc/${pid}/exe`));
}

/** Waits until the tool has started its work (its signal handlers are in place by then). */
async function running(pid: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 400));
  expect(stateOf(pid)).toMatch(/^[RS]$/);
}

async function rejection(promise: Promise<unknown>): Promise<SichterError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SichterError);
  return error as SichterError;
}

describe("a tool ended by a signal Sichter did not send", () => {
  it.each([
    ["ffmpeg", "SIGKILL", endlessFfmpeg],
    // ffmpeg catches SIGTERM and exits with status 255 instead of dying by it.
    ["ffmpeg", "SIGTERM", endlessFfmpeg],
    ["ffprobe", "SIGKILL", endlessFfprobe],
    ["ffprobe", "SIGTERM", endlessFfprobe],
  ] as const)("%s by %s: SICHTER_E_TOOL_KILLED naming the signal", async (tool, signal, args) => {
    const run = startTool(tool, args);
    await running(run.pid!);
    expect(programOf(run.pid!)).toBe(tool);
    process.kill(run.pid!, signal);
    const error = await rejection(run.exit);
    expect(error.code).toBe("SICHTER_E_TOOL_KILLED");
    expect(error.message).toContain(tool);
    expect(error.message).toContain(signal);
    expect(error.message).not.toMatch(/damaged|truncated/);
  });

  it("cancellation stays SICHTER_E_CANCELLED, and a caller's own kill() is no failure", async () => {
    const cts = new CancellationTokenSource();
    const cancelled = startTool("ffmpeg", endlessFfmpeg, cts.token);
    const stopped = startTool("ffmpeg", endlessFfmpeg);
    await running(cancelled.pid!);
    cts.cancel();
    stopped.kill();
    expect((await rejection(cancelled.exit)).code).toBe("SICHTER_E_CANCELLED");
    expect((await stopped.exit).signal).toBe("SIGKILL");
  });
});

describe("probing a healthy clip while a tool is killed", () => {
  it.each([
    ["the format read", "ffprobe", (args: readonly string[]) => args.includes("-show_streams")],
    ["the packet index", "ffprobe", (args: readonly string[]) => args.some((a) => a.startsWith("packet="))],
    ["the decode check", "ffmpeg", (args: readonly string[]) => args.includes("rawvideo")],
  ] as const)("%s killed by SIGKILL: SICHTER_E_TOOL_KILLED, not a damaged file", async (_step, tool, isStep) => {
    const error = await rejection(probeKillingOnce(tool, isStep));
    expect(error.code).toBe("SICHTER_E_TOOL_KILLED");
    expect(error.message).toContain("SIGKILL");
    expect(error.message).toContain(fs.realpathSync(clip));
    expect(error.message).not.toMatch(/damaged|truncated/);
    // The clip itself is fine: probed again undisturbed it reads as it is.
    spawnWatch.onSpawn = undefined;
    expect((await probeMedia(clip)).frameCount).toBe(50);
  });
});

/**
 * Probes the clip and kills the one tool run `isStep` picks while it works: stopped the moment it
 * starts, checked in the process table, then killed. On a busy machine a quick run can finish before
 * its starter even sees its pid; such a probe is simply repeated.
 */
async function probeKillingOnce(tool: string, isStep: (args: readonly string[]) => boolean): Promise<unknown> {
  for (let attempt = 0; attempt < 20; attempt++) {
    let killed = false;
    spawnWatch.onSpawn = (child, args) => {
      if (killed || !isStep(args)) return;
      const pid = child.pid!;
      process.kill(pid, "SIGSTOP");
      if (stateOf(pid) === "Z") return;
      expect(programOf(pid)).toBe(tool);
      process.kill(pid, "SIGKILL");
      killed = true;
    };
    const outcome = probeMedia(clip);
    await outcome.catch(() => {});
    if (killed) return outcome;
  }
  throw new Error(`${tool} always finished before it could be stopped`);
}

/** A process's state letter from the process table (R running, S sleeping, T stopped, Z exited). */
function stateOf(pid: number): string {
  return /^\d+ \(.*\) (\w)/.exec(fs.readFileSync(`/proc/${pid}/stat`, "utf8"))![1]!;
}

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runTool } from "../src/media/ToolProcess.ts";

/** A fresh temporary folder per test file; removed by the caller's afterAll. */
export function makeTempDir(prefix = "sichter-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Runs ffmpeg and fails the test with ffmpeg's own message if it did not work. */
export async function ffmpeg(args: string[]): Promise<void> {
  const result = await runTool("ffmpeg", ["-v", "error", "-nostdin", "-y", ...args]);
  if (result.code !== 0) throw new Error(`ffmpeg ${args.join(" ")} failed: ${result.stderr}`);
}

/**
 * Every frame of a clip, decoded from its start and scaled (area) to grey at `width` x `height`,
 * back to back: the reference that frames decoded after a seek must equal. `deblock: false`
 * decodes as the shot detector does, without H.264's deblocking filter on B-frames.
 */
export async function decodeAllGrey(
  file: string,
  width: number,
  height: number,
  { deblock = true } = {},
): Promise<Buffer> {
  const result = await runTool("ffmpeg", [
    "-v",
    "error",
    "-nostdin",
    ...(deblock ? [] : ["-skip_loop_filter", "bidir"]),
    "-i",
    file,
    "-map",
    "0:v:0",
    "-vf",
    `scale=${width}:${height}:flags=area,format=gray`,
    "-vsync",
    "passthrough",
    "-f",
    "rawvideo",
    "pipe:1",
  ]);
  if (result.code !== 0) throw new Error(`ffmpeg could not decode ${file}: ${result.stderr}`);
  return result.output;
}

/**
 * A small clip of `seconds` built from lavfi's testsrc2 (moving), with optional hard cuts to
 * other sources at the given frames. Small size keeps test runs fast.
 */
export async function makeClip(
  file: string,
  options: { seconds?: number; rate?: string; size?: string; codecArgs?: string[]; extraArgs?: string[] } = {},
): Promise<string> {
  const seconds = options.seconds ?? 2;
  const rate = options.rate ?? "25";
  const size = options.size ?? "320x180";
  await ffmpeg([
    "-f",
    "lavfi",
    "-i",
    `testsrc2=size=${size}:rate=${rate}:duration=${seconds}`,
    ...(options.extraArgs ?? []),
    ...(options.codecArgs ?? ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]),
    file,
  ]);
  return file;
}

/** Sources that look nothing alike, for clips with known cuts. */
const SOURCES = ["testsrc2", "smptebars", "mandelbrot", "rgbtestsrc", "testsrc"] as const;

/**
 * A clip of several shots joined by hard cuts: shot i lasts `lengths[i]` frames. Returns the cut
 * frames (first frame of each new shot).
 */
export async function makeCutClip(
  file: string,
  lengths: readonly number[],
  options: { rate?: string; size?: string; codecArgs?: string[] } = {},
): Promise<number[]> {
  const rate = options.rate ?? "25";
  const size = options.size ?? "320x180";
  const inputs: string[] = [];
  const chains: string[] = [];
  lengths.forEach((frames, i) => {
    const source = SOURCES[i % SOURCES.length]!;
    const [num, den = "1"] = rate.split("/");
    const extra = source === "mandelbrot" ? "" : `:duration=${(frames * Number(den)) / Number(num) + 1}`;
    inputs.push("-f", "lavfi", "-i", `${source}=size=${size}:rate=${rate}${extra}`);
    chains.push(`[${i}:v]trim=end_frame=${frames},setpts=PTS-STARTPTS,format=yuv420p[v${i}]`);
  });
  const concat = `${lengths.map((_, i) => `[v${i}]`).join("")}concat=n=${lengths.length}:v=1:a=0[out]`;
  await ffmpeg([
    ...inputs,
    "-filter_complex",
    `${chains.join(";")};${concat}`,
    "-map",
    "[out]",
    ...(options.codecArgs ?? ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]),
    file,
  ]);
  const cuts: number[] = [];
  let at = 0;
  for (const frames of lengths.slice(0, -1)) {
    at += frames;
    cuts.push(at);
  }
  return cuts;
}

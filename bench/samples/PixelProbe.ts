import { lastStderrLine, runTool } from "@sichter/engine";

/**
 * A deliberately small, independent decode for checking truth against pixels: every frame in
 * presentation order, shrunk to a thumbnail of luma. Independent of the engine under test, so a bug
 * there cannot make a wrong truth look right.
 */
export interface Thumbnails {
  readonly width: number;
  readonly height: number;
  readonly frames: readonly Uint8Array[];
}

export async function decodeThumbnails(path: string, width = 64, height = 36): Promise<Thumbnails> {
  const exit = await runTool("ffmpeg", [
    "-hide_banner",
    "-nostdin",
    "-v",
    "error",
    "-i",
    path,
    "-map",
    "0:v:0",
    // Passthrough: the default for raw output would duplicate or drop frames of a variable-rate clip.
    "-vsync",
    "passthrough",
    "-vf",
    `scale=${width}:${height}:flags=area,format=gray`,
    "-f",
    "rawvideo",
    "-",
  ]);
  if (exit.code !== 0) throw new Error(`decoding ${path} failed: ${lastStderrLine(exit.stderr)}`);
  const data = exit.output;
  const size = width * height;
  const frames: Uint8Array[] = [];
  for (let offset = 0; offset + size <= data.length; offset += size) {
    frames.push(new Uint8Array(data.buffer, data.byteOffset + offset, size));
  }
  return { width, height, frames };
}

/** Mean absolute difference of two thumbnails, 0..255. */
export function meanAbsDiff(a: Uint8Array, b: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
  return sum / a.length;
}

export function meanLuma(frame: Uint8Array): number {
  let sum = 0;
  for (const value of frame) sum += value;
  return sum / frame.length;
}

/** diffs[i] = difference between frame i-1 and frame i; diffs[0] is 0. */
export function consecutiveDiffs(thumbnails: Thumbnails): number[] {
  return thumbnails.frames.map((frame, i) => {
    const previous = thumbnails.frames[i - 1];
    return previous ? meanAbsDiff(previous, frame) : 0;
  });
}

/** ffprobe as JSON; throws with ffprobe's last message on failure. */
export async function probeJson(args: readonly string[]): Promise<unknown> {
  const result = await runTool("ffprobe", ["-hide_banner", "-v", "error", "-of", "json", ...args]);
  if (result.code !== 0) throw new Error(`ffprobe ${args.join(" ")} failed: ${lastStderrLine(result.stderr)}`);
  return JSON.parse(result.stdout) as unknown;
}

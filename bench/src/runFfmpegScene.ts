import { runTool } from "@sichter/engine";
import type { Detection } from "./evaluateShots.ts";

export const FFMPEG_SCENE_THRESHOLD = 0.3;

export interface PeerRun {
  readonly seconds: number;
  readonly detections: Detection[];
}

/**
 * The peer: ffmpeg's own scene-change filter over a full decode, `select='gt(scene,0.3)'`. Its
 * selected frames are the first frames of new scenes; the metadata filter prints their timestamps
 * to stdout, which are mapped back to frame indices through the probed frame times.
 */
export async function runFfmpegScene(
  file: string,
  frameTimes: readonly number[],
  offsetSeconds: number,
): Promise<PeerRun> {
  const started = performance.now();
  const result = await runToolFull(file);
  const seconds = (performance.now() - started) / 1000;
  const detections: Detection[] = [];
  for (const match of result.matchAll(/pts_time:\s*([-\d.]+)/g)) {
    const frame = nearestFrame(frameTimes, Number(match[1]) - offsetSeconds);
    if (frame > 0) detections.push({ type: "untyped", frame, startFrame: frame, endFrame: frame });
  }
  return { seconds, detections };
}

async function runToolFull(file: string): Promise<string> {
  const r = await runTool("ffmpeg", [
    "-v",
    "error",
    "-nostdin",
    "-i",
    file,
    "-an",
    "-sn",
    "-dn",
    "-vf",
    `select='gt(scene,${FFMPEG_SCENE_THRESHOLD})',metadata=mode=print:file=-`,
    "-f",
    "null",
    "-",
  ]);
  if (r.code !== 0) throw new Error(`ffmpeg scene filter failed on ${file}: ${r.stderr}`);
  return r.stdout;
}

function nearestFrame(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && Math.abs(times[lo - 1]! - t) < Math.abs(times[lo]! - t)) return lo - 1;
  return lo;
}

import fs from "node:fs";
import { ErrorCode } from "@sichter/shared/protocol";
import { CancellationToken, throwIfCancelled } from "../../core/Cancellation.ts";
import { Progress } from "../../core/Progress.ts";
import { SichterError } from "../../core/SichterError.ts";
import { clipTimecode } from "../../media/clipTimecode.ts";
import type { MediaInfo } from "../../media/MediaInfo.ts";
import { lastStderrLine, runTool } from "../../media/ToolProcess.ts";
import type { Shot } from "../shots/Shot.ts";
import { keyframePositions } from "./keyframePositions.ts";
import { NEAR_DUPLICATE_BITS, hammingDistance, hashToHex, perceptualHash } from "./perceptualHash.ts";

export interface Keyframe {
  readonly shot: number;
  readonly frame: number;
  readonly timecode: string;
  readonly seconds: number;
  /** File name inside the output folder. */
  readonly file: string;
  /** 64-bit perceptual hash, hex. */
  readonly hash: string;
}

export interface KeyframeExtraction {
  readonly keyframes: Keyframe[];
  /** Frames skipped as near-duplicates of an earlier keyframe. */
  readonly duplicates: Array<{ frame: number; duplicateOf: number; distance: number }>;
}

export interface KeyframeOptions {
  /** Folder the JPEGs are written to (a job temp folder in the pipeline). */
  readonly outDir: string;
  /** Width of the JPEGs in pixels; height follows the picture's aspect. Default 640. */
  readonly width?: number;
}

/** Frames decoded around each position to find the steadiest one. */
const BURST = 5;
const HASH_W = 128;
const HASH_H = 72;

/**
 * Representative frames per shot as JPEGs: around each position a short burst is decoded once, at
 * JPEG size and at a small grey size, and the frame that moves least against its neighbours is kept
 * (no motion blur, no half-finished pan). Near-duplicates of earlier keyframes are dropped.
 */
export async function extractKeyframes(
  media: MediaInfo,
  shots: readonly Shot[],
  options: KeyframeOptions,
  progress: Progress = Progress.None,
  token: CancellationToken = CancellationToken.None,
): Promise<KeyframeExtraction> {
  const [num, den] = media.frameRate.split("/").map(Number) as [number, number];
  const tc = clipTimecode(media);
  const positions = keyframePositions(shots, num / den);
  const width = options.width ?? 640;
  const keyframes: Keyframe[] = [];
  const hashes: Array<{ frame: number; hash: bigint }> = [];
  const duplicates: KeyframeExtraction["duplicates"] = [];

  for (const [n, position] of positions.entries()) {
    throwIfCancelled(token);
    const first = Math.max(0, Math.min(media.frameCount - BURST, position.frame - Math.floor(BURST / 2)));
    const burst = await decodeBurst(media, first, width, options.outDir, token);
    const pick = steadiest(burst.small);
    const frame = first + pick;
    const hash = perceptualHash(burst.small[pick]!, HASH_W, HASH_H);
    const twin = hashes.find((h) => hammingDistance(h.hash, hash) <= NEAR_DUPLICATE_BITS);
    const file = `kf-${String(frame).padStart(7, "0")}.jpg`;
    burst.jpegs.forEach((jpeg, i) => {
      if (i === pick && !twin) fs.renameSync(jpeg, `${options.outDir}/${file}`);
      else fs.rmSync(jpeg, { force: true });
    });
    if (twin) {
      duplicates.push({ frame, duplicateOf: twin.frame, distance: hammingDistance(twin.hash, hash) });
    } else {
      hashes.push({ frame, hash });
      keyframes.push({
        shot: position.shot,
        frame,
        timecode: tc.toTimecode(frame),
        seconds: Math.round((media.frameTimes[frame] ?? 0) * 1e6) / 1e6,
        file,
        hash: hashToHex(hash),
      });
    }
    progress.report({ stage: "keyframes", fraction: (n + 1) / positions.length });
  }
  return { keyframes, duplicates };
}

async function decodeBurst(
  media: MediaInfo,
  first: number,
  width: number,
  dir: string,
  token: CancellationToken,
): Promise<{ small: Uint8Array[]; jpegs: string[] }> {
  const [num, den] = media.frameRate.split("/").map(Number) as [number, number];
  // Accurate seek: decoding starts at the keyframe before and frames before `first` are dropped;
  // aiming half a frame early keeps float rounding from dropping `first` itself.
  const seek = Math.max(0, media.seekOffsetSeconds + media.frameTimes[first]! - den / num / 2);
  const prefix = `burst-${first}-`;
  const exit = await runTool(
    "ffmpeg",
    [
      "-v", "error", "-nostdin", "-ss", seek.toFixed(6), "-i", media.path, "-frames:v", String(BURST),
      "-filter_complex",
      `[0:v:0]split[a][b];[a]scale=${HASH_W}:${HASH_H}:flags=area,format=gray[s];[b]scale=${width}:-2:flags=lanczos,format=yuvj420p[j]`,
      "-map", "[s]", "-vsync", "passthrough", "-f", "rawvideo", "pipe:1",
      "-map", "[j]", "-vsync", "passthrough", "-frames:v", String(BURST), "-q:v", "3", "-start_number", "0",
      `${dir}/${prefix}%d.jpg`,
    ],
    token,
  );
  const raw = exit.output;
  const size = HASH_W * HASH_H;
  const count = Math.floor(raw.length / size);
  if (exit.code !== 0 || count === 0) {
    throw new SichterError(ErrorCode.TOOL_FAILED, { tool: "ffmpeg", path: media.path, detail: lastStderrLine(exit.stderr) });
  }
  const small = Array.from({ length: count }, (_, i) => new Uint8Array(raw.subarray(i * size, (i + 1) * size)));
  const jpegs = Array.from({ length: count }, (_, i) => `${dir}/${prefix}${i}.jpg`);
  return { small, jpegs };
}

/** Index of the frame with the least change to its neighbours. */
function steadiest(frames: readonly Uint8Array[]): number {
  if (frames.length < 3) return 0;
  const diff = (a: Uint8Array, b: Uint8Array): number => {
    let sum = 0;
    for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
    return sum;
  };
  let best = 1;
  let bestScore = Infinity;
  for (let i = 1; i < frames.length - 1; i++) {
    const score = diff(frames[i - 1]!, frames[i]!) + diff(frames[i]!, frames[i + 1]!);
    if (score < bestScore) {
      bestScore = score;
      best = i;
    }
  }
  return best;
}

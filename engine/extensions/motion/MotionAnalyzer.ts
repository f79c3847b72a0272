import type { Tag } from "@sichter/shared/model";
import { CancellationToken, throwIfCancelled } from "../../src/core/Cancellation.ts";
import { Progress } from "../../src/core/Progress.ts";
import type { AnalysisInput, Analyzer, AnalyzerResult } from "../../src/analysis/Analyzer.ts";
import { FRAME_RUN_WIDTH, frameRunsByFirstFrame } from "../../src/media/FrameRuns.ts";
import { evenHeight } from "../../src/media/FrameSource.ts";
import { makeTag } from "../cues/makeTag.ts";
import { BURST_FRAMES, burstPositions } from "./burstPositions.ts";
import { classifyMotion, MOTION_THRESHOLDS, toPairMotion, type MotionClass, type PairMotion } from "./classifyMotion.ts";
import { globalMotionOf, motionFrame, type GlobalMotion } from "./globalMotion.ts";
import { contrastOf, type GrayImage } from "./GrayImage.ts";
import { BURSTS_PER_DECODE, decodeBursts } from "./burstDecoder.ts";
import { MOTION_LABELS } from "./motionLabels.ts";

/**
 * Width frames are measured at: 160x90 for 16:9 (1 px = 12 px at 1080p; the fit is subpixel). The
 * engine's frame runs are made at this width, so they can stand in for bursts.
 */
export const MOTION_WIDTH = FRAME_RUN_WIDTH;
/** Pictures with less contrast than this (levels) have nothing to track: black, white, a flat wall. */
const MIN_CONTRAST = 4;
/** ffmpegs decoding bursts at once, each single-threaded: one per core of a two-core machine. */
const DECODES_IN_PARALLEL = 2;
/** Shots longer than this are classified per burst and split where the camera changes. */
const SEGMENT_SECONDS = 12;

/**
 * Camera motion per shot: static, pan, tilt, zoom or handheld. Takes a few short bursts of
 * consecutive frames per shot (see `burstPositions`), from the engine's frame runs where one starts
 * and decoded otherwise, measures global motion between neighbours (`globalMotion`) and classifies
 * it (`classifyMotion`). Long shots get one tag per stretch of the same camera motion. Shots with
 * nothing clear (no texture, subject motion only) get no tag.
 */
export class MotionAnalyzer implements Analyzer {
  readonly id = "sichter.motion";
  readonly version = "1.1.0";
  /** What the last `analyze` call measured: bursts in all, and how many came from frame runs. */
  lastRun: { bursts: number; fromRuns: number } | undefined;

  async analyze(
    input: AnalysisInput,
    progress: Progress = Progress.None,
    token: CancellationToken = CancellationToken.None,
  ): Promise<AnalyzerResult> {
    const { media, shots, language } = input;
    const [num, den] = media.frameRate.split("/").map(Number) as [number, number];
    const fps = num / den;
    const tags: Tag[] = [];
    const height = evenHeight(media, MOTION_WIDTH);
    const geometry = { width: MOTION_WIDTH, height, pixelFormat: "gray" } as const;
    // Runs of another width or that do not fit the clip are ignored: the bursts are decoded instead.
    const runs = frameRunsByFirstFrame(input.frameRuns, media) ?? new Map<number, Uint8Array[]>();
    const runStarts = new Set(runs.keys());
    const plan = shots.map((shot) => ({ shot, positions: burstPositions(shot, media.keyframes, fps, runStarts) }));
    const jobs = plan.flatMap((p) => p.positions.map((at) => ({ shot: p.shot, at, count: Math.min(BURST_FRAMES, p.shot.endFrame - at) })));
    const measured = new Map<string, PairMotion[]>();
    let done = 0;
    const toDecode = jobs.filter((job) => {
      const run = runs.get(job.at);
      if (!run || run.length < job.count) return true;
      measured.set(`${job.shot.index}:${job.at}`, burstMotion(run.slice(0, job.count), MOTION_WIDTH, height));
      progress.report({ stage: "motion", fraction: ++done / Math.max(1, jobs.length) });
      return false;
    });
    this.lastRun = { bursts: jobs.length, fromRuns: jobs.length - toDecode.length };
    await runInSlices(toDecode, DECODES_IN_PARALLEL, BURSTS_PER_DECODE, async (group) => {
      throwIfCancelled(token);
      const frames = await decodeBursts(media, group.map((job) => ({ first: job.at, count: job.count })), geometry, token);
      group.forEach(({ shot, at }, i) => {
        measured.set(`${shot.index}:${at}`, burstMotion(frames[i]!, MOTION_WIDTH, height));
        progress.report({ stage: "motion", fraction: ++done / Math.max(1, jobs.length) });
      });
    });
    for (const { shot, positions } of plan) {
      const bursts = positions
        .map((at) => ({ at, pairs: measured.get(`${shot.index}:${at}`) ?? [] }))
        .filter((b) => b.pairs.length > 0);
      const segments =
        (shot.endFrame - shot.startFrame) / fps > SEGMENT_SECONDS
          ? segmentsOf(bursts, shot.startFrame, shot.endFrame)
          : [{ startFrame: shot.startFrame, endFrame: shot.endFrame, motion: shotMotion(bursts.map((b) => b.pairs)) }];
      for (const segment of segments) {
        if (!segment.motion) continue;
        const { kind, confidence, mean, jitter } = segment.motion;
        tags.push(
          makeTag({
            kind,
            label: MOTION_LABELS[kind],
            language,
            source: "motion",
            confidence,
            startFrame: segment.startFrame,
            endFrame: segment.endFrame,
            producer: this.id,
            version: this.version,
            evidence: `px/frame at 1080p: dx ${mean.dx.toFixed(1)}, dy ${mean.dy.toFixed(1)}, zoom edge ${mean.dz.toFixed(1)}, wobble ${jitter.toFixed(1)}`,
          }),
        );
      }
    }
    progress.report({ stage: "motion", fraction: 1 });
    return { tags };
  }
}

/**
 * Camera motion between a burst's neighbouring frames, in 1080p pixels per frame. Pairs with nothing
 * to track or that no camera motion explains are left out.
 */
function burstMotion(data: readonly Uint8Array[], width: number, height: number): PairMotion[] {
  const pictures = data.map((d): GrayImage => ({ width, height, data: Float32Array.from(d) }));
  // Every inner frame is in two pairs: its contrast and pyramid are worked out once.
  const textured = pictures.map((p) => contrastOf(p) >= MIN_CONTRAST);
  const prepared = pictures.map((p, i) => (textured[i] ? motionFrame(p) : null));
  const fits: GlobalMotion[] = [];
  for (let i = 1; i < pictures.length; i++) {
    const a = prepared[i - 1];
    const b = prepared[i];
    if (!a || !b) continue;
    const motion = globalMotionOf(a, b);
    if (motion.residual > MOTION_THRESHOLDS.maxResidual) continue;
    fits.push(motion);
  }
  // Decided per burst, not per pair: zeroing single pairs of a real move would fake wobble.
  const still = fits.filter((f) => f.fitsNoMotion).length * 2 > fits.length;
  return fits.map((f) => (still ? { dx: 0, dy: 0, dz: 0 } : toPairMotion(f, width)));
}

/** Each burst classified alone; neighbours of the same class join; boundaries halfway between bursts. */
function segmentsOf(
  bursts: ReadonlyArray<{ at: number; pairs: PairMotion[] }>,
  startFrame: number,
  endFrame: number,
): Array<{ startFrame: number; endFrame: number; motion: MotionClass | null }> {
  const runs: Array<{ first: number; last: number; kind: string | null; pairs: PairMotion[][] }> = [];
  bursts.forEach((burst, i) => {
    const kind = classifyMotion([burst.pairs])?.kind ?? null;
    const run = runs.at(-1);
    if (run && run.kind === kind) {
      run.last = i;
      run.pairs.push(burst.pairs);
    } else runs.push({ first: i, last: i, kind, pairs: [burst.pairs] });
  });
  if (runs.length === 0) return [];
  return runs.map((run, r) => ({
    startFrame: r === 0 ? startFrame : Math.round((bursts[run.first - 1]!.at + bursts[run.first]!.at + BURST_FRAMES) / 2),
    endFrame: r === runs.length - 1 ? endFrame : Math.round((bursts[run.last]!.at + bursts[run.last + 1]!.at + BURST_FRAMES) / 2),
    motion: run.kind === null ? null : classifyMotion(run.pairs),
  }));
}

/**
 * Runs `work` over consecutive slices of `items` (at most `maxSlice` long), `limit` at a time; the
 * first failure rejects (others finish). Slices shrink towards the end, so the workers finish
 * together instead of one decoding a full slice alone while the other core idles.
 */
async function runInSlices<T>(
  items: readonly T[],
  limit: number,
  maxSlice: number,
  work: (slice: T[]) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: unknown = null;
  const worker = async (): Promise<void> => {
    while (next < items.length && failure === null) {
      const size = Math.min(maxSlice, Math.ceil((items.length - next) / (2 * limit)));
      const slice = items.slice(next, next + size);
      next += size;
      try {
        await work(slice);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure !== null) throw failure;
}

const MOVES = new Set(["motion.pan-left", "motion.pan-right", "motion.tilt-up", "motion.tilt-down", "motion.zoom-in", "motion.zoom-out"]);

/**
 * One class for a shot from its bursts. When the bursts disagree and the ones that show a deliberate
 * move agree on it, the move wins: a shot that pans and then holds (or starts with a jolt before a
 * zoom) is logged by its move. Otherwise all pairs are classified together.
 */
export function shotMotion(bursts: ReadonlyArray<readonly PairMotion[]>): MotionClass | null {
  const each = bursts.map((b) => classifyMotion([b]));
  const moving = bursts.filter((_, i) => MOVES.has(each[i]?.kind ?? ""));
  const kinds = new Set(each.filter((c) => c && MOVES.has(c.kind)).map((c) => c!.kind));
  if (moving.length > 0 && moving.length < bursts.length && kinds.size === 1) {
    const move = classifyMotion(moving);
    if (move) return { ...move, confidence: Math.round(move.confidence * (0.6 + (0.4 * moving.length) / bursts.length) * 100) / 100 };
  }
  return classifyMotion(bursts);
}

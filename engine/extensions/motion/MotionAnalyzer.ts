import {
  type Tag,
  CancellationToken,
  throwIfCancelled,
  Progress,
  type AnalysisInput,
  type Analyzer,
  type AnalyzerResult,
  FrameStoreReader,
  FRAME_RUN_WIDTH,
  evenHeight,
  makeTag,
} from "@sichter/engine/extension-api";
import { BURST_FRAMES, burstPositions } from "./burstPositions.ts";
import { burstMotion, type BurstMotion } from "./burstMotion.ts";
import { motionSegments, type MotionSegment } from "./motionSegments.ts";
import { BURSTS_PER_DECODE, decodeBursts } from "./burstDecoder.ts";
import { MOTION_LABELS } from "./motionLabels.ts";

/**
 * Width frames are measured at: 160x90 for 16:9 (1 px = 12 px at 1080p; the fit is subpixel). The
 * engine's frame runs are made at this width, so they can stand in for bursts.
 */
export const MOTION_WIDTH = FRAME_RUN_WIDTH;
/** ffmpegs decoding bursts at once, each single-threaded: one per core of a two-core machine. */
const DECODES_IN_PARALLEL = 2;
/** Shots longer than this are classified per burst and split where the camera changes. */
const SEGMENT_SECONDS = 12;

/**
 * Camera motion per shot: static, pan, tilt, zoom or handheld. Takes a few short bursts of
 * consecutive frames per shot, placed by time (see `burstPositions`), from the engine's frame runs
 * where one holds a burst and decoded otherwise, measures each burst's motion and its noise
 * (`burstMotion`) and turns the shot's bursts into tagged stretches (`motionSegments`): none across
 * a transition, and none where the evidence is not sure. Shots with nothing clear (no texture,
 * subject motion only, noise as large as the motion) get no tag.
 */
export class MotionAnalyzer implements Analyzer {
  readonly id = "sichter.motion";
  readonly version = "1.2.0";
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
    // A burst a run of the frame store holds, wherever in the run it starts, is measured there.
    // Bursts sit where the clip's time says, not where its keyframes are (a ProRes and an H.264
    // copy of one picture are measured on the same frames): a run stands in only when it happens
    // to hold one. Runs at another width are not used: the bursts are decoded instead.
    const store = new FrameStoreReader(input.frameStore);
    const plan = shots.map((shot) => ({ shot, positions: burstPositions(shot, fps) }));
    const jobs = plan.flatMap((p) =>
      p.positions.map((at) => ({ shot: p.shot, at, count: Math.min(BURST_FRAMES, p.shot.endFrame - at) })),
    );
    const measured = new Map<string, BurstMotion>();
    let done = 0;
    const toDecode: typeof jobs = [];
    try {
      for (const job of jobs) {
        const run = await store.frames(job.at, job.count, geometry);
        if (!run) {
          toDecode.push(job);
          continue;
        }
        measured.set(`${job.shot.index}:${job.at}`, burstMotion(run, MOTION_WIDTH, height));
        progress.report({ stage: "motion", fraction: ++done / Math.max(1, jobs.length) });
      }
    } finally {
      await store.dispose();
    }
    this.lastRun = { bursts: jobs.length, fromRuns: jobs.length - toDecode.length };
    await runInSlices(toDecode, DECODES_IN_PARALLEL, BURSTS_PER_DECODE, async (group) => {
      throwIfCancelled(token);
      const frames = await decodeBursts(
        media,
        group.map((job) => ({ first: job.at, count: job.count })),
        geometry,
        token,
      );
      group.forEach(({ shot, at }, i) => {
        measured.set(`${shot.index}:${at}`, burstMotion(frames[i]!, MOTION_WIDTH, height));
        progress.report({ stage: "motion", fraction: ++done / Math.max(1, jobs.length) });
      });
    });
    // Every gradual transition the shot step found: the shot before one may end after it has begun.
    const transitions = shots.flatMap((s) =>
      s.transition && s.transition.endFrame > s.transition.startFrame ? [s.transition] : [],
    );
    for (const { shot, positions } of plan) {
      const bursts = positions.flatMap((at) => {
        const motion = measured.get(`${shot.index}:${at}`);
        return motion ? [{ at, motion }] : [];
      });
      const long = (shot.endFrame - shot.startFrame) / fps > SEGMENT_SECONDS;
      // A dissolve or fade into the shot shows two pictures or a luma ramp, not the camera: tags start after it.
      const from = Math.min(shot.endFrame, Math.max(shot.startFrame, shot.transition?.endFrame ?? shot.startFrame));
      const segments = motionSegments(bursts, from, shot.endFrame, long);
      for (const found of segments) {
        const segment = outsideTransitions(found, transitions);
        if (!segment.motion || segment.endFrame <= segment.startFrame) continue;
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

/** A segment cut back so that no transition lies inside it: transitions show no camera motion. */
function outsideTransitions<T extends MotionSegment>(
  segment: T,
  transitions: ReadonlyArray<{ startFrame: number; endFrame: number }>,
): T {
  let { startFrame, endFrame } = segment;
  for (const t of transitions) {
    if (t.endFrame <= startFrame || t.startFrame >= endFrame) continue;
    if (t.startFrame <= startFrame) startFrame = Math.max(startFrame, t.endFrame);
    else endFrame = Math.min(endFrame, t.startFrame);
  }
  return { ...segment, startFrame, endFrame };
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

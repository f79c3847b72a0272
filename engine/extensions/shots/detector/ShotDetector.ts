import fs from "node:fs";
import {
  CancellationToken,
  CancellationTokenSource,
  throwIfCancelled,
  Progress,
  bytesPerFrame,
  readFrames,
  type CompanionPictures,
  FRAME_RUN_FRAMES,
  frameRunGeometry,
  keyframeFrameGeometry,
  keyframePictureGeometry,
  type FrameStoreWriter,
  frameSeconds,
  keyframeSeekSeconds,
  type MediaInfo,
  type ShotDetectionMode,
} from "@sichter/engine/extension-api";
import { analyzeFrameRun } from "./analyzeFrameRun.ts";
import { decideBoundaries } from "./decideBoundaries.ts";
import { plainDifference } from "./frameDifference.ts";
import { keyframeCandidates } from "./keyframeCandidates.ts";
import { keyframeRouteVerdict } from "./keyframeRoute.ts";
import { SHOT_GEOMETRY } from "./ShotGeometry.ts";
import { toLumaFrame, type LumaFrame } from "./LumaFrame.ts";
import { buildShots, type Shot } from "./Shot.ts";
import { thresholdScale, type ShotBoundary } from "./ShotBoundary.ts";
import { DISSOLVE_HALF_SPANS, FLASH_MAX_FRAMES, type SignalSeries } from "./ShotSignals.ts";

/**
 * `fast` scores keyframes first and decodes only the GOPs around candidate changes; `exact` decodes
 * every frame; `auto` picks fast where the file's GOP structure lets skipping win (see
 * keyframeRouteVerdict) and exact otherwise (intra-only codecs, short GOPs, one huge GOP).
 */
export type { ShotDetectionMode };

export interface ShotDetectionOptions {
  readonly mode?: ShotDetectionMode;
  /** 0..1, default 0.5. Higher finds subtler changes and risks more false cuts. */
  readonly sensitivity?: number;
  /**
   * Shortest shot in frames; closer boundaries compete. Default: 2, so the shortest shot of an edit
   * (a few frames of a montage) stays, while a one-frame picture between two cuts, which is a flash
   * frame rather than a shot, goes with its neighbour.
   */
  readonly minShotFrames?: number;
  /**
   * Also put into the job's frame store what fast mode decodes anyway, as far as its budget
   * allows. From the keyframe pass: a small RGB picture of every keyframe (see
   * storedGeometries), and the leading keyframes at OCR's width, for which that pass keeps
   * H.264's deblocking, as pictures text is read from need (the tests check that the shots found
   * stay the same). From the refine windows: the frame a second before each refined gap's closing
   * keyframe at OCR's width; the first frames after every keyframe in them as grey runs; and every
   * frame at the keyframe pictures' size, decoded as an analyzer's own short decodes are (from the
   * window's keyframe, one thread, without deblocking), so the same bytes. Exact mode puts in the
   * small picture of every frame of an intra-only file, where each frame is a keyframe; of other
   * files, as fast mode when it falls back, nothing.
   */
  readonly frameStore?: FrameStoreWriter;
}

export interface ShotDetectionResult {
  readonly shots: Shot[];
  readonly boundaries: ShotBoundary[];
  /** The mode that produced the result (`auto` resolved; fast may fall back to exact). */
  readonly mode: "fast" | "exact";
  /** The same in words of the work done: keyframes first and then the GOPs around changes, or every frame. */
  readonly route: "keyframes" | "full-decode";
  /** Why that route ran: asked for, chosen from the GOP structure, or fallen back to. */
  readonly routeReason: string;
  readonly decodedFrames: number;
  /** Why fast mode fell back to decoding everything, if it did. */
  readonly fallbackReason: string | null;
}

/** Frames decoded past a candidate gap so flashes and dissolves ending there can be judged. */
const WINDOW_TAIL = Math.max(FLASH_MAX_FRAMES + 1, Math.max(...DISSOLVE_HALF_SPANS) + 2);

/**
 * A dissolve is judged over spans reaching up to the longest half-span before its middle, so one
 * starting on or just after a gap's first keyframe cannot be seen from frames that begin there.
 * Where the GOP before is as short as the shortest span judged (MPEG-2's 12-frame GOPs), the
 * window starts a keyframe earlier; with longer GOPs every candidate gap would cost a whole GOP
 * more, and fast mode would decode about as much as exact mode where candidates are many.
 */
const LEAD_IN_GOP_MAX_FRAMES = 2 * Math.min(...DISSOLVE_HALF_SPANS.filter((w) => w >= 6));

/** The keyframe a candidate gap's window is decoded from: the gap's own, or the one before (see LEAD_IN_GOP_MAX_FRAMES). */
export function withLeadIn(keyframes: readonly number[], gap: number): number {
  if (gap === 0) return 0;
  return keyframes[gap]! - keyframes[gap - 1]! <= LEAD_IN_GOP_MAX_FRAMES ? gap - 1 : gap;
}

/** See ShotDetectionOptions.minShotFrames. */
const DEFAULT_MIN_SHOT_FRAMES = 2;

/**
 * Finds the shots of a probed clip: hard cuts at their exact frame, dissolves and fades as ranges.
 * Long work: reports progress by decoded frames and stops (killing ffmpeg) when cancelled.
 */
export async function detectShots(
  media: MediaInfo,
  options: ShotDetectionOptions = {},
  progress: Progress = Progress.None,
  token: CancellationToken = CancellationToken.None,
): Promise<ShotDetectionResult> {
  const thresholds = { sensitivity: options.sensitivity ?? 0.5 };
  const minShotFrames = options.minShotFrames ?? DEFAULT_MIN_SHOT_FRAMES;
  const requested = options.mode ?? "auto";
  // Keyframe skipping needs keyframes to skip between; intra-only codecs have nothing to skip.
  const fastImpossible = media.intraOnly
    ? "intra-only codec"
    : media.keyframes.length < 2
      ? "fewer than two keyframes"
      : null;

  let boundaries: ShotBoundary[];
  let decodedFrames: number;
  let mode: "fast" | "exact" = "exact";
  let fallbackReason: string | null = requested === "fast" ? fastImpossible : null;
  const store = options.frameStore;
  // Asked for nothing in particular, the file's GOP structure decides whether skipping can win.
  const verdict = keyframeRouteVerdict(media);
  const tryFast = requested === "fast" ? fastImpossible === null : requested === "auto" && verdict.canWin;
  const fast = tryFast ? await detectFast(media, thresholds, store, progress, token) : null;
  if (fast && !("fallbackReason" in fast)) {
    ({ boundaries, decodedFrames } = fast);
    mode = "fast";
  } else {
    ({ boundaries, decodedFrames } = await detectExact(media, thresholds, store, progress, token));
    if (fast) {
      fallbackReason = fast.fallbackReason;
      decodedFrames += fast.decodedFrames;
    }
  }
  progress.report({ stage: "shots", fraction: 1 });
  const built = buildShots(boundaries, media.frameCount, minShotFrames);
  const route = mode === "fast" ? "keyframes" : "full-decode";
  const routeReason = fallbackReason ?? (requested === "exact" ? "exact mode asked for" : verdict.reason);
  return {
    ...built,
    mode,
    route,
    routeReason,
    decodedFrames,
    fallbackReason,
  };
}

async function detectExact(
  media: MediaInfo,
  thresholds: { sensitivity: number },
  store: FrameStoreWriter | undefined,
  progress: Progress,
  token: CancellationToken,
): Promise<{ boundaries: ShotBoundary[]; decodedFrames: number }> {
  // Every frame of an intra-only file is a keyframe, so a step that reads every keyframe's small
  // picture (cues) would decode the whole file a second time: this decode keeps them instead, as
  // fast mode's keyframe pass does for long-GOP files. Decoded from the start, so numbered exactly.
  const geometry = keyframePictureGeometry(media);
  const small = store && media.intraOnly ? store.reserve("frames.small.rgb", geometry, media.frameCount) : undefined;
  let decoded = 0;
  const total = Math.max(1, media.frameCount);
  const series = await analyzeFrameRun(
    { file: media.path, fastDecode: true, ...(small && { companions: [{ geometry, file: small }] }) },
    { firstFrame: 0 },
    () => {
      decoded++;
      if (decoded % 25 === 0) progress.report({ stage: "decode", fraction: decoded / total });
    },
    token,
  );
  if (small) {
    const count = series ? Math.floor(fs.statSync(small).size / bytesPerFrame(geometry)) : 0;
    if (count > 0) store!.keep(small, geometry, [[0, count]]);
    else store!.drop(small);
  }
  return { boundaries: series ? decideBoundaries(series, thresholds) : [], decodedFrames: decoded };
}

type FastOutcome =
  { boundaries: ShotBoundary[]; decodedFrames: number } | { fallbackReason: string; decodedFrames: number };

async function detectFast(
  media: MediaInfo,
  thresholds: { sensitivity: number },
  store: FrameStoreWriter | undefined,
  progress: Progress,
  token: CancellationToken,
): Promise<FastOutcome> {
  const geometry = keyframeFrameGeometry(media);
  // As many leading keyframes as the budget allows; what it leaves of its share of large pictures
  // goes to the refine windows' frames at the same width.
  const count = store ? Math.min(media.keyframes.length, store.room(geometry, true)) : 0;
  const file = count > 0 ? store!.reserve("keyframes.rgb", geometry, count, true) : undefined;
  const frames = file ? { geometry, file, count, spare: store!.room(geometry, true) } : undefined;
  let outcome: FastOutcome | undefined;
  try {
    outcome = await detectFastWith(media, thresholds, { frames, store }, progress, token);
    return outcome;
  } finally {
    // Stored pictures outlive this call only with a result: a fallback's frame numbers are suspect.
    if (!outcome || "fallbackReason" in outcome) store?.clear();
  }
}

async function detectFastWith(
  media: MediaInfo,
  thresholds: { sensitivity: number },
  keep: { frames: KeyframeFrameRequest | undefined; store: FrameStoreWriter | undefined },
  progress: Progress,
  token: CancellationToken,
): Promise<FastOutcome> {
  const { width, height } = SHOT_GEOMETRY;
  const pictures: LumaFrame[] = [];
  const geometry = keyframePictureGeometry(media);
  const { frames, store } = keep;
  const small = store?.reserve("keyframes.small.rgb", geometry, media.keyframes.length);
  const companion = small ? { geometry, file: small } : undefined;
  // Keyframes past the budget are left out: the output then ends after the last one kept.
  const large = frames && {
    geometry: frames.geometry,
    file: frames.file,
    ...(frames.count < media.keyframes.length && { frames: [[0, frames.count] as const] }),
  };
  const companions = [companion, large].filter((c) => c !== undefined);
  for await (const pixels of readFrames(
    { file: media.path, geometry: SHOT_GEOMETRY, keyframesOnly: true, fastDecode: !large, companions },
    token,
  )) {
    const index = media.keyframes[pictures.length] ?? -1;
    pictures.push(toLumaFrame(index, pixels, width, height));
    if (pictures.length % 8 === 0) {
      progress.report({ stage: "keyframes", fraction: 0.2 * (pictures.length / media.keyframes.length) });
    }
  }
  throwIfCancelled(token);
  const eachKeyframe = (n: number) => media.keyframes.slice(0, n).map((k) => [k, 1] as const);
  if (small) store!.keep(small, geometry, eachKeyframe(media.keyframes.length));
  const keptKeyframes = !!frames && store!.keep(frames.file, frames.geometry, eachKeyframe(frames.count));
  // Some demuxers flag recovery points ffmpeg will not decode alone (or the reverse); without a
  // one-to-one mapping frame numbers would be guesses, and guesses are what Sichter must not give.
  if (pictures.length !== media.keyframes.length) {
    return {
      fallbackReason: `keyframe decode gave ${pictures.length} frames for ${media.keyframes.length} keyframes`,
      decodedFrames: pictures.length,
    };
  }

  const gaps = keyframeCandidates(
    media.keyframes,
    pictures,
    media.packetSizes,
    media.frameCount,
    thresholdScale(thresholds),
  );
  const windows = mergeWindows(
    gaps.map((i) => {
      const first = withLeadIn(media.keyframes, i);
      return {
        keyframe: first,
        from: media.keyframes[first]!,
        to: Math.min(media.frameCount, (media.keyframes[i + 1] ?? media.frameCount) + WINDOW_TAIL),
      };
    }),
  );

  const windowFrames = windows.reduce((sum, w) => sum + (w.to - w.from), 0);
  // The frame a second before each gap's closing keyframe, while the budget allows: where a shot
  // ends on that keyframe (x264 puts one on every cut it sees), that frame is the extra one OCR
  // reads before the shot's end, which it would otherwise decode again from the keyframe before.
  const leadIn = Math.max(1, Math.round(LEAD_IN_SECONDS / frameSeconds(media)));
  const leadInFrames =
    frames && keptKeyframes && frames.count === media.keyframes.length
      ? [...new Set(gaps.map((i) => (media.keyframes[i + 1] ?? media.frameCount) - leadIn))]
          .filter((f) => f >= 0)
          .slice(0, frames.spare)
      : [];
  /**
   * The pictures a window writes into the frame store for the steps after it (see the options'
   * frameStore); each is kept by `keep` once the window landed where it was aimed, else dropped.
   */
  const handedOn = (w: Window): Array<{ picture: CompanionPictures; keep: () => void; drop: () => void }> => {
    const out: Array<{ picture: CompanionPictures; keep: () => void; drop: () => void }> = [];
    if (!store) return out;
    const leadIns = leadInFrames.filter((f) => f >= w.from && f < w.to).sort((a, b) => a - b);
    const large =
      frames && leadIns.length > 0
        ? store.reserve(`window-${w.from}.rgb`, frames.geometry, leadIns.length, true)
        : undefined;
    if (frames && large) {
      out.push({
        picture: {
          geometry: frames.geometry,
          file: large,
          frames: leadIns.map((f) => [f - w.from, f - w.from + 1] as const),
        },
        keep: () =>
          store.keep(
            large,
            frames.geometry,
            leadIns.map((f) => [f, 1] as const),
          ),
        drop: () => store.drop(large),
      });
    }
    const small = store.reserve(`window-${w.from}.small.rgb`, geometry, w.to - w.from);
    if (small) {
      out.push({
        picture: { geometry, file: small },
        keep: () => {
          // A window the clip's end cut short holds fewer frames than planned, perhaps none.
          const count = Math.floor(fs.statSync(small).size / bytesPerFrame(geometry));
          if (count > 0) store.keep(small, geometry, [[w.from, count]]);
          else store.drop(small);
        },
        drop: () => store.drop(small),
      });
    }
    return out;
  };
  const runGeometry = store ? frameRunGeometry(media) : undefined;
  let decoded = 0;
  // A failed seek check stops the other windows too: their frame numbers are suspect as well.
  const abort = new CancellationTokenSource(token);
  let misplaced: Window | undefined;
  const decodeWindow = (w: Window, companions: CompanionPictures[]): Promise<SignalSeries | undefined> =>
    analyzeFrameRun(
      {
        file: media.path,
        keyframeSeekSeconds: keyframeSeekSeconds(media, w.keyframe),
        fastDecode: true,
        threads: 1,
        // Companion frames are counted from the keyframe the seek aims at: ffmpeg must stop by
        // itself (a killed ffmpeg may not have written its last pictures), after exactly the
        // window's frames.
        ...(companions.length > 0 && { companions, maxFrames: w.to - w.from }),
      },
      {
        // A seek lands on a keyframe, but demuxers differ on which; the first decoded frame is
        // matched against the keyframes just scored, and anything unrecognised is refused, since a
        // guessed offset would shift every frame number.
        firstFrame: (first) => {
          for (let k = w.keyframe; k >= Math.max(0, w.keyframe - SEEK_LOOKBACK); k--) {
            if (plainDifference(pictures[k]!, first).score <= SAME_PICTURE) return media.keyframes[k];
          }
          return undefined;
        },
        endFrame: w.to,
      },
      () => {
        decoded++;
        if (decoded % 25 === 0)
          progress.report({ stage: "refine", fraction: 0.2 + 0.8 * Math.min(1, decoded / windowFrames) });
      },
      abort.token,
    );
  const refine = async (w: Window): Promise<ShotBoundary[]> => {
    // Every keyframe in the window starts a run: the frames after it are decoded anyway.
    const starts = runGeometry ? media.keyframes.filter((k) => k >= w.from && k + FRAME_RUN_FRAMES <= w.to) : [];
    const runFile =
      runGeometry && starts.length > 0
        ? store!.reserve(`runs-${w.from}.gray`, runGeometry, starts.length * FRAME_RUN_FRAMES)
        : undefined;
    const runPictures = runFile
      ? {
          geometry: runGeometry!,
          file: runFile,
          frames: starts.map((k) => [k - w.from, k - w.from + FRAME_RUN_FRAMES] as const),
        }
      : undefined;
    const outputs = handedOn(w);
    const companions = [...(runPictures ? [runPictures] : []), ...outputs.map((o) => o.picture)];
    let series = await decodeWindow(w, companions);
    if (companions.length > 0) {
      if (series && series.firstFrame === w.from) {
        if (runPictures)
          store!.keep(
            runPictures.file,
            runPictures.geometry,
            starts.map((k) => [k, FRAME_RUN_FRAMES] as const),
          );
        for (const output of outputs) output.keep();
      } else {
        // Landed on an earlier keyframe: the frame budget fell short of the window's end, and the
        // companions' frames are others than meant. Decoded again as without them.
        if (series) series = await decodeWindow(w, []);
        for (const output of outputs) output.drop();
        if (runPictures) store!.drop(runPictures.file);
      }
    }
    if (!series) {
      misplaced ??= w;
      abort.cancel();
      return [];
    }
    // Frames before the window (an early landing) belong to an earlier window's verdict.
    return decideBoundaries(series, thresholds).filter((b) => b.frame >= w.from);
  };
  const fallback = (w: Window): FastOutcome => ({
    fallbackReason: `seek to frame ${w.from} did not land on its keyframe`,
    decodedFrames: pictures.length + decoded,
  });
  try {
    const perWindow = await mapConcurrent(windows, REFINE_CONCURRENCY, (w) => w.to - w.from, refine);
    if (misplaced) return fallback(misplaced);
    return { boundaries: perWindow.flat(), decodedFrames: pictures.length + decoded };
  } catch (error) {
    throwIfCancelled(token);
    if (misplaced) return fallback(misplaced);
    throw error;
  } finally {
    abort.dispose();
  }
}

/** Where and how many keyframe frames the keyframe pass writes. */
interface KeyframeFrameRequest {
  readonly geometry: ReturnType<typeof keyframeFrameGeometry>;
  readonly file: string;
  readonly count: number;
  /** Pictures the budget leaves at that width for the refine windows' frames a second before a keyframe. */
  readonly spare: number;
}

/** How far before a gap's closing keyframe the refine window keeps a frame at OCR's width. */
const LEAD_IN_SECONDS = 1;

/** Keyframes before the aimed-at one that a seek's first frame is matched against. */
const SEEK_LOOKBACK = 3;
/** Two decodes of the same frame differ by rounding only. */
const SAME_PICTURE = 0.02;
/** Windows decoded side by side: two single-threaded decoders keep both cores busy. */
const REFINE_CONCURRENCY = 2;

/**
 * Maps with at most `limit` calls in flight, keeping the input order in the result. Items are
 * started largest first (by `size`): the last one to finish then runs alone for the shortest time,
 * while the other decoder has nothing left to do.
 */
async function mapConcurrent<T, R>(
  items: readonly T[],
  limit: number,
  size: (item: T) => number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  const order = items.map((_, i) => i).sort((a, b) => size(items[b]!) - size(items[a]!) || a - b);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < order.length) {
      const i = order[next++]!;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
interface Window {
  keyframe: number;
  from: number;
  to: number;
}

/** Overlapping or touching windows become one, so a transition across a keyframe is seen whole. */
function mergeWindows(windows: readonly Window[]): Window[] {
  const merged: Window[] = [];
  for (const w of windows) {
    const last = merged.at(-1);
    if (last && w.from <= last.to) last.to = Math.max(last.to, w.to);
    else merged.push({ ...w });
  }
  return merged;
}

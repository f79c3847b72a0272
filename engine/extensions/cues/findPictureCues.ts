import {
  CancellationToken,
  throwIfCancelled,
  Progress,
  readFrames,
  type FrameGeometry,
  decodeRun,
  type RgbImage,
  KEYFRAME_PICTURE_WIDTH,
  keyframePictureGeometry,
  type MediaInfo,
  type FrameStoreReader,
} from "@sichter/engine/extension-api";
import { CueFrames, keyframeAtOrBefore, SEEK_FRAMES, type DecodeFromKeyframe } from "./CueFrames.ts";
import { heldPicture, isBars, isBlack, samePicture } from "./pictureChecks.ts";
import { QuietCover, quietRuns, type QuietRun } from "./quietRuns.ts";

export type PictureCueKind = "cue.black" | "cue.bars" | "cue.freeze";

/** A picture cue over frames [startFrame, endFrame). */
export interface PictureCue {
  readonly kind: PictureCueKind;
  readonly startFrame: number;
  readonly endFrame: number;
}

export interface PictureCueOptions {
  /** Shortest black or bars range reported, in seconds (default 0.2). */
  readonly minBlackSeconds?: number;
  /** Shortest freeze reported, in seconds (default 0.5). */
  readonly minFreezeSeconds?: number;
  /**
   * Says whether a held picture starting at this frame is a still shot (a card, a graphic) rather
   * than a freeze. Such a candidate is not decoded unless a keyframe in it is black or bars: it
   * could only have become a freeze cue, which the caller would drop.
   */
  readonly isStillShot?: (frame: number) => boolean;
  /**
   * Fades through black found by the shot detector, frames [startFrame, endFrame). A fade straight
   * through black holds no picture, so its black frames cost real bits and only this points at them.
   */
  readonly fades?: ReadonlyArray<{ readonly startFrame: number; readonly endFrame: number }>;
  /**
   * The job's frame store. When it holds every keyframe at the cue geometry (the shot step's
   * keyframe pass puts them in), the keyframes-only decode is skipped; a stretch it holds (the shot
   * step's refine windows, decoded from the same keyframe as a stretch here is) is not decoded.
   */
  readonly frameStore?: FrameStoreReader;
}

/**
 * Width of the pictures cues are judged on (height follows the aspect). Black and bars need no
 * more, and it is the width of the shot step's keyframe pictures, so those can stand in.
 */
export const CUE_WIDTH = KEYFRAME_PICTURE_WIDTH;
/** Frames decoded on each side of a held run's middle, and the first step of a search for a range edge. */
const EDGE_WINDOW = 12;
/** Frames decoded after a candidate: a held run's quiet packets end with it but for B-frame blur. */
const END_MARGIN = 6;
/** A held run whose undecoded middle would be at least this long is decoded at its ends only. */
const LONG_HOLD = 4 * EDGE_WINDOW;

/** Frames [lo, hi) to judge, but for `middles` that are not decoded unless their ends disagree. */
interface Span {
  readonly lo: number;
  readonly hi: number;
  readonly middles: ReadonlyArray<readonly [number, number]>;
}

/**
 * Black, colour bars and freeze frames without decoding the whole clip:
 * - long-GOP: packet sizes point at held pictures (quiet runs, see `quietRuns`); every keyframe is
 *   decoded at 64 px and points at black or bars that is not held still (noisy black); the shot
 *   detector's fades point at black that is not held at all. Each candidate is decoded from the
 *   keyframe before it to a few frames past it, candidates close together in one ffmpeg run; runs
 *   of black, bars or one held picture in those frames become cues, and a run that reaches the
 *   decoded edge is followed outward until a frame fails its test. Ranges are therefore exact
 *   frames, not keyframe-coarse. A long held run is decoded at both ends only when its keyframes
 *   show the same as its ends (the quiet packets between say nothing changes).
 *   Every decode's seek is checked against the keyframe pass; a miss re-decodes from the start.
 * - intra-only: packet sizes say nothing and every frame is a keyframe, so the keyframe pass has
 *   every frame and runs are read off directly.
 * A freeze is the whole range that shows one picture, including its first (still moving) frame. In
 * long-GOP video it must also be held by the encoder: most of its frames have quiet packets. A
 * still graphic with a faint animation or a locked-off shot can stay within the picture tolerance
 * for a second, but the encoder codes the change.
 */
export async function findPictureCues(
  media: MediaInfo,
  options: PictureCueOptions = {},
  progress: Progress = Progress.None,
  token: CancellationToken = CancellationToken.None,
): Promise<{ cues: PictureCue[]; decodedFrames: number }> {
  const fps = frameRate(media);
  const minBlack = Math.max(1, Math.round((options.minBlackSeconds ?? 0.2) * fps));
  const minFreeze = Math.max(2, Math.round((options.minFreezeSeconds ?? 0.5) * fps));
  const minLength = (kind: PictureCueKind): number => (kind === "cue.freeze" ? minFreeze : minBlack);

  const geometry: FrameGeometry = keyframePictureGeometry(media);
  const given = options.frameStore && (await storedKeyframes(options.frameStore, media, geometry));
  const fits = given !== undefined;
  const keyPictures = given ?? (await keyframePictures(media, geometry, token));
  progress.report({ stage: "cues", fraction: 0.3 });

  if (media.intraOnly || media.keyframes.length >= media.frameCount) {
    // No packet sizes to say the encoder held the picture: every part of it must hold (see `heldPicture`).
    const cues = classifiedRuns(keyPictures, 0, heldPicture).filter(
      (c) => c.endFrame - c.startFrame >= minLength(c.kind),
    );
    return {
      cues: cues.map(({ kind, startFrame, endFrame }) => ({ kind, startFrame, endFrame })),
      decodedFrames: fits ? 0 : keyPictures.length,
    };
  }

  const quiet = quietRuns(media);
  const cover = new QuietCover(quiet, media.frameCount);
  const held = quiet.filter((r) => r.endFrame - r.firstFrame >= Math.min(minBlack, minFreeze));
  const blocks = joinedSpans(media, candidateSpans(media, held, keyPictures, options));
  let decodedFrames = fits ? 0 : keyPictures.length;
  const decode = keyframeDecoder(media, keyPictures, geometry, options.frameStore, token, (n) => (decodedFrames += n));

  const cues: PictureCue[] = [];
  let finished = 0;
  // Each decode is a short single-threaded ffmpeg run, so two at a time keep both cores busy.
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < blocks.length; i = next++) {
      const block = blocks[i]!;
      // A cue followed out of an earlier span may already hold this one.
      if (!cues.some((c) => c.startFrame <= block.lo && block.hi <= c.endFrame)) {
        cues.push(...(await examineSpan(media, block, new CueFrames(media, decode), keyPictures, cover)));
      }
      progress.report({ stage: "cues", fraction: 0.3 + (0.7 * ++finished) / blocks.length });
    }
  };
  await Promise.all([worker(), worker()]);
  progress.report({ stage: "cues", fraction: 1 });
  const kept = cues.filter(
    (c) =>
      c.endFrame - c.startFrame >= minLength(c.kind) &&
      (c.kind !== "cue.freeze" || cover.holds(c.startFrame, c.endFrame)),
  );
  return { cues: mergeCues(kept), decodedFrames };
}

/** Every keyframe at the cue geometry from the store, or undefined where it lacks any. */
async function storedKeyframes(
  store: FrameStoreReader,
  media: MediaInfo,
  geometry: FrameGeometry,
): Promise<RgbImage[] | undefined> {
  if (!media.keyframes.every((k) => store.has(k, geometry))) return undefined;
  const pictures: RgbImage[] = [];
  for (const k of media.keyframes) {
    const data = await store.frame(k, geometry);
    if (!data) return undefined;
    pictures.push({ width: geometry.width, height: geometry.height, data });
  }
  return pictures;
}

/** Every keyframe at 64 px, in one keyframes-only pass. */
async function keyframePictures(
  media: MediaInfo,
  geometry: FrameGeometry,
  token: CancellationToken,
): Promise<RgbImage[]> {
  const pictures: RgbImage[] = [];
  for await (const data of readFrames({ file: media.path, keyframesOnly: true, fastDecode: true, geometry }, token)) {
    pictures.push({ width: geometry.width, height: geometry.height, data });
  }
  return pictures;
}

/**
 * Frames [keyframe, end), exact: the seek is checked against the keyframe pass; a container that
 * seeks elsewhere (MPEG-TS without an index can) is decoded from its start.
 */
function keyframeDecoder(
  media: MediaInfo,
  keyPictures: readonly RgbImage[],
  geometry: FrameGeometry,
  store: FrameStoreReader | undefined,
  token: CancellationToken,
  count: (decoded: number) => void,
): DecodeFromKeyframe {
  const picture = (data: Uint8Array): RgbImage => ({ width: geometry.width, height: geometry.height, data });
  return async (keyframe, end) => {
    throwIfCancelled(token);
    const n = Math.min(end, media.frameCount) - keyframe;
    if (n <= 0) return [];
    // A refine window of the shot step decoded these frames from the same keyframe already.
    const kept = await store?.frames(keyframe, n, geometry);
    if (kept) return kept.map(picture);
    const run = await decodeRun(media, keyframe, n, geometry, token);
    count(n + keyframe - (media.keyframes[run.keyframeIndex] ?? 0));
    if (seekLanded(media, keyPictures, run.keyframeIndex, run.keyPicture)) return run.frames.map(picture);
    const exact = await decodeRun(media, keyframe, n, geometry, token, true);
    count(keyframe + n);
    return exact.frames.map(picture);
  };
}

/**
 * What to decode: quiet runs (but plain still shots), fades, and black or bars keyframes no quiet
 * run covers. Judging starts at the keyframe before a candidate: decoding starts there anyway.
 */
function candidateSpans(
  media: MediaInfo,
  held: readonly QuietRun[],
  keyPictures: readonly RgbImage[],
  options: PictureCueOptions,
): Span[] {
  const spans: Span[] = [];
  const add = (first: number, end: number, middles: Span["middles"] = []): void => {
    spans.push({ lo: keyframeAtOrBefore(media, first), hi: Math.min(media.frameCount, end + END_MARGIN), middles });
  };
  for (const run of held) {
    if (options.isStillShot?.(run.firstFrame) && plainStill(media, keyPictures, run)) continue;
    add(run.firstFrame, run.endFrame, heldMiddle(media, run));
  }
  for (const fade of options.fades ?? []) add(fade.startFrame, fade.endFrame);
  for (const [first, last] of classedKeyframes(media, keyPictures, held)) add(first, last + 1);
  return spans.filter((s) => s.hi > s.lo).sort((a, b) => a.lo - b.lo);
}

/**
 * Black or bars keyframes no quiet run covers, consecutive ones of one class as one [first, last]
 * pair: a long stretch of noisy black is then decoded once, not followed outward from every keyframe.
 */
function classedKeyframes(
  media: MediaInfo,
  keyPictures: readonly RgbImage[],
  held: readonly QuietRun[],
): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let previous: { kind: PictureCueKind | null; index: number } = { kind: null, index: -2 };
  media.keyframes.forEach((k, i) => {
    const picture = keyPictures[i];
    if (!picture || held.some((r) => r.firstFrame <= k && k < r.endFrame)) return;
    const kind = classOf(picture);
    if (kind === null) return;
    const last = out.at(-1);
    if (last && previous.kind === kind && previous.index === i - 1) last[1] = k;
    else out.push([k, k]);
    previous = { kind, index: i };
  });
  return out;
}

/**
 * A still shot holds a keyframe that shows what the whole run shows; without one the run is too
 * short to judge unseen (a black gap between keyframes), so it is decoded.
 */
function plainStill(media: MediaInfo, keyPictures: readonly RgbImage[], run: QuietRun): boolean {
  const inside = media.keyframes.flatMap((k, i) => (k >= run.firstFrame && k < run.endFrame ? [keyPictures[i]] : []));
  return inside.length > 0 && inside.every((p) => p !== undefined && !isBlack(p) && !isBars(p));
}

/**
 * The part of a long held run left undecoded: from EDGE_WINDOW frames into it to the keyframe from
 * which its last EDGE_WINDOW frames are decoded (that keyframe costs nothing extra to decode).
 */
function heldMiddle(media: MediaInfo, run: QuietRun): Span["middles"] {
  const from = run.firstFrame + EDGE_WINDOW;
  const to = keyframeAtOrBefore(media, run.endFrame - EDGE_WINDOW);
  return to - from >= LONG_HOLD ? [[from, to]] : [];
}

/**
 * Spans that overlap, or lie closer than another ffmpeg run would cost, become one: decoded in one
 * run and judged as one range, so a cue is never cut at the seam.
 */
function joinedSpans(media: MediaInfo, spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const span of spans) {
    const last = out.at(-1);
    if (last && keyframeAtOrBefore(media, span.lo) - last.hi <= SEEK_FRAMES) {
      // A middle the other span needs decoded is decoded.
      const apart =
        (other: Span) =>
        ([from, to]: readonly [number, number]): boolean =>
          to <= other.lo || from >= other.hi;
      const middles = [...last.middles.filter(apart(span)), ...span.middles.filter(apart(last))].sort(
        (a, b) => a[0] - b[0],
      );
      out[out.length - 1] = { lo: last.lo, hi: Math.max(last.hi, span.hi), middles };
    } else out.push(span);
  }
  return out;
}

/** Cues in one span: its frames decoded (or trusted, see `trustMiddle`), runs followed past its edges. */
async function examineSpan(
  media: MediaInfo,
  span: Span,
  frames: CueFrames,
  keyPictures: readonly RgbImage[],
  cover: QuietCover,
): Promise<PictureCue[]> {
  let from = span.lo;
  for (const [start, end] of span.middles) {
    await frames.ensure(from, start);
    from = end;
  }
  await frames.ensure(from, span.hi);
  for (const [start, end] of span.middles) {
    const [changeFrom, changeTo] = trustMiddle(media, frames, keyPictures, start, end);
    await frames.ensure(changeFrom, changeTo);
  }
  const pictures = frames.run(span.lo, span.hi);
  const end = span.lo + pictures.length;
  const cues: PictureCue[] = [];
  for (const run of classifiedRuns(pictures, span.lo)) {
    const back = run.startFrame === span.lo && span.lo > 0;
    const forward = run.endFrame === end && end < media.frameCount;
    // A held picture the encoder coded as change is no freeze, however far it is followed.
    if (run.kind === "cue.freeze" && !cover.mayHold(run.startFrame, run.endFrame, back, forward)) continue;
    const holds = predicate(run.kind, run.first);
    const startFrame = back ? await searchStart(media, span.lo, holds, frames) : run.startFrame;
    const endFrame = forward ? await searchEnd(media, end, holds, frames) : run.endFrame;
    cues.push({ kind: run.kind, startFrame, endFrame });
  }
  return cues;
}

/**
 * Fills the undecoded middle [start, end) of a long held run as far as it can be trusted and returns
 * the stretch still to decode (empty when all of it is trusted). Quiet packets say nothing changes
 * between two pictures that agree (both black, both bars, or the same picture), and the keyframe
 * pass has a picture at every keyframe: the middle is trusted from its decoded start up to the last
 * keyframe still agreeing with it, and back from its decoded end to the first keyframe agreeing with
 * that. What lies between (bars cut to black inside one quiet run) is decoded, from its keyframe.
 */
function trustMiddle(
  media: MediaInfo,
  frames: CueFrames,
  keyPictures: readonly RgbImage[],
  start: number,
  end: number,
): [number, number] {
  const before = frames.at(start - 1);
  const after = frames.at(end);
  if (!before || !after) return [start, end];
  const keys = media.keyframes.flatMap((k, i) => (k > start && k < end ? [{ frame: k, picture: keyPictures[i] }] : []));
  const agrees = (a: RgbImage, b: RgbImage | undefined): boolean => b !== undefined && sameClass(a, b);
  let agreeing = 0;
  while (agreeing < keys.length && agrees(before, keys[agreeing]!.picture)) agreeing++;
  if (agreeing === keys.length && sameClass(before, after)) {
    frames.fill(start, end, before);
    return [end, end];
  }
  let firstAfter = keys.length;
  while (firstAfter > agreeing && agrees(after, keys[firstAfter - 1]!.picture)) firstAfter--;
  const changeFrom = agreeing > 0 ? keys[agreeing - 1]!.frame : start;
  const changeTo = firstAfter < keys.length ? keys[firstAfter]!.frame : end;
  frames.fill(start, changeFrom, before);
  frames.fill(changeTo, end, after);
  return [changeFrom, changeTo];
}

/** Both black, both bars, or neither and the same picture. */
function sameClass(a: RgbImage, b: RgbImage): boolean {
  const kind = classOf(a);
  return kind === classOf(b) && (kind !== null || samePicture(a, b));
}

/** The class test a cue's frames pass: black and bars by their look, a freeze by its picture. */
function predicate(kind: PictureCueKind, first: RgbImage): (p: RgbImage) => boolean {
  return kind === "cue.black" ? isBlack : kind === "cue.bars" ? isBars : (p) => samePicture(p, first);
}

/**
 * Did a keyframe seek land on the keyframe asked for? Its picture must match the keyframe pass. When
 * neighbouring keyframes look the same (inside black), a wrong landing cannot be seen; only MPEG-TS
 * is known to land elsewhere, so there it counts as a miss.
 */
function seekLanded(media: MediaInfo, keyPictures: readonly RgbImage[], i: number, landed: Uint8Array | null): boolean {
  const expected = keyPictures[i];
  if (!expected || !landed) return false;
  if (!samePicture(expected, { ...expected, data: landed })) return false;
  if (media.container !== "mpegts") return true;
  const neighbours = [keyPictures[i - 1], keyPictures[i + 1]].filter((p): p is RgbImage => p !== undefined);
  return neighbours.every((p) => !samePicture(p, expected));
}

/**
 * First frame of the run of frames that hold, ending at `from` (which holds), searching back one
 * GOP at a time: each step decodes from its keyframe, so nothing is decoded twice.
 */
async function searchStart(
  media: MediaInfo,
  from: number,
  holds: (p: RgbImage) => boolean,
  frames: CueFrames,
): Promise<number> {
  let first = from;
  while (first > 0) {
    const key = Math.min(first - 1, keyframeAtOrBefore(media, first - 1));
    await frames.ensure(key, first);
    for (let f = first - 1; f >= key; f--) {
      const picture = frames.at(f);
      if (!picture || !holds(picture)) return f + 1;
    }
    first = key;
  }
  return 0;
}

/** Exclusive end of the run of frames that hold, starting at `from`, in steps that double. */
async function searchEnd(
  media: MediaInfo,
  from: number,
  holds: (p: RgbImage) => boolean,
  frames: CueFrames,
): Promise<number> {
  let lo = from;
  for (let step = 2 * EDGE_WINDOW; lo < media.frameCount; step *= 2) {
    const hi = Math.min(media.frameCount, lo + step);
    await frames.ensure(lo, hi);
    for (let f = lo; f < hi; f++) {
      const picture = frames.at(f);
      if (!picture || !holds(picture)) return f;
    }
    lo = hi;
  }
  return media.frameCount;
}

function classOf(p: RgbImage): PictureCueKind | null {
  return isBars(p) ? "cue.bars" : isBlack(p) ? "cue.black" : null;
}

/**
 * Black, bars and held-picture runs in consecutive decoded frames starting at frame `offset`.
 * Held runs of a single frame are dropped (every frame "holds" itself).
 */
function classifiedRuns(
  pictures: readonly RgbImage[],
  offset: number,
  same: (a: RgbImage, b: RgbImage) => boolean = samePicture,
): Array<PictureCue & { first: RgbImage }> {
  const runs: Array<PictureCue & { first: RgbImage }> = [];
  let f = 0;
  while (f < pictures.length) {
    const first = pictures[f]!;
    const kind = classOf(first);
    let end = f + 1;
    if (kind !== null) {
      while (end < pictures.length && classOf(pictures[end]!) === kind) end++;
      runs.push({ kind, startFrame: offset + f, endFrame: offset + end, first });
    } else {
      while (end < pictures.length && same(pictures[end]!, first)) end++;
      if (end - f > 1) runs.push({ kind: "cue.freeze", startFrame: offset + f, endFrame: offset + end, first });
    }
    f = end;
  }
  return runs;
}

/** Ranges of one kind that touch or overlap become one. */
function mergeCues(cues: readonly PictureCue[]): PictureCue[] {
  const sorted = [...cues].sort((a, b) => a.startFrame - b.startFrame || a.kind.localeCompare(b.kind));
  const out: PictureCue[] = [];
  for (const cue of sorted) {
    const same = out.findLast((c) => c.kind === cue.kind);
    if (same && cue.startFrame <= same.endFrame) {
      out[out.lastIndexOf(same)] = { ...same, endFrame: Math.max(same.endFrame, cue.endFrame) };
    } else out.push(cue);
  }
  return out;
}

export function frameRate(media: Pick<MediaInfo, "frameRate">): number {
  const [num, den] = media.frameRate.split("/").map(Number) as [number, number];
  return num / den;
}

import { cellChange, colourDifference } from "./colourDifference.ts";
import { levelDifference, plainDifference } from "./frameDifference.ts";
import { isFlat, type LumaFrame } from "./LumaFrame.ts";

/** Below this, two keyframes show the same picture and nothing between them needs a look. */
const KEYFRAME_SAME_SCORE = 0.06;
/** A gap whose keyframe difference is this many times its neighbours' stands out like a cut. */
const PEAK_RATIO = 1.8;
const PEAK_RADIUS = 3;
/** Keyframes whose coloured blocks mostly changed colour by this score may hold a colour-only cut. */
const KEYFRAME_COLOUR_SCORE = 0.1;
const KEYFRAME_COLOUR_CHANGED = 0.5;
/**
 * Keyframes whose coarse light and colour (levelDifference + cellChange's colour) differ by this
 * much, and this many times more than those of at least one neighbouring gap, may hold a cut even
 * where busy pictures make every pair of keyframes differ in structure.
 */
const KEYFRAME_COARSE_SCORE = 0.3;
const KEYFRAME_COARSE_RATIO = 1.8;
/** Keyframes of one shot cost similar bits; new content usually changes that by this factor. */
const KEYFRAME_SIZE_JUMP = 1.5;
/**
 * A non-key frame clearly larger than the GOP's large frames was coded as new content, if it is
 * also in the size class of a keyframe. In calm footage P-frames are a tenth of a keyframe and a cut
 * stands out by 5-10x; in busy footage (water, crowds, noise) P-frames approach keyframe size and a
 * cut only stands out by about 2x, hence the modest ratio with the size-class condition beside it.
 */
const PACKET_SPIKE_RATIO = 1.6;
const PACKET_SPIKE_KEY_SHARE = 0.4;

/**
 * Indices i of keyframe gaps (keyframes[i] .. keyframes[i+1]) that may contain a boundary and so
 * must be decoded frame by frame. Everything here is cheap evidence, read without decoding the gap:
 *  - a frame inside the gap is far larger than its neighbours: encoders that keep a fixed GOP still
 *    spend intra bits on the first frame of new content (and on flashes, which refining rejects);
 *  - the gap ends at a keyframe off the stream's regular GOP cadence: the encoder put it there
 *    because it saw a scene change (x264's scenecut);
 *  - the keyframes differ much more than neighbouring keyframes do, or differ in coded size (the
 *    encoder found the new picture much simpler or harder);
 *  - one keyframe is flat and the other is not: a fade passes between them;
 *  - the keyframes' coarse light and colour differ far more than across a neighbouring gap.
 * The last gap has no keyframe after it to compare with and is always a candidate.
 * Steady motion (pans, zooms, crowds) changes every keyframe pair alike and is not a candidate; a
 * cut during such motion still shows as a spike or an encoder-placed keyframe.
 */
export function keyframeCandidates(
  keyframes: readonly number[],
  keyframePictures: readonly LumaFrame[],
  packetSizes: readonly number[],
  frameCount: number,
  thresholdScale: number,
): number[] {
  const count = keyframes.length;
  const gapDiff: number[] = [];
  for (let i = 0; i + 1 < count; i++) {
    gapDiff.push(plainDifference(keyframePictures[i]!, keyframePictures[i + 1]!).score);
  }
  // Colour separately: two takes of one picture under other light differ only there.
  const gapColour = gapDiff.map((_, i) => colourDifference(keyframePictures[i]!, keyframePictures[i + 1]!));
  const colourScores = gapColour.map((c) => c.score);
  const gapCoarse = gapDiff.map((_, i) => {
    const a = keyframePictures[i]!;
    const b = keyframePictures[i + 1]!;
    return levelDifference(a, b) + cellChange(a, b).colour;
  });
  const cadence = regularGopLength(keyframes);

  const gaps: number[] = [];
  for (let i = 0; i < count; i++) {
    const from = keyframes[i]!;
    const to = keyframes[i + 1] ?? frameCount;
    const nextKeySize = packetSizes[to] ?? packetSizes[from]!;
    const intraSize = Math.min(packetSizes[from]!, nextKeySize);
    if (hasPacketSpike(packetSizes, from + 1, to, intraSize)) {
      gaps.push(i);
      continue;
    }
    if (i + 1 >= count) {
      gaps.push(i);
      continue;
    }
    const a = keyframePictures[i]!;
    const b = keyframePictures[i + 1]!;
    const d = gapDiff[i]!;
    const colour = gapColour[i]!;
    if (colour.score >= KEYFRAME_COLOUR_SCORE * thresholdScale && colour.changed >= KEYFRAME_COLOUR_CHANGED) {
      const calmerColour = Math.min(
        median(colourScores.slice(Math.max(0, i - PEAK_RADIUS), i)),
        median(colourScores.slice(i + 1, i + 1 + PEAK_RADIUS)),
      );
      if (colour.score >= PEAK_RATIO * calmerColour) {
        gaps.push(i);
        continue;
      }
    }
    const coarse = gapCoarse[i]!;
    const quieterNeighbour = Math.min(gapCoarse[i - 1] ?? Infinity, gapCoarse[i + 1] ?? Infinity);
    if (
      coarse >= KEYFRAME_COARSE_SCORE * thresholdScale &&
      (quieterNeighbour === Infinity || coarse >= KEYFRAME_COARSE_RATIO * quieterNeighbour)
    ) {
      gaps.push(i);
      continue;
    }
    if (d < KEYFRAME_SAME_SCORE * thresholdScale) continue;
    const fade = isFlat(a) !== isFlat(b);
    const offCadence = cadence === null || to - from < cadence - 1;
    // As for cuts, the calmer side is the reference: chaotic footage on one side must not hide a cut.
    const calmer = Math.min(
      median(gapDiff.slice(Math.max(0, i - PEAK_RADIUS), i)),
      median(gapDiff.slice(i + 1, i + 1 + PEAK_RADIUS)),
    );
    const peak = d >= PEAK_RATIO * calmer;
    const sizes = [packetSizes[from]!, packetSizes[to]!];
    const sizeJump = Math.max(...sizes) >= KEYFRAME_SIZE_JUMP * Math.min(...sizes);
    if (fade || offCadence || peak || sizeJump) gaps.push(i);
  }
  return gaps;
}

/**
 * The full GOP length of the stream: the longest gap that occurs repeatedly. Encoders insert
 * keyframes at most this far apart; shorter gaps mean the encoder chose the position. (x264 counts
 * its first GOP one frame shorter, hence the one-frame tolerance where this is used.) Null when no
 * gap length repeats: then every keyframe was placed by choice.
 */
function regularGopLength(keyframes: readonly number[]): number | null {
  const counts = new Map<number, number>();
  for (let i = 1; i < keyframes.length; i++) {
    const gap = keyframes[i]! - keyframes[i - 1]!;
    counts.set(gap, (counts.get(gap) ?? 0) + 1);
  }
  const repeated = [...counts].filter(([, n]) => n >= 2).map(([gap]) => gap);
  return repeated.length > 0 ? Math.max(...repeated) : null;
}

/** Median, or 0 for no values (a gap at the clip's edge always counts as standing out there). */
function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function hasPacketSpike(sizes: readonly number[], from: number, to: number, intraSize: number): boolean {
  if (to - from < 4) return false;
  const inner = sizes.slice(from, to);
  const sorted = [...inner].sort((x, y) => x - y);
  const typical = sorted[Math.floor(sorted.length * 0.85)]!;
  const limit = Math.max(PACKET_SPIKE_RATIO * typical, PACKET_SPIKE_KEY_SHARE * intraSize);
  // Comparing with the GOP's own 85th percentile needs enough frames for that to be typical.
  return inner.some((size) => size > limit);
}

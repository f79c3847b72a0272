import type { MediaInfo } from "@sichter/engine/extension-api";

/**
 * Below this typical GOP length (frames) the keyframe pass already decodes a large share of the
 * file, and every refine window decodes at least a GOP plus its tail from a fresh seek: decoding
 * everything once is then as fast or faster.
 */
const MIN_TYPICAL_GOP = 12;
/** A GOP longer than this share of the file makes any window inside it decode most of the file. */
const MAX_GOP_SHARE = 0.5;

/**
 * Whether skipping between keyframes can beat decoding every frame on this file, judged from its
 * GOP structure alone (before anything is decoded), with the reason in words for `--json`.
 */
export function keyframeRouteVerdict(media: Pick<MediaInfo, "intraOnly" | "keyframes" | "frameCount">): {
  canWin: boolean;
  reason: string;
} {
  if (media.intraOnly) return { canWin: false, reason: "intra-only codec: every frame is a keyframe, nothing to skip" };
  const { keyframes, frameCount } = media;
  if (keyframes.length < 2) return { canWin: false, reason: "fewer than two keyframes" };
  const gops = keyframes.map((k, i) => (keyframes[i + 1] ?? frameCount) - k).sort((a, b) => a - b);
  const typical = gops[Math.floor(gops.length / 2)]!;
  if (typical < MIN_TYPICAL_GOP)
    return {
      canWin: false,
      reason: `GOPs of ${typical} frames: the keyframe pass and its windows would decode about everything`,
    };
  const longest = gops.at(-1)!;
  if (longest > MAX_GOP_SHARE * frameCount)
    return {
      canWin: false,
      reason: `one GOP holds ${longest} of ${frameCount} frames: a window there decodes most of the file`,
    };
  return { canWin: true, reason: `GOPs of ${typical} frames: keyframes first, then only the GOPs around changes` };
}

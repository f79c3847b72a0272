import type { Keyframe } from "@sichter/shared/model";
import type { KeyframeDuplicate } from "../../extensionApi/KeyframeSelection.ts";
import { hammingDistance } from "../../media/perceptualHash.ts";

/** A keyframe that is sent, and the keyframes (itself included) its answer stands for. */
export interface RepresentedKeyframe {
  readonly keyframe: Keyframe;
  readonly represents: readonly Keyframe[];
}

/**
 * Near-duplicate keyframes across the whole clip (the anchor shot the programme keeps cutting
 * back to) are sent once; the answer is given to every shot they stand for. Greedy in clip order:
 * the first keyframe of a look represents the later ones.
 */
export function dedupeKeyframes(keyframes: readonly Keyframe[], maxBits: number): RepresentedKeyframe[] {
  const groups: Array<{ keyframe: Keyframe; hash: bigint; represents: Keyframe[] }> = [];
  for (const keyframe of keyframes) {
    const hash = BigInt(`0x${keyframe.hash}`);
    const same = groups.find((g) => hammingDistance(g.hash, hash) <= maxBits);
    if (same) same.represents.push(keyframe);
    else groups.push({ keyframe, hash, represents: [keyframe] });
  }
  return groups.map(({ keyframe, represents }) => ({ keyframe, represents }));
}

/**
 * The keyframe step already dropped keyframes that repeat an earlier look (the anchor shot the
 * programme cuts back to): those shots have no keyframe of their own. The keyframe they repeat
 * stands for them too, so its answer reaches every shot that shows the same picture.
 */
export function withDuplicateShots(
  groups: readonly RepresentedKeyframe[],
  duplicates: readonly KeyframeDuplicate[],
): RepresentedKeyframe[] {
  return groups.map((group) => {
    const repeats = duplicates.filter((d) => group.represents.some((k) => k.frame === d.duplicateOf));
    if (repeats.length === 0) return group;
    // The repeat's own frame and shot; the rest (hash, time) is the picture it repeats.
    const extra = repeats.map((d) => ({ ...group.keyframe, shot: d.shot, frame: d.frame }));
    return { keyframe: group.keyframe, represents: [...group.represents, ...extra] };
  });
}

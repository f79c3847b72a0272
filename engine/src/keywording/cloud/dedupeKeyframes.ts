import type { Keyframe } from "@sichter/shared/model";
import { hammingDistance } from "../../analysis/keyframes/perceptualHash.ts";

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

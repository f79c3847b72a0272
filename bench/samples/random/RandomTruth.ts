import type { GroundTruth, TruthShot, TruthTransition } from "../GroundTruth.ts";
import type { ShotFamily } from "./sourceFamilies.ts";

/**
 * How a random shot is joined to the one before it. "colour-only" is a hard cut to the same
 * picture (same luma, same motion) under another hue or saturation: two angles under different
 * light, a graded and an ungraded take.
 */
export const TRANSITION_FAMILIES = ["cut", "colour-only", "dissolve", "fade-black", "fade-white"] as const;

export type TransitionFamily = (typeof TRANSITION_FAMILIES)[number];

/**
 * The truth of a random clip: the usual GroundTruth (same file, same invariants), with the seed it
 * was drawn from, the encoder, and the family of every shot and transition.
 */
export interface RandomTruth extends GroundTruth {
  readonly seed: number;
  /** Key into RANDOM_ENCODINGS. */
  readonly encoding: string;
  readonly shots: ReadonlyArray<TruthShot & { readonly family: ShotFamily }>;
  readonly transitions: ReadonlyArray<
    TruthTransition & { readonly family: TransitionFamily; readonly between: readonly [ShotFamily, ShotFamily] }
  >;
}

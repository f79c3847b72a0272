import type { Tag } from "@sichter/engine/extension-api";
import type { MotionTruthSegment } from "./motionFamilies.ts";

/** How the motion tags read one truth segment. */
export type SegmentVerdict =
  /** The tag covering most of it has the true kind; or it is a transition and no tag covers it. */
  | "right"
  /** No motion tag covers a stretch of camera motion: not claimed, not wrong. */
  | "abstained"
  /** A tag of another kind covers most of it, or any tag covers most of a transition. */
  | "false";

export interface ScoredSegment extends MotionTruthSegment {
  readonly verdict: SegmentVerdict;
  readonly found: string;
}

/** Scores the motion tags of one clip against its truth, segment by segment. */
export function scoreMotionTags(tags: readonly Tag[], truth: readonly MotionTruthSegment[]): ScoredSegment[] {
  const motion = tags.filter((t) => t.kind.startsWith("motion."));
  return truth.map((segment) => {
    const length = segment.endFrame - segment.startFrame;
    let found = "none";
    let most = 0;
    for (const tag of motion) {
      const overlap = Math.min(tag.endFrame, segment.endFrame) - Math.max(tag.startFrame, segment.startFrame);
      if (overlap > most) {
        most = overlap;
        found = tag.kind;
      }
    }
    const covered = most * 2 > length;
    const verdict: SegmentVerdict = !covered
      ? segment.expect === "none"
        ? "right"
        : "abstained"
      : segment.expect !== "none" && found === segment.expect
        ? "right"
        : "false";
    return { ...segment, verdict, found: covered ? found : "none" };
  });
}

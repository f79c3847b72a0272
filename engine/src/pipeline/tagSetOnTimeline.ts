import type { TagSet } from "@sichter/shared/model";
import type { MediaTimecode } from "../media/mediaTimecode.ts";

/**
 * A tag set with its frames as the editing application numbers them (see mediaTimecode): the
 * catalog, the tag plan, XMP and the exports then place every marker and timecode where the editor
 * sees it. The identity for constant-rate clips; for variable-rate ones, frames at the nominal rate.
 */
export function tagSetOnTimeline(set: TagSet, tc: MediaTimecode): TagSet {
  const at = (frame: number): number => tc.timelineFrame(frame);
  const range = <T extends { startFrame: number; endFrame: number }>(item: T): T => ({
    ...item,
    startFrame: at(item.startFrame),
    endFrame: at(item.endFrame),
  });
  return {
    ...set,
    clip: { ...set.clip, frameRate: tc.frameRate, frameCount: at(set.clip.frameCount) },
    shots: set.shots.map((shot) => ({ ...range(shot), transition: shot.transition && range(shot.transition) })),
    keyframes: set.keyframes.map((k) => ({ ...k, frame: at(k.frame) })),
    tags: set.tags.map(range),
    ocrText: set.ocrText.map(range),
  };
}

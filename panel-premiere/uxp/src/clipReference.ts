import type { ClipProjectItem, ProjectItem } from "@adobe/premierepro";
import { usedSourceRange } from "@sichter/premiere-common";
import { formatFrameRate, ticksToFrames } from "@sichter/shared/timecode";
import type { ClipReference } from "@sichter/ui/src/host/ClipReference.ts";
import type { PlacedClip } from "./readPlacedClips.ts";

/** A Project panel item as the panel's current clip: just the media. */
export async function referenceOfItem(item: ClipProjectItem, projectItem: ProjectItem): Promise<ClipReference> {
  return { mediaPath: await item.getMediaFilePath(), name: item.name, hostItemId: projectItem.getId() };
}

/** A timeline instance as the current clip: the media, the frames it uses and where it sits. */
export function referenceOfPlaced(placed: PlacedClip, sequenceName: string): ClipReference {
  const { instance } = placed;
  return {
    mediaPath: placed.mediaPath,
    name: placed.name,
    hostItemId: placed.projectItem.getId(),
    source: usedSourceRange(instance),
    sequence: {
      sequenceName,
      frameRate: formatFrameRate(instance.sequenceRate),
      startFrame: ticksToFrames(instance.start, instance.sequenceRate, "floor"),
      endFrame: ticksToFrames(instance.end, instance.sequenceRate, "nearest"),
      track: placed.track,
    },
  };
}

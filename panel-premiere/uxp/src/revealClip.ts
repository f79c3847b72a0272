import type { premierepro } from "@adobe/premierepro";
import { clipFrameToSequenceTicks } from "@sichter/premiere-common";
import { framesToTicks } from "@sichter/shared/timecode";
import type { ClipReference } from "@sichter/ui/src/host/ClipReference.ts";
import { findProjectItem } from "./findProjectItem.ts";
import { mediaRate, readPlacedClips } from "./readPlacedClips.ts";

/**
 * Shows media frame `frame` of a clip: when the active sequence shows that frame, the playhead
 * moves there (the instance the panel named first); otherwise the clip opens in the Source
 * Monitor, imported first if the project does not have it, at that frame (positioning needs 26.3).
 */
export async function revealClip(
  ppro: premierepro,
  clip: ClipReference,
  frame: number,
  importMedia: (mediaPath: string) => Promise<unknown>,
): Promise<void> {
  const project = await ppro.Project.getActiveProject();
  const sequence = await project.getActiveSequence();
  if (sequence) {
    const instances = (await readPlacedClips(ppro, sequence))
      .filter((p) => p.mediaPath === clip.mediaPath && !p.disabled && p.speed === 1)
      .sort((a, b) => Number(b.track === clip.sequence?.track) - Number(a.track === clip.sequence?.track));
    for (const placed of instances) {
      const at = clipFrameToSequenceTicks(frame, placed.instance);
      if (at !== null) {
        await sequence.setPlayerPosition(ppro.TickTime.createWithTicks(at.toString()));
        return;
      }
    }
  }
  let item = await findProjectItem(ppro, project, clip);
  if (!item) {
    await importMedia(clip.mediaPath);
    item = await findProjectItem(ppro, project, { mediaPath: clip.mediaPath });
  }
  if (!item) throw new Error(`not in the project: ${clip.mediaPath}`);
  await ppro.SourceMonitor.openProjectItem(item);
  const rate = await mediaRate(ppro.ClipProjectItem.cast(item));
  // `SourceMonitor.setPosition` exists from Premiere 26.3 on; before, the clip opens at its start.
  const monitor = ppro.SourceMonitor as Partial<Pick<typeof ppro.SourceMonitor, "setPosition">>;
  if (monitor.setPosition)
    await monitor.setPosition(ppro.TickTime.createWithTicks(framesToTicks(frame, rate).toString()));
}

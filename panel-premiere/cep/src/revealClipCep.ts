import { clipFrameToSequenceTicks } from "@sichter/premiere-common";
import type { ClipReference } from "@sichter/ui/src/host/ClipReference.ts";
import { instanceOf } from "./cepClipReference.ts";
import { type ExtendScriptBridge, ExtendScriptError } from "./ExtendScriptBridge.ts";
import { activeSequence, importFile, openInSourceMonitor, setPlayerPosition } from "./timelineCalls.ts";

/**
 * Shows media frame `frame` of a clip in Premiere 25.0-25.5: when the active sequence shows that
 * frame, the playhead moves there (the instance on the clip's own track first); otherwise the clip
 * opens in the Source Monitor, imported first when the project lacks it. ExtendScript cannot set the
 * Source Monitor's position, so there the clip opens without going to the frame.
 */
export async function revealClipCep(bridge: ExtendScriptBridge, clip: ClipReference, frame: number): Promise<void> {
  const sequence = await activeSequence(bridge);
  if (sequence) {
    const instances = sequence.clips
      .filter((p) => p.clip.mediaPath === clip.mediaPath && !p.disabled && p.speed === 1)
      .sort((a, b) => Number(b.track === clip.sequence?.track) - Number(a.track === clip.sequence?.track));
    for (const placed of instances) {
      const at = clipFrameToSequenceTicks(frame, instanceOf(placed, sequence));
      if (at !== null) {
        await setPlayerPosition(bridge, at);
        return;
      }
    }
  }
  try {
    await openInSourceMonitor(bridge, { itemId: clip.hostItemId ?? null, mediaPath: clip.mediaPath });
  } catch (error) {
    if (!(error instanceof ExtendScriptError) || error.code !== "SICHTER_E_FILE_NOT_FOUND") throw error;
    const imported = await importFile(bridge, clip.mediaPath);
    await openInSourceMonitor(bridge, { itemId: imported.itemId, mediaPath: imported.mediaPath });
  }
}

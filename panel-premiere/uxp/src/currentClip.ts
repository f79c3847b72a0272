import type { Project, premierepro } from "@adobe/premierepro";
import type { ClipReference } from "@sichter/ui/src/host/ClipReference.ts";
import { referenceOfItem, referenceOfPlaced } from "./clipReference.ts";
import { readPlacedClips } from "./readPlacedClips.ts";

/** Where the current clip comes from: the Project panel selection, or the clip under the playhead. */
export type CurrentClipSource = "selection" | "playhead";

/** The first selected Project panel item that is a media clip (bins and sequences are passed over). */
export async function clipFromSelection(ppro: premierepro, project: Project): Promise<ClipReference | null> {
  const selection = await ppro.ProjectUtils.getSelection(project);
  for (const projectItem of await selection.getItems()) {
    let clip;
    try {
      clip = ppro.ClipProjectItem.cast(projectItem);
    } catch {
      continue; // not a clip (a bin): the cast is refused
    }
    if (!clip || (await clip.isSequence())) continue;
    const reference = await referenceOfItem(clip, projectItem);
    if (reference.mediaPath !== "") return reference;
  }
  return null;
}

/**
 * The clip the editor sees at the playhead of the active sequence: the enabled clip on the
 * highest video track that covers the playhead (what the Program Monitor shows), with its used
 * range and position.
 */
export async function clipUnderPlayhead(ppro: premierepro, project: Project): Promise<ClipReference | null> {
  const sequence = await project.getActiveSequence();
  if (!sequence) return null;
  const at = BigInt((await sequence.getPlayerPosition()).ticks);
  const placed = await readPlacedClips(ppro, sequence);
  const covering = placed
    .filter((p) => !p.disabled && p.instance.start <= at && at < p.instance.end && p.mediaPath !== "")
    .sort((a, b) => b.track - a.track);
  const top = covering[0];
  return top ? referenceOfPlaced(top, sequence.name) : null;
}

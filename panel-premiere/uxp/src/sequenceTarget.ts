import type { Project, ProjectItem, Sequence, premierepro } from "@adobe/premierepro";
import type { ClipMarker } from "@sichter/premiere-common";
import { ticksToFrames } from "@sichter/shared/timecode";
import type { ApplyItemReport } from "@sichter/ui/src/host/ApplyReport.ts";
import type { ClipReference } from "@sichter/ui/src/host/ClipReference.ts";
import { ItemXmp } from "./itemXmp.ts";
import { instanceMarkers, instanceOwner } from "./instanceMarkers.ts";
import { type Target, planTarget } from "./MarkerTarget.ts";
import { type PlacedClip, readPlacedClips } from "./readPlacedClips.ts";
import type { UxpXmpModule } from "./UxpXmp.ts";

/** The timeline side of an apply: the sequence's markers, its item's XMP and notes for the report. */
export interface SequenceTarget {
  readonly target: Target;
  /** Whose markers these are in the sequence's ledger: the instance. */
  readonly owner: string;
  readonly item: ProjectItem;
  readonly xmp: ItemXmp;
  readonly notes: ApplyItemReport[];
}

/** The timeline side: the instance the panel named, its sequence's markers and ledger. */
export async function readSequenceTarget(
  ppro: premierepro,
  xmp: UxpXmpModule,
  project: Project,
  clip: ClipReference,
  laid: readonly ClipMarker[],
): Promise<SequenceTarget | null> {
  const placement = clip.sequence;
  const sequence: Sequence | null = await project.getActiveSequence();
  if (!placement || !sequence || sequence.name !== placement.sequenceName) return null;
  const placed = (await readPlacedClips(ppro, sequence, [placement.track])).find((p) => isInstance(p, clip));
  if (!placed) return null;
  const [markers, item] = await Promise.all([ppro.Markers.getMarkers(sequence), sequence.getProjectItem()]);
  const itemXmp = new ItemXmp(xmp, await ppro.Metadata.getXMPMetadata(item));
  const notes: ApplyItemReport[] = [];
  const frames = instanceMarkers(ppro, placed, laid);
  if (placed.speed !== 1) {
    notes.push({
      kind: "marker",
      status: "skipped",
      target: `${placement.sequenceName} (${Math.round(placed.speed * 100)} %)`,
    });
  }
  const owner = instanceOwner(placed);
  const plan = planTarget(owner, markers, itemXmp.markerLedger, [...frames.keys()]);
  itemXmp.markerLedger = plan.ledger;
  return { target: { label: placement.sequenceName, markers, plan, frames }, owner, item, xmp: itemXmp, notes };
}

function isInstance(placed: PlacedClip, clip: ClipReference): boolean {
  const placement = clip.sequence;
  if (!placement || placed.mediaPath !== clip.mediaPath) return false;
  return ticksToFrames(placed.instance.start, placed.instance.sequenceRate, "floor") === placement.startFrame;
}

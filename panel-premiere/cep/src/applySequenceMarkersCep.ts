import { type ClipMarker, type WantedMarker, rateFromTicksPerFrame } from "@sichter/premiere-common";
import { ticksToFrames } from "@sichter/shared/timecode";
import type { ApplyItemReport } from "@sichter/ui/src/host/ApplyReport.ts";
import type { ClipReference } from "@sichter/ui/src/host/ClipReference.ts";
import type { ExtendScriptBridge } from "./ExtendScriptBridge.ts";
import { instanceMarkersCep, instanceOwnerCep } from "./instanceMarkersCep.ts";
import { readSequenceMarkers } from "./sequenceCalls.ts";
import { SequenceMarkerState } from "./sequenceMarkerWrite.ts";
import { type EsActiveSequence, type EsPlacedClip, activeSequence } from "./timelineCalls.ts";

/**
 * The timeline side of an apply in CEP, as in UXP: when the panel's clip came from the active
 * sequence, sequence markers at the shot starts its instance shows, mapped through its in point and
 * position. An instance that is no longer there (moved, deleted, another sequence active) is
 * reported as skipped; the clip itself is tagged all the same.
 */
export async function applySequenceMarkersCep(
  bridge: ExtendScriptBridge,
  clip: ClipReference,
  laid: readonly ClipMarker[],
): Promise<ApplyItemReport[]> {
  const placement = clip.sequence;
  if (!placement) return [];
  const left: ApplyItemReport[] = [{ kind: "marker", status: "skipped", target: placement.sequenceName }];
  const sequence = await activeSequence(bridge);
  if (!sequence || sequence.name !== placement.sequenceName) return left;
  const placed = sequence.clips.find((p) => isInstance(p, sequence, clip));
  const markers = placed ? await readSequenceMarkers(bridge) : null;
  if (!placed || !markers) return left;

  const frames = instanceMarkersCep(placed, sequence, laid);
  const state = new SequenceMarkerState(markers);
  const owner = state.plan(instanceOwnerCep(placed), [...frames.keys()]);
  await state.write(bridge, [owner]);
  const { reapply } = owner;
  const written = new Set<WantedMarker>([...reapply.add, ...reapply.update.map((u) => u.wanted)]);
  const items: ApplyItemReport[] = [...frames.entries()].map(([wanted, frame]) => ({
    kind: "marker",
    status: reapply.skip.includes(wanted) ? "skipped" : written.has(wanted) ? "written" : "unchanged",
    target: `${placement.sequenceName}: ${wanted.name}`,
    frame,
  }));
  if (placed.speed !== 1)
    items.push({
      kind: "marker",
      status: "skipped",
      target: `${placement.sequenceName} (${Math.round(placed.speed * 100)} %)`,
    });
  return items;
}

function isInstance(placed: EsPlacedClip, sequence: EsActiveSequence, clip: ClipReference): boolean {
  const placement = clip.sequence;
  if (!placement || placed.clip.mediaPath !== clip.mediaPath || placed.track !== placement.track) return false;
  return (
    ticksToFrames(BigInt(placed.start), rateFromTicksPerFrame(sequence.ticksPerFrame), "floor") === placement.startFrame
  );
}

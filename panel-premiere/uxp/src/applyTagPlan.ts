import type { ProjectItem, premierepro } from "@adobe/premierepro";
import {
  type LedgerEntry,
  KEYWORDS_COLUMN_LABEL,
  KEYWORDS_COLUMN_PROPERTY,
  PREMIERE_PROJECT_METADATA_NAMESPACE,
  planKeywords,
} from "@sichter/premiere-common";
import type { TagPlan } from "@sichter/shared/model";
import { ErrorCode } from "@sichter/shared/protocol";
import { framesToTicks, parseFrameRate } from "@sichter/shared/timecode";
import { descriptionWrite } from "@sichter/shared/xmp";
import type { ApplyItemReport, ApplyReport } from "@sichter/ui/src/host/ApplyReport.ts";
import type { ClipReference } from "@sichter/ui/src/host/ClipReference.ts";
import { cancelled, failure, markerItems } from "./applyReport.ts";
import { layoutForClip } from "./clipLayout.ts";
import { findProjectItem } from "./findProjectItem.ts";
import { ItemXmp } from "./itemXmp.ts";
import {
  AddedGuids,
  type Target,
  type TransactionStep,
  actionStep,
  markerSteps,
  planTarget,
  wantedAt,
} from "./MarkerTarget.ts";
import { readSequenceTarget } from "./sequenceTarget.ts";
import type { UxpXmpModule } from "./UxpXmp.ts";

/** The clip's own markers in its ledger (a sequence's are owned by instances). */
const CLIP_OWNER = "clip";

export const UNDO_LABEL = { de: "Sichter: Clip verschlagworten", en: "Sichter: tag clip" } as const;

export interface ApplyOptions {
  /** Language of the plan's texts: Sichter's dc:description entry. */
  readonly language: "de" | "en";
  /** The undo step's label, in the host's UI language. */
  readonly undoLabel: string;
  /** Drop-frame counting for marker timecodes; defaults to drop-frame at 29.97 and 59.94. */
  readonly dropFrame?: boolean;
  readonly signal?: AbortSignal;
}

/**
 * Writes a tag plan into Premiere as ONE undo step: first every asynchronous read (items, markers,
 * XMP packets, the sequence instance), then, inside `project.lockedAccess`, every action is created
 * and all of them run in a single `executeTransaction`. Clip markers sit at shot starts; working
 * from the timeline adds sequence markers mapped through the instance's in point and position.
 * XMP is read, merged and written whole; Sichter's ledger in it lets a re-apply replace exactly
 * its own markers and keywords.
 */
export async function applyTagPlan(
  ppro: premierepro,
  xmp: UxpXmpModule,
  plan: TagPlan,
  clip: ClipReference,
  options: ApplyOptions,
): Promise<ApplyReport> {
  const project = await ppro.Project.getActiveProject();
  const projectItem = await findProjectItem(ppro, project, clip);
  if (!projectItem) {
    return {
      clipPath: plan.clipPath,
      items: [failure("marker", clip.mediaPath, ErrorCode.FILE_NOT_FOUND, { path: clip.mediaPath })],
    };
  }
  const clipItem = ppro.ClipProjectItem.cast(projectItem);
  const rate = parseFrameRate(plan.frameRate);
  const laid = await layoutForClip(clipItem, plan, options.dropFrame);

  const [clipMarkers, clipPacket, columnPacket, columnReady] = await Promise.all([
    ppro.Markers.getMarkers(clipItem),
    ppro.Metadata.getXMPMetadata(projectItem),
    ppro.Metadata.getProjectMetadata(projectItem),
    ppro.Metadata.addPropertyToProjectMetadataSchema(
      KEYWORDS_COLUMN_PROPERTY,
      KEYWORDS_COLUMN_LABEL,
      ppro.Metadata.METADATA_TYPE_TEXT,
    ),
  ]);
  const clipXmp = new ItemXmp(xmp, clipPacket);
  const clipWanted = new Map(
    laid.map((m) => [
      wantedAt(ppro, m, framesToTicks(m.startFrame, rate), framesToTicks(m.durationFrames, rate)),
      m.startFrame,
    ]),
  );
  const clipTarget: Target = {
    label: clip.name,
    markers: clipMarkers,
    plan: planTarget(CLIP_OWNER, clipMarkers, clipXmp.markerLedger, [...clipWanted.keys()]),
    frames: clipWanted,
  };
  clipXmp.markerLedger = clipTarget.plan.ledger;

  const keywords = planKeywords({
    existing: clipXmp.subject,
    ours: clipXmp.ownKeywords,
    wanted: plan.keywords,
    withdrawn: plan.withdrawnKeywords ?? [],
  });
  clipXmp.setBag(xmp.XMPConst.NS_DC, "subject", keywords.subject);
  clipXmp.ownKeywords = keywords.ours;
  const description = descriptionWrite(clipXmp.descriptions, options.language, plan.description);
  if (description.language !== null) clipXmp.setDescription(options.language, description.language);
  if (description.xDefault !== null) clipXmp.setDescription("x-default", description.xDefault);

  const column = new xmp.XMPMeta(columnPacket);
  const columnValue = keywords.subject.join(", ");
  const columnChanged =
    column.getProperty(PREMIERE_PROJECT_METADATA_NAMESPACE, KEYWORDS_COLUMN_PROPERTY)?.toString() !== columnValue;
  column.setProperty(PREMIERE_PROJECT_METADATA_NAMESPACE, KEYWORDS_COLUMN_PROPERTY, columnValue);

  const sequence = clip.sequence ? await readSequenceTarget(ppro, xmp, project, clip, laid) : null;
  // The instance the panel named is no longer in the active sequence (moved, deleted, other sequence).
  const sequenceLeft: ApplyItemReport | null =
    clip.sequence && !sequence ? { kind: "marker", status: "skipped", target: clip.sequence.sequenceName } : null;

  if (options.signal?.aborted) return cancelled(plan.clipPath);

  const items: ApplyItemReport[] = [];
  let committed = false;
  let detail = "";
  try {
    project.lockedAccess(() => {
      const added = new AddedGuids();
      const steps: TransactionStep[] = [
        ...markerSteps(ppro, clipTarget.markers, clipTarget.plan, added.recorder(CLIP_OWNER)),
      ];
      // The XMP goes last among each owner's steps: its ledger names the markers just added by guid.
      if (clipXmp.changed) steps.push(ledgerStep(ppro, added, projectItem, clipXmp, clipTarget.plan.ledger));
      if (columnReady && columnChanged) {
        steps.push(
          actionStep(
            ppro.Metadata.createSetProjectMetadataAction(projectItem, column.serialize(), [KEYWORDS_COLUMN_PROPERTY]),
          ),
        );
      }
      if (sequence) {
        steps.push(...markerSteps(ppro, sequence.target.markers, sequence.target.plan, added.recorder(sequence.owner)));
        if (sequence.xmp.changed)
          steps.push(ledgerStep(ppro, added, sequence.item, sequence.xmp, sequence.target.plan.ledger));
      }
      // Nothing to change: no transaction, so no empty step in the editor's undo history.
      committed =
        steps.length === 0 ||
        project.executeTransaction((compound) => {
          for (const step of steps) step(compound);
        }, options.undoLabel);
    });
  } catch (error) {
    committed = false;
    detail = error instanceof Error ? error.message : String(error);
  }

  items.push(...markerItems(clipTarget));
  if (sequence) items.push(...markerItems(sequence.target), ...sequence.notes);
  if (sequenceLeft) items.push(sequenceLeft);
  items.push({
    kind: "keywords",
    status: keywords.added.length + keywords.removed.length > 0 ? "written" : "unchanged",
    target: keywords.subject.join(", "),
  });
  items.push({
    kind: "description",
    status: description.language !== null || description.xDefault !== null ? "written" : "unchanged",
    target: plan.description,
  });
  items.push(
    columnReady
      ? { kind: "project-column", status: columnChanged ? "written" : "unchanged", target: KEYWORDS_COLUMN_LABEL }
      : failure("project-column", KEYWORDS_COLUMN_LABEL, ErrorCode.XMP_WRITE_FAILED, {
          path: clip.mediaPath,
          detail: "the project column could not be added",
        }),
  );
  if (committed) return { clipPath: plan.clipPath, items };
  const why = detail || "Premiere did not commit the transaction";
  return {
    clipPath: plan.clipPath,
    items: items.map((item) =>
      item.status === "written"
        ? {
            ...item,
            status: "failed",
            error: { code: ErrorCode.XMP_WRITE_FAILED, params: { path: clip.mediaPath, detail: why } },
          }
        : item,
    ),
  };
}

/** The XMP write of one item, made inside the transaction once its markers were added: the ledger then holds their guids. */
function ledgerStep(
  ppro: premierepro,
  added: AddedGuids,
  item: ProjectItem,
  itemXmp: ItemXmp,
  ledger: readonly LedgerEntry[],
): TransactionStep {
  return (compound) => {
    itemXmp.markerLedger = added.fill(ledger);
    compound.addAction(ppro.Metadata.createSetXMPMetadataAction(item, itemXmp.serialize()));
  };
}

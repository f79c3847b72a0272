import type { TagPlan } from "@sichter/shared/model";
import { ErrorCode } from "@sichter/shared/protocol";
import type { ApplyItemReport } from "@sichter/ui/src/host/ApplyReport.ts";
import { HOST } from "./applyMarkerSet.ts";
import { type FieldWrite, type MetadataField, readField, writeField } from "./clipMetadata.ts";
import { mergeKeywords } from "./keywordsValue.ts";
import type { MediaPoolItem } from "./ResolveApi.ts";
import { withSichterLine } from "./sichterLine.ts";

/**
 * Keywords (merged with what is there: Smart Bins filter on them), Description (the plan's
 * description) and Comments (its log comment of technical cues and camera motion), each in
 * Sichter's own line so an editor's text stays. One report item each.
 */
export async function applyClipFields(item: MediaPoolItem, label: string, plan: TagPlan): Promise<ApplyItemReport[]> {
  return [
    await applyField(
      item,
      label,
      "Keywords",
      "keywords",
      (existing) => mergeKeywords(existing, plan.keywords, plan.withdrawnKeywords ?? []).value,
    ),
    await applyField(item, label, "Description", "description", (existing) =>
      withSichterLine(existing, plan.description),
    ),
    await applyField(item, label, "Comments", "description", (existing) => withSichterLine(existing, plan.logComment)),
  ];
}

async function applyField(
  item: MediaPoolItem,
  label: string,
  field: MetadataField,
  kind: ApplyItemReport["kind"],
  next: (existing: string) => string,
): Promise<ApplyItemReport> {
  const target = `${label}: ${field}`;
  const existing = await readField(item, field);
  if (existing === null) {
    // Without the current value a write would drop the editor's words: nothing is written.
    return {
      kind,
      status: "failed",
      target,
      error: {
        code: ErrorCode.HOST_WRITE_REFUSED,
        params: { host: HOST, what: `${field} (it cannot be read)`, target: label },
      },
    };
  }
  const value = next(existing);
  if (value === existing) return { kind, status: "unchanged", target: `${target} = ${value}` };
  return reportOf(await writeField(item, field, value), kind, target, field, label);
}

function reportOf(
  write: FieldWrite,
  kind: ApplyItemReport["kind"],
  target: string,
  field: MetadataField,
  label: string,
): ApplyItemReport {
  switch (write.status) {
    case "written":
      return { kind, status: "written", target: `${target} = ${write.value}` };
    case "refused":
      return {
        kind,
        status: "failed",
        target,
        error: { code: ErrorCode.HOST_WRITE_REFUSED, params: { host: HOST, what: field, target: label } },
      };
    case "not-kept":
      return {
        kind,
        status: "failed",
        target,
        error: {
          code: ErrorCode.HOST_WRITE_NOT_KEPT,
          params: { host: HOST, what: field, target: label, found: write.found ?? "" },
        },
      };
  }
}

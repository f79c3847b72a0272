import type { ApplyItemKind, ApplyItemReport, ApplyReport } from "../../host/ApplyReport.ts";

/** An apply report as the panel reads it out: what is in place now by kind, what failed, what the host does not write. */
export interface ApplySummary {
  /** Written now or already there, by kind, in the report's order. */
  readonly done: Readonly<Partial<Record<ApplyItemKind, readonly ApplyItemReport[]>>>;
  readonly failed: readonly ApplyItemReport[];
  readonly skipped: readonly ApplyItemReport[];
}

/** The order the report view lists kinds in: the file first, then what it holds. */
export const KIND_ORDER: readonly ApplyItemKind[] = [
  "xmp-sidecar",
  "xmp-embedded",
  "keywords",
  "description",
  "marker",
  "project-column",
];

export function summarizeApply(report: ApplyReport): ApplySummary {
  const done: Partial<Record<ApplyItemKind, ApplyItemReport[]>> = {};
  const failed: ApplyItemReport[] = [];
  const skipped: ApplyItemReport[] = [];
  for (const item of report.items) {
    if (item.status === "failed") failed.push(item);
    else if (item.status === "skipped") skipped.push(item);
    else (done[item.kind] ??= []).push(item);
  }
  return { done, failed, skipped };
}

/** How an apply went as a whole: everything in place, some of it, or nothing. */
export function applyOutcome(summary: ApplySummary): "ok" | "partly" | "failed" {
  if (summary.failed.length === 0) return "ok";
  return Object.keys(summary.done).length > 0 ? "partly" : "failed";
}

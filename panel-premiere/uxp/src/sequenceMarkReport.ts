import { ErrorCode } from "@sichter/shared/protocol";
import type { SequenceMarkItem, SequenceMarkReport } from "@sichter/ui/src/host/HostAdapter.ts";
import type { MarkSequenceSummary } from "./markSequence.ts";

/**
 * The shared auto-mark report of a Premiere run: each instance with its markers, or why it got
 * none. When the transaction did not commit, nothing was written: every instance that had markers
 * to write failed with the host's refusal (or was cancelled).
 */
export function sequenceMarkReport(summary: MarkSequenceSummary): SequenceMarkReport {
  const failure = summary.committed
    ? null
    : summary.error === "cancelled"
      ? { code: ErrorCode.CANCELLED }
      : {
          code: ErrorCode.HOST_WRITE_REFUSED,
          params: { host: "Premiere Pro", what: "markers", target: summary.sequenceName || "sequence" },
          ...(summary.error === undefined ? {} : { message: summary.error }),
        };
  const items = summary.items.map((instance): SequenceMarkItem => {
    const base = { name: instance.name, mediaPath: instance.mediaPath };
    if (instance.reason) return { ...base, status: "skipped", markers: 0, reason: instance.reason };
    const { written, unchanged, removed } = instance.markers;
    if (failure) return { ...base, status: "failed", markers: 0, error: failure };
    return { ...base, status: written + removed > 0 ? "written" : "unchanged", markers: written + unchanged };
  });
  // A cancel before anything was read, or no sequence: one line says so instead of an empty list.
  if (items.length === 0 && failure)
    items.push({ name: summary.sequenceName, mediaPath: "", status: "failed", markers: 0, error: failure });
  return {
    sequenceName: summary.sequenceName,
    items,
    markers: summary.committed ? summary.markers : { written: 0, unchanged: 0, removed: 0 },
    oneUndoStep: summary.committed,
  };
}

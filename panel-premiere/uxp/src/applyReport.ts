import type { ApplyItemReport, ApplyReport } from "@sichter/ui/src/host/ApplyReport.ts";
import { ErrorCode } from "@sichter/shared/protocol";
import type { WantedMarker } from "@sichter/premiere-common";
import type { Target } from "./MarkerTarget.ts";

/** One report item per wanted marker of a target: written (added or changed), unchanged, or skipped. */
export function markerItems(target: Target): ApplyItemReport[] {
  const { plan } = target;
  const written = new Set<WantedMarker>([...plan.add, ...plan.update.map((u) => u.wanted)]);
  return [...target.frames.entries()].map(([wanted, frame]) => ({
    kind: "marker",
    status: plan.skip.includes(wanted) ? "skipped" : written.has(wanted) ? "written" : "unchanged",
    target: `${target.label}: ${wanted.name}`,
    frame,
  }));
}

export function failure(
  kind: ApplyItemReport["kind"],
  target: string,
  code: string,
  params: Record<string, string>,
): ApplyItemReport {
  return { kind, status: "failed", target, error: { code, params } };
}

export function cancelled(clipPath: string): ApplyReport {
  return { clipPath, items: [failure("marker", clipPath, ErrorCode.CANCELLED, {})] };
}

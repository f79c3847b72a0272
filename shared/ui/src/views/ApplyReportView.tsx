import { useState } from "react";
import { timecodeOf, type ClipTiming } from "../format/clipFacts.ts";
import type { ApplyItemKind, ApplyItemReport, ApplyReport } from "../host/ApplyReport.ts";
import { fileNameOf } from "../host/ClipReference.ts";
import { KIND_ORDER, summarizeApply } from "../state/apply/applySummary.ts";
import { useI18n } from "../ui/I18n.tsx";
import { ErrorNotice } from "./ErrorNotice.tsx";

/** Markers listed before "show all". */
const MARKERS_SHOWN = 5;

/**
 * What one apply wrote for a clip, item by item as the host reported it: the XMP file, the keywords
 * it holds now, the markers; then what failed, each with its code in the user's language. (The
 * outcome line above it is the apply section's.)
 */
export function ApplyReportView({ report, timing }: { report: ApplyReport; timing: ClipTiming | null }) {
  const { t } = useI18n();
  const [allMarkers, setAllMarkers] = useState(false);
  const summary = summarizeApply(report);
  const anyDone = Object.keys(summary.done).length > 0;

  const itemText = (item: ApplyItemReport): string => {
    const text = item.kind === "xmp-sidecar" || item.kind === "xmp-embedded" ? fileNameOf(item.target) : item.target;
    const at = item.frame !== undefined && timing ? `${timecodeOf(timing, item.frame)} · ` : "";
    return `${at}${text}${item.status === "unchanged" ? ` (${t("apply.unchanged")})` : ""}`;
  };
  const section = (kind: ApplyItemKind, items: readonly ApplyItemReport[]) => {
    const name = t(`apply.kind.${kind}`);
    if (kind === "keywords") {
      // A host that writes no keyword reports the empty list as one item with an empty target.
      const words = items.filter((item) => item.target !== "");
      return (
        <div key={kind} className="report-entry">
          <dt>{t("apply.withCount", { name, count: words.length })}</dt>
          <dd>
            {words.length === 0 ? (
              <span className="muted">{t("apply.noKeywords")}</span>
            ) : (
              <ul className="report-keywords">
                {words.map((item, i) => (
                  <li key={i} className="chip chip-accepted">
                    {itemText(item)}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      );
    }
    const shown = kind === "marker" && !allMarkers ? items.slice(0, MARKERS_SHOWN) : items;
    return (
      <div key={kind} className="report-entry">
        <dt>{kind === "marker" ? t("apply.withCount", { name, count: items.length }) : name}</dt>
        <dd>
          <ul className="report-items">
            {shown.map((item, i) => (
              <li key={i} title={item.target}>
                {itemText(item)}
              </li>
            ))}
          </ul>
          {kind === "marker" && items.length > MARKERS_SHOWN && (
            <button
              type="button"
              className="button button-quiet"
              aria-expanded={allMarkers}
              onClick={() => setAllMarkers((all) => !all)}
            >
              {allMarkers ? t("apply.hideMarkers") : t("apply.showMarkers", { count: items.length })}
            </button>
          )}
        </dd>
      </div>
    );
  };

  return (
    <div className="apply-report">
      {anyDone && (
        <dl className="report-list">
          {KIND_ORDER.flatMap((kind) => (summary.done[kind] ? [section(kind, summary.done[kind])] : []))}
        </dl>
      )}
      {summary.failed.map((item, i) => (
        <div key={i} className="report-failure">
          <p className="muted">
            {t("apply.failedItem", { what: `${t(`apply.kind.${item.kind}`)}: ${itemText(item)}` })}
          </p>
          <ErrorNotice
            error={{
              code: item.error?.code ?? "SICHTER_E_INTERNAL",
              params: item.error?.params ?? null,
              message: item.error?.message ?? "",
            }}
          />
        </div>
      ))}
      {summary.skipped.length > 0 && (
        <p className="muted">
          {t("apply.skipped", {
            what: [...new Set(summary.skipped.map((item) => t(`apply.kind.${item.kind}`)))].join(", "),
          })}
        </p>
      )}
    </div>
  );
}

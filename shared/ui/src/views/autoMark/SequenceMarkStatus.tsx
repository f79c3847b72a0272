import { useState } from "react";
import type { SequenceMarkItem } from "../../host/HostAdapter.ts";
import { describeError } from "../../i18n/describeError.ts";
import type { SequenceMarkState } from "../../state/autoMark/SequenceMarkController.ts";
import { useI18n } from "../../ui/I18n.tsx";
import { ErrorNotice } from "../ErrorNotice.tsx";

/**
 * The markers of a sequence's auto-mark: waiting for the analyses, being written, or the host's
 * report with a line per clip instance; that this host cannot write them; or that a cancel wrote none.
 * While the markers are prepared and written, `onCancel` stops the host before its next clip.
 */
export function SequenceMarkStatus({ state, onCancel }: { state: SequenceMarkState; onCancel?: () => void }) {
  const { t } = useI18n();
  // One click is enough: the host hears it before its next clip and reports the rest as cancelled.
  const [cancelling, setCancelling] = useState(false);
  const busy = state.phase === "planning" || state.phase === "writing";
  // The next run starts with a button that can be clicked again.
  if (!busy && cancelling) setCancelling(false);
  const stop = onCancel && (
    <button
      type="button"
      className="button"
      disabled={cancelling}
      onClick={() => {
        setCancelling(true);
        onCancel();
      }}
    >
      {cancelling ? t("analysis.cancelling") : t("sequenceMark.cancel")}
    </button>
  );
  switch (state.phase) {
    case "idle":
      return null;
    case "analysing":
      return <p className="muted sequence-mark-line">{t("sequenceMark.analysing")}</p>;
    case "planning":
      return (
        <div className="row row-spread row-wrap">
          <p className="sequence-mark-line" aria-live="polite">
            {t("sequenceMark.planning", { total: state.total })}
          </p>
          {stop}
        </div>
      );
    case "writing":
      return (
        <div className="row row-spread row-wrap">
          <p className="sequence-mark-line" aria-live="polite">
            {t("sequenceMark.writing", { done: state.done, total: state.total })}
          </p>
          {stop}
        </div>
      );
    case "unavailable":
      return (
        <p className="notice sequence-mark-line" role="note">
          {t("sequenceMark.unavailable")}
        </p>
      );
    case "cancelled":
      return <p className="muted sequence-mark-line">{t("sequenceMark.cancelled")}</p>;
    case "failed":
      return state.error ? <ErrorNotice error={state.error} /> : null;
    case "done":
      return state.report ? <SequenceMarkReportView state={state} /> : null;
  }
}

function SequenceMarkReportView({ state }: { state: SequenceMarkState }) {
  const { t } = useI18n();
  const report = state.report!;
  return (
    <section className="sequence-mark" aria-labelledby="sichter-sequence-mark-title">
      <h3 id="sichter-sequence-mark-title" className="auto-mark-subtitle">
        {t("sequenceMark.title", { sequence: report.sequenceName })}
      </h3>
      <p className="auto-mark-counts">{t("sequenceMark.counts", report.markers)}</p>
      {report.oneUndoStep && <p className="muted">{t("sequenceMark.oneUndo")}</p>}
      {state.error && <ErrorNotice error={state.error} />}
      <ul className="auto-mark-clips sequence-mark-items">
        {report.items.map((item, index) => (
          <SequenceMarkItemRow key={`${index}:${item.mediaPath}`} item={item} />
        ))}
      </ul>
    </section>
  );
}

function SequenceMarkItemRow({ item }: { item: SequenceMarkItem }) {
  const { locale, t } = useI18n();
  const error = item.error
    ? describeError(
        { code: item.error.code, params: item.error.params ?? null, message: item.error.message ?? item.error.code },
        locale,
      )
    : null;
  const line =
    item.status === "written"
      ? t("sequenceMark.status.written", { markers: item.markers })
      : item.status === "unchanged"
        ? t("sequenceMark.status.unchanged", { markers: item.markers })
        : item.status === "failed"
          ? t("sequenceMark.status.failed")
          : t(item.reason ? `sequenceMark.reason.${item.reason}` : "sequenceMark.reason.other");
  return (
    <li className={`auto-mark-clip sequence-mark-${item.status}`} data-state={item.status} title={item.mediaPath}>
      <span className="auto-mark-name">{item.name}</span>
      <span className="auto-mark-state">
        {line}
        {error && <span className="auto-mark-message"> · {error.message}</span>}
        {error && <span className="auto-mark-code"> · {error.code}</span>}
      </span>
    </li>
  );
}

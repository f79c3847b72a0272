import { useId } from "react";
import { formatDateTime, type ClipTiming } from "../format/clipFacts.ts";
import type { ApplyController } from "../state/apply/ApplyController.ts";
import type { ApplyRun } from "../state/apply/applyReducer.ts";
import { applyOutcome, summarizeApply } from "../state/apply/applySummary.ts";
import type { Translate } from "../i18n/translate.ts";
import { useI18n } from "../ui/I18n.tsx";
import { useStore } from "../ui/useStore.ts";
import { ApplyReportView } from "./ApplyReportView.tsx";
import { ErrorNotice } from "./ErrorNotice.tsx";
import { UndoGroupingNote } from "./UndoGroupingNote.tsx";

export interface ApplySectionProps {
  readonly path: string;
  readonly apply: ApplyController;
  /** What the host writes: XMP only (the browser: the engine writes it) or its project too. */
  readonly writesProject: boolean;
  /** The file is one the engine can embed XMP into (MOV/MP4). */
  readonly embeddable: boolean;
  readonly timing: ClipTiming | null;
  readonly onApply: () => void;
}

/** One button that writes the reviewed tags, where they go, and the report of the last time. */
export function ApplySection({ path, apply, writesProject, embeddable, timing, onApply }: ApplySectionProps) {
  const { locale, t } = useI18n();
  const state = useStore(apply.state);
  const embedId = useId();
  const run = state.runs[path];
  const applying = run?.phase === "applying";
  const offerEmbed = apply.canEmbed && embeddable;
  const embed = offerEmbed && state.embed;
  return (
    <section className="apply" aria-labelledby="sichter-apply-title" aria-busy={applying}>
      <div className="row row-spread row-wrap">
        <h2 id="sichter-apply-title" className="section-title">
          {t("apply.title")}
        </h2>
        <button type="button" className="button button-primary" disabled={applying} onClick={onApply}>
          {applying ? t("apply.applying") : run ? t("apply.again") : t("apply.button")}
        </button>
      </div>
      <p className="muted">
        {t(writesProject ? "apply.hint.host" : embed ? "apply.hint.embed" : "apply.hint.sidecar")}{" "}
        {run && t("apply.hint.again")}
      </p>
      <UndoGroupingNote undoGrouping={apply.undoGrouping} />
      {offerEmbed && (
        <div className="row check-row">
          <input
            id={embedId}
            type="checkbox"
            checked={state.embed}
            disabled={applying}
            onChange={(event) => apply.setEmbed(event.target.checked)}
          />
          <label htmlFor={embedId} className="check-label">
            {t("apply.embed")}
          </label>
        </div>
      )}
      {/* Always there, so a screen reader hears each outcome once, not the whole report. */}
      <p className={`apply-outcome apply-${run ? outcomeOf(run) : "none"}`} role="status">
        {run ? outcomeText(t, run, run.finishedAt ? formatDateTime(run.finishedAt, locale) : "") : ""}
      </p>
      {run?.phase === "done" && run.report && <ApplyReportView report={run.report} timing={timing} />}
      {run?.phase === "failed" && run.error && <ErrorNotice error={run.error} />}
    </section>
  );
}

function outcomeOf(run: ApplyRun): "applying" | "ok" | "partly" | "failed" {
  if (run.phase === "applying") return "applying";
  return run.phase === "failed" || !run.report ? "failed" : applyOutcome(summarizeApply(run.report));
}

function outcomeText(t: Translate, run: ApplyRun, when: string): string {
  switch (outcomeOf(run)) {
    case "applying":
      return t("apply.applying");
    case "ok":
      return t("apply.reportTitle", { when });
    case "partly":
      return t("apply.reportPartly", { when });
    case "failed":
      return t("apply.reportFailed", { when });
  }
}

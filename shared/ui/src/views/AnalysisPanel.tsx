import { stageLabel } from "../i18n/stageLabel.ts";
import type { AnalysisState } from "../state/analysis/analysisReducer.ts";
import { useI18n } from "../ui/I18n.tsx";
import { ErrorNotice } from "./ErrorNotice.tsx";

export interface AnalysisPanelProps {
  readonly state: AnalysisState;
  /** The clip has an analysis already: the button analyses again (decisions are kept). */
  readonly analysed: boolean;
  readonly onAnalyze: () => void;
  readonly onCancel: () => void;
  readonly onDismiss: () => void;
}

/** One button to analyse, then the engine's stages as a progress bar with a cancel button. */
export function AnalysisPanel({ state, analysed, onAnalyze, onCancel, onDismiss }: AnalysisPanelProps) {
  const { t } = useI18n();
  if (state.phase === "starting" || state.phase === "running") {
    const percent = state.phase === "running" ? Math.round(state.fraction * 100) : 0;
    const stage = stageLabel(t, state.phase === "running" ? state.stage : null);
    const line = state.phase === "starting" ? t("analysis.starting") : t("analysis.stageLine", { stage, percent });
    const cancelling = state.phase === "running" && state.cancelling;
    return (
      <section className="analysis" aria-label={t("analysis.progressLabel")}>
        <div
          className="progress"
          role="progressbar"
          aria-label={t("analysis.progressLabel")}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={line}
        >
          <div className="progress-fill" style={{ width: `${percent}%` }} />
        </div>
        <div className="row row-spread">
          <p className="progress-line" aria-live="polite">
            {line}
          </p>
          <button
            type="button"
            className="button"
            onClick={onCancel}
            disabled={state.phase !== "running" || cancelling}
          >
            {cancelling ? t("analysis.cancelling") : t("analysis.cancel")}
          </button>
        </div>
      </section>
    );
  }
  return (
    <section className="analysis">
      <div className="row row-wrap">
        <button type="button" className="button button-primary" onClick={onAnalyze}>
          {analysed ? t("analysis.again") : t("analysis.start")}
        </button>
        {analysed && <span className="muted">{t("analysis.againHint")}</span>}
      </div>
      {state.phase === "cancelled" && (
        <p className="muted" role="status">
          {t("analysis.cancelled")}
        </p>
      )}
      {state.phase === "failed" && <ErrorNotice error={state.error} onDismiss={onDismiss} />}
    </section>
  );
}

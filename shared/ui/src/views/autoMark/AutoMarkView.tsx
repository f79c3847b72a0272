import type { AutoMarkController } from "../../state/autoMark/AutoMarkController.ts";
import type { SequenceMarkController } from "../../state/autoMark/SequenceMarkController.ts";
import { autoMarkProgress } from "../../state/autoMark/autoMarkProgress.ts";
import { runFinished } from "../../state/autoMark/autoMarkReducer.ts";
import { useI18n } from "../../ui/I18n.tsx";
import { useStore } from "../../ui/useStore.ts";
import { ErrorNotice } from "../ErrorNotice.tsx";
import { AutoMarkClipRow } from "./AutoMarkClipRow.tsx";
import { AutoMarkSummary } from "./AutoMarkSummary.tsx";
import { SequenceMarkStatus } from "./SequenceMarkStatus.tsx";
import "../../theme/autoMark.css";

export interface AutoMarkViewProps {
  readonly autoMark: AutoMarkController;
  /** The browser host: a run starts from a folder in the panel's media browser. */
  readonly mediaBrowser: boolean;
  /** Premiere and Resolve: a run starts from the host's active sequence. */
  readonly onStartSequence: (() => void) | null;
  readonly onGoToMedia: () => void;
  /** Hosts that list a sequence: its markers, written once the analyses have ended (or why not). */
  readonly sequenceMark?: SequenceMarkController | null;
}

/** One view for a whole run: overall progress, each clip's state, cancel all, and the summary at the end. */
export function AutoMarkView({
  autoMark,
  mediaBrowser,
  onStartSequence,
  onGoToMedia,
  sequenceMark = null,
}: AutoMarkViewProps) {
  const { t } = useI18n();
  const { run, error } = useStore(autoMark.state);
  if (!run) {
    return (
      <section className="auto-mark" aria-labelledby="sichter-auto-mark-title">
        <h2 id="sichter-auto-mark-title" className="section-title">
          {t("autoMark.title")}
        </h2>
        {onStartSequence && (
          <>
            <p>{t("autoMark.introSequence")}</p>
            <button type="button" className="button button-primary" onClick={onStartSequence}>
              {t("autoMark.startSequence")}
            </button>
          </>
        )}
        {mediaBrowser && (
          <>
            <p>{t("autoMark.introFolder")}</p>
            <button type="button" className="button" onClick={onGoToMedia}>
              {t("autoMark.toMedia")}
            </button>
          </>
        )}
        {error && <ErrorNotice error={error} />}
      </section>
    );
  }
  const finished = runFinished(run);
  const progress = autoMarkProgress(run);
  const percent = Math.round(progress.fraction * 100);
  const line = t("autoMark.overall", { done: progress.done, total: progress.total, percent });
  return (
    <section
      className="auto-mark"
      aria-labelledby="sichter-auto-mark-title"
      data-state={finished ? "finished" : "running"}
    >
      <h2 id="sichter-auto-mark-title" className="section-title auto-mark-title">
        {t(finished ? "autoMark.finished" : "autoMark.running", { source: run.source })}
      </h2>
      <div
        className="progress"
        role="progressbar"
        aria-label={t("autoMark.progressLabel")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={line}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <div className="row row-spread row-wrap">
        <p className="progress-line" aria-live="polite">
          {line}
        </p>
        {!finished && (
          <button
            type="button"
            className="button"
            onClick={() => void (sequenceMark ?? autoMark).cancel()}
            disabled={run.cancelling}
          >
            {run.cancelling ? t("autoMark.cancelling") : t("autoMark.cancelAll")}
          </button>
        )}
      </div>
      {error && <ErrorNotice error={error} />}
      {sequenceMark && <SequenceMarkOf controller={sequenceMark} />}
      {finished && (
        <AutoMarkSummary
          run={run}
          onDismiss={() => {
            sequenceMark?.dismiss();
            autoMark.dismiss();
          }}
        />
      )}
      <h3 className="auto-mark-subtitle">{t("autoMark.clips")}</h3>
      <ul className="auto-mark-clips">
        {run.clips.map((clip) => (
          <AutoMarkClipRow key={clip.path} clip={clip} />
        ))}
      </ul>
    </section>
  );
}

function SequenceMarkOf({ controller }: { controller: SequenceMarkController }) {
  return <SequenceMarkStatus state={useStore(controller.state)} onCancel={() => void controller.cancel()} />;
}

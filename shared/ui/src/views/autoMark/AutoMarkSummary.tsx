import { describeError } from "../../i18n/describeError.ts";
import { autoMarkProgress } from "../../state/autoMark/autoMarkProgress.ts";
import { errorAboutClip } from "../../state/autoMark/errorAboutClip.ts";
import type { AutoMarkRun } from "../../state/autoMark/autoMarkReducer.ts";
import { useI18n } from "../../ui/I18n.tsx";
import { RichText } from "../../ui/RichText.tsx";

/** The end of a run: how many clips were analysed, failed or cancelled, and each failure in the user's language with its code. */
export function AutoMarkSummary({ run, onDismiss }: { run: AutoMarkRun; onDismiss: () => void }) {
  const { locale, t } = useI18n();
  const progress = autoMarkProgress(run);
  const failures = run.clips.filter((clip) => clip.state === "failed");
  return (
    <section className="auto-mark-summary" role="status" aria-labelledby="sichter-auto-mark-summary">
      <h3 id="sichter-auto-mark-summary" className="auto-mark-subtitle">
        {t("autoMark.summary")}
      </h3>
      <p className="auto-mark-counts">
        {t("autoMark.summaryCounts", {
          completed: progress.completed,
          failed: progress.failed,
          cancelled: progress.cancelled,
        })}
      </p>
      {progress.completed > 0 && <p className="muted">{t("autoMark.summaryNext")}</p>}
      {failures.length > 0 && (
        <>
          <h4 className="auto-mark-subtitle">{t("autoMark.failures")}</h4>
          <ul className="auto-mark-failures">
            {failures.map((clip) => {
              const text = clip.error ? describeError(errorAboutClip(clip.error, clip), locale) : null;
              return (
                <li key={clip.path} className="auto-mark-failure" data-code={text?.code}>
                  <span className="auto-mark-name">{clip.name}</span>
                  {text && (
                    <>
                      <span className="auto-mark-message">
                        <RichText text={text.message} />
                      </span>
                      {text.next && (
                        <span className="auto-mark-next">
                          <RichText text={text.next} />
                        </span>
                      )}
                      <span className="notice-code">{t("error.code", { code: text.code })}</span>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      <button type="button" className="button" onClick={onDismiss}>
        {t("autoMark.dismiss")}
      </button>
    </section>
  );
}

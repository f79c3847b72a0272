import { useEffect } from "react";
import { fileNameOf } from "../../host/ClipReference.ts";
import { formatBytes } from "../../format/formatBytes.ts";
import { formatDateTime } from "../../format/clipFacts.ts";
import type { JobTransparency, TransparencyController } from "../../state/privacy/TransparencyController.ts";
import { summariseTransparency } from "../../state/privacy/transparencySummary.ts";
import { useI18n } from "../../ui/I18n.tsx";
import { useStore } from "../../ui/useStore.ts";
import { ErrorNotice } from "../ErrorNotice.tsx";
import { useHeadingFocus } from "./useHeadingFocus.ts";

/** "What was sent": each recent job's transparency record, read fresh from the engine on opening. */
export function TransparencyView({
  transparency,
  onClose,
}: {
  transparency: TransparencyController;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const state = useStore(transparency.state);
  const heading = useHeadingFocus(transparency);
  useEffect(() => {
    void transparency.load();
  }, [transparency]);
  return (
    <section className="settings sent" aria-labelledby="sichter-sent-title">
      <div className="settings-head">
        <h2 id="sichter-sent-title" className="settings-title" ref={heading} tabIndex={-1}>
          {t("sent.title")}
        </h2>
        <button type="button" className="button" onClick={onClose}>
          {t("settings.close")}
        </button>
      </div>
      <p className="muted">{t("sent.intro")}</p>
      <button
        type="button"
        className="button"
        onClick={() => void transparency.load()}
        disabled={state.load === "loading"}
      >
        {t("sent.refresh")}
      </button>
      <div aria-live="polite">
        {state.load === "loading" && <p className="muted">{t("sent.loading")}</p>}
        {state.load === "loaded" && state.jobs.length === 0 && <p className="muted">{t("sent.noJobs")}</p>}
      </div>
      {state.error && <ErrorNotice error={state.error} />}
      <ul className="sent-jobs">
        {state.jobs.map((entry) => (
          <SentJob key={entry.job.id} entry={entry} />
        ))}
      </ul>
    </section>
  );
}

function SentJob({ entry }: { entry: JobTransparency }) {
  const { locale, t } = useI18n();
  const { job } = entry;
  const time = (iso: string) => formatDateTime(iso, locale);
  const when =
    job.state === "running"
      ? t("sent.job.running", { time: time(job.startedAt ?? job.createdAt) })
      : job.state === "queued"
        ? ""
        : t("sent.job.ended", {
            state: t(`sent.state.${job.state}`),
            time: time(job.finishedAt ?? job.startedAt ?? job.createdAt),
          });
  const providers = summariseTransparency(entry.records);
  const name = fileNameOf(job.clipPath);
  return (
    <li className="sent-job" data-job={job.id}>
      <h3 className="sent-clip" title={job.clipPath}>
        {name}
      </h3>
      <p className="muted sent-when">{when}</p>
      {providers.length === 0 ? (
        <p className="sent-nothing">{t("sent.nothing")}</p>
      ) : (
        <ul className="sent-providers">
          {providers.map((summary) => (
            <li key={summary.provider} className="sent-provider">
              <span className="sent-provider-name">{summary.provider}</span>
              <span>
                {t("sent.provider", {
                  images: summary.images,
                  keyframes: summary.keyframes,
                  bytes: formatBytes(summary.bytes, locale),
                  requests: summary.requests,
                })}
              </span>
              {summary.largestSide !== null && (
                <span className="muted">{t("sent.largest", { pixels: summary.largestSide })}</span>
              )}
              <span className="muted">{t("sent.to", { endpoint: summary.endpoints.join(", ") })}</span>
              <span className="muted">
                {summary.firstAt === summary.lastAt
                  ? time(summary.firstAt)
                  : t("sent.when", { from: time(summary.firstAt), to: time(summary.lastAt) })}
              </span>
              {summary.errors.length > 0 && (
                <span className="sent-error">{t("sent.failed", { codes: summary.errors.join(", ") })}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

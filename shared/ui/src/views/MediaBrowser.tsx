import type { MediaFileEntry } from "@sichter/shared/protocol";
import { useEffect } from "react";
import { formatDateTime, formatDuration } from "../format/clipFacts.ts";
import { fileNameOf } from "../host/ClipReference.ts";
import type { MediaBrowserController } from "../state/media/MediaBrowserController.ts";
import { useI18n } from "../ui/I18n.tsx";
import { RichText } from "../ui/RichText.tsx";
import { useStore } from "../ui/useStore.ts";
import { ErrorNotice } from "./ErrorNotice.tsx";

/**
 * The browser host's way to choose the current clip: the folders the user allowed on the engine
 * side (`sichter serve --media DIR`), never an arbitrary path of the machine.
 */
export function MediaBrowser({
  media,
  currentPath,
  onPick,
  onAutoMark,
}: {
  media: MediaBrowserController;
  currentPath: string | null;
  onPick: (file: MediaFileEntry) => void;
  /** Queues every video file of the open folder at once (auto-mark); absent, the button is not offered. */
  onAutoMark?: (folderName: string, files: readonly MediaFileEntry[]) => void;
}) {
  const { t } = useI18n();
  const state = useStore(media.state);
  useEffect(() => {
    if (state.load === "idle") void media.open(null);
  }, [media, state.load]);

  const atTop = state.folder === null;
  return (
    <section className="media" aria-labelledby="sichter-media-title" aria-busy={state.load === "loading"}>
      <div className="row row-spread">
        <h2 id="sichter-media-title" className="section-title media-title" title={state.folder ?? undefined}>
          {atTop ? t("media.allowed") : fileNameOf(state.folder!)}
        </h2>
        {!atTop && (
          <button type="button" className="button" onClick={() => void media.open(state.parent)}>
            {state.parent === null ? t("media.toAllowed") : t("media.up")}
          </button>
        )}
      </div>
      {onAutoMark && !atTop && state.load === "loaded" && state.files.length > 0 && (
        <button
          type="button"
          className="button media-auto-mark"
          aria-label={t("autoMark.folderButtonLabel", { count: state.files.length })}
          onClick={() => onAutoMark(fileNameOf(state.folder!), state.files)}
        >
          {t("autoMark.folderButton")}
        </button>
      )}
      {state.load === "failed" && state.error && <ErrorNotice error={state.error} />}
      {state.load === "loaded" && atTop && state.folders.length === 0 && (
        <div className="notice">
          <p>
            <RichText text={t("media.noneAllowed")} />
          </p>
        </div>
      )}
      {state.load === "loaded" && !atTop && state.folders.length === 0 && state.files.length === 0 && (
        <p className="muted">{t("media.empty")}</p>
      )}
      <ul className="entries">
        {state.folders.map((folder) => (
          <li key={folder.path}>
            <button
              type="button"
              className="entry entry-folder"
              disabled={!folder.available}
              onClick={() => void media.open(folder.path)}
            >
              <span className="entry-icon" aria-hidden="true">
                ▸
              </span>
              <span className="entry-name">{folder.name}</span>
              {!folder.available && <span className="entry-meta">{t("media.unavailable")}</span>}
            </button>
          </li>
        ))}
        {state.files.map((file) => (
          <li key={file.path}>
            <MediaFile file={file} current={file.path === currentPath} onPick={() => onPick(file)} />
          </li>
        ))}
      </ul>
      {state.truncated && <p className="muted">{t("media.truncated")}</p>}
    </section>
  );
}

function MediaFile({ file, current, onPick }: { file: MediaFileEntry; current: boolean; onPick: () => void }) {
  const { locale, t } = useI18n();
  const probe = file.probe;
  const timing = probe
    ? `${formatDuration(probe.durationSeconds)} · ${probe.startTimecode}–${probe.endTimecode}`
    : t("media.probing");
  const analysed = file.analysis?.lastAnalysed
    ? t("media.analysedAt", { when: formatDateTime(file.analysis.lastAnalysed, locale) })
    : t("media.notAnalysed");
  return (
    <button
      type="button"
      className={`entry entry-file${current ? " entry-current" : ""}`}
      aria-current={current ? "true" : undefined}
      onClick={onPick}
    >
      <span className="entry-name">{file.name}</span>
      <span className="entry-meta">{timing}</span>
      <span className={`entry-meta${file.analysis?.lastAnalysed ? "" : " entry-fresh"}`}>{analysed}</span>
    </button>
  );
}

import type { CatalogClipInfo } from "@sichter/shared/protocol";
import { formatDateTime, formatDuration, formatRate, timecodeRange } from "../format/clipFacts.ts";
import { folderNameOf, type ClipReference } from "../host/ClipReference.ts";
import { useI18n } from "../ui/I18n.tsx";

/** Which clip the panel works on: name, path, and its timing once the catalog knows it. */
export function ClipHeader({ clip, info }: { clip: ClipReference; info: CatalogClipInfo | null }) {
  const { locale, t } = useI18n();
  return (
    <header className="clip-header">
      <h2 className="clip-name">{clip.name}</h2>
      {/* The folder's name only: a whole path does not fit a docked panel; the tooltip has it. */}
      <p className="clip-path" title={clip.mediaPath}>
        {t("clip.folder", { folder: folderNameOf(clip.mediaPath) || clip.mediaPath })}
      </p>
      {info && (
        <p className="muted">
          {t("clip.facts", {
            duration: formatDuration(info.durationSeconds),
            range: timecodeRange(info),
            rate: formatRate(info.frameRate, locale),
          })}
        </p>
      )}
      {info?.lastAnalysed && (
        <p className="muted">{t("clip.analysedAt", { when: formatDateTime(info.lastAnalysed, locale) })}</p>
      )}
    </header>
  );
}

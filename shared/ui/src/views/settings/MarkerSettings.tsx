import { useId } from "react";
import {
  MARKER_COLOURS,
  MARKER_SOURCES,
  type MarkerColour,
  type MarkerSource,
} from "../../state/settings/PanelSettings.ts";
import type { SettingsController } from "../../state/settings/SettingsController.ts";
import type { MessageKey } from "../../i18n/messages.ts";
import { useI18n } from "../../ui/I18n.tsx";
import { useStore } from "../../ui/useStore.ts";

const SOURCE_NAME: Record<MarkerSource, MessageKey> = {
  shot: "write.source.shot",
  ocr: "source.ocr",
  vision: "source.vision",
  technical: "source.technical",
  motion: "source.motion",
  user: "source.user",
};

/** Per source: whether its markers are written, and their colour (the hosts map the shared palette). */
export function MarkerSettings({ settings, writesMarkers }: { settings: SettingsController; writesMarkers: boolean }) {
  const { t } = useI18n();
  const current = useStore(settings.state);
  const titleId = useId();
  return (
    <section className="settings-group" aria-labelledby={titleId}>
      <h3 id={titleId} className="section-title">
        {t("write.title")}
      </h3>
      <p className="muted">{t(writesMarkers ? "write.hint" : "write.notHere")}</p>
      <ul className="marker-sources">
        {MARKER_SOURCES.map((source) => {
          const name = t(SOURCE_NAME[source]);
          const colour = current.markerColours[source];
          return (
            <li key={source} className="marker-source">
              <label className="marker-write">
                <input
                  type="checkbox"
                  checked={current.write[source]}
                  aria-label={t("write.writeLabel", { source: name })}
                  onChange={(event) => settings.update({ write: { ...current.write, [source]: event.target.checked } })}
                />
                <span className={`swatch swatch-${colour}`} aria-hidden="true" />
                <span className="marker-name">{name}</span>
              </label>
              <select
                className="input select select-colour"
                aria-label={t("write.colourLabel", { source: name })}
                value={colour}
                disabled={!current.write[source]}
                onChange={(event) =>
                  settings.update({
                    markerColours: { ...current.markerColours, [source]: event.target.value as MarkerColour },
                  })
                }
              >
                {MARKER_COLOURS.map((option) => (
                  <option key={option} value={option}>
                    {t(`colour.${option}`)}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

import { useId } from "react";
import type { ClipSource } from "../host/HostAdapter.ts";
import type { SettingsController } from "../state/settings/SettingsController.ts";
import { useI18n } from "../ui/I18n.tsx";
import { useStore } from "../ui/useStore.ts";
import "../theme/host.css";

/**
 * Where the current clip comes from, in hosts that can follow either their selection or the clip
 * under the playhead: a labelled native select (arrow keys, screen readers, UXP's own control),
 * kept in the panel's settings; Panel's followClipSource tells the host.
 */
export function ClipSourceSwitch({ settings }: { settings: SettingsController }) {
  const { t } = useI18n();
  const id = useId();
  const current = useStore(settings.state).clipSource;
  return (
    <div className="clip-source row row-wrap">
      <label htmlFor={id} className="clip-source-label">
        {t("clipSource.label")}
      </label>
      <select
        id={id}
        className="input select clip-source-select"
        value={current ?? "auto"}
        onChange={(event) =>
          settings.update({ clipSource: event.target.value === "auto" ? null : (event.target.value as ClipSource) })
        }
      >
        <option value="auto">{t("clipSource.auto")}</option>
        <option value="selection">{t("clipSource.selection")}</option>
        <option value="playhead">{t("clipSource.playhead")}</option>
      </select>
    </div>
  );
}

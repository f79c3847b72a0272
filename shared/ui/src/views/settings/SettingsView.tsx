import { useId, useState } from "react";
import type { HostCapabilities, HostTheme, UiLocale } from "../../host/HostAdapter.ts";
import type { PrivacyController } from "../../state/privacy/PrivacyController.ts";
import type { TransparencyController } from "../../state/privacy/TransparencyController.ts";
import type { SettingsController } from "../../state/settings/SettingsController.ts";
import { useI18n } from "../../ui/I18n.tsx";
import { RichText } from "../../ui/RichText.tsx";
import { useStore } from "../../ui/useStore.ts";
import { MarkerSettings } from "./MarkerSettings.tsx";
import { PrivacySection } from "./PrivacySection.tsx";
import { TransparencyView } from "./TransparencyView.tsx";
import { useHeadingFocus } from "./useHeadingFocus.ts";
import "../../theme/settings.css";

export interface SettingsViewProps {
  readonly settings: SettingsController;
  readonly privacy: PrivacyController;
  readonly transparency: TransparencyController;
  readonly hostLocale: UiLocale;
  readonly hostTheme: HostTheme;
  readonly capabilities: HostCapabilities;
  readonly onClose: () => void;
}

/** The panel's settings and the engine's privacy, with "what was sent" one step further in. */
export function SettingsView(props: SettingsViewProps) {
  const { t } = useI18n();
  const [showSent, setShowSent] = useState(false);
  const heading = useHeadingFocus(showSent);
  if (showSent) return <TransparencyView transparency={props.transparency} onClose={() => setShowSent(false)} />;
  return (
    <section className="settings" aria-labelledby="sichter-settings-title">
      <div className="settings-head">
        <h2 id="sichter-settings-title" className="settings-title" ref={heading} tabIndex={-1}>
          {t("settings.title")}
        </h2>
        <button type="button" className="button" aria-label={t("settings.closeLabel")} onClick={props.onClose}>
          {t("settings.close")}
        </button>
      </div>
      <LanguageAndTheme {...props} />
      <PrivacySection privacy={props.privacy} onShowSent={() => setShowSent(true)} />
      <MarkerSettings settings={props.settings} writesMarkers={props.capabilities.apply.markers} />
      <p className="muted settings-kept">
        <RichText text={t("settings.kept")} />
      </p>
      <button type="button" className="button" onClick={() => props.settings.reset()}>
        {t("settings.reset")}
      </button>
    </section>
  );
}

function LanguageAndTheme({ settings, hostLocale, hostTheme }: SettingsViewProps) {
  const { locale, t } = useI18n();
  const current = useStore(settings.state);
  const ids = {
    languageTitle: useId(),
    ui: useId(),
    keywords: useId(),
    keywordsHint: useId(),
    themeTitle: useId(),
    theme: useId(),
  };
  const language = (value: UiLocale): string => t(`settings.language.${value}`);
  return (
    <>
      <section className="settings-group" aria-labelledby={ids.languageTitle}>
        <h3 id={ids.languageTitle} className="section-title">
          {t("settings.language.title")}
        </h3>
        <label htmlFor={ids.ui}>{t("settings.language.ui")}</label>
        <select
          id={ids.ui}
          className="input select"
          value={current.uiLocale ?? "host"}
          onChange={(event) =>
            settings.update({ uiLocale: event.target.value === "host" ? null : (event.target.value as UiLocale) })
          }
        >
          <option value="host">{t("settings.language.host", { language: language(hostLocale) })}</option>
          <option value="de" lang="de">
            Deutsch
          </option>
          <option value="en" lang="en">
            English
          </option>
        </select>
        <label htmlFor={ids.keywords}>{t("settings.language.keywords")}</label>
        <select
          id={ids.keywords}
          className="input select"
          aria-describedby={ids.keywordsHint}
          value={current.keywordLanguage ?? "panel"}
          onChange={(event) =>
            settings.update({
              keywordLanguage: event.target.value === "panel" ? null : (event.target.value as UiLocale),
            })
          }
        >
          <option value="panel">{t("settings.language.sameAsPanel", { language: language(locale) })}</option>
          <option value="de">{language("de")}</option>
          <option value="en">{language("en")}</option>
        </select>
        <p id={ids.keywordsHint} className="muted">
          {t("settings.language.keywordsHint")}
        </p>
      </section>
      <section className="settings-group" aria-labelledby={ids.themeTitle}>
        <h3 id={ids.themeTitle} className="section-title">
          {t("settings.theme.title")}
        </h3>
        <label htmlFor={ids.theme}>{t("settings.theme.label")}</label>
        <ThemeSelect id={ids.theme} settings={settings} hostTheme={hostTheme} />
      </section>
    </>
  );
}

function ThemeSelect({ id, settings, hostTheme }: { id: string; settings: SettingsController; hostTheme: HostTheme }) {
  const { t } = useI18n();
  const current = useStore(settings.state);
  return (
    <select
      id={id}
      className="input select"
      value={current.theme}
      onChange={(event) => settings.update({ theme: event.target.value as "host" | HostTheme })}
    >
      <option value="host">{t("settings.theme.host", { theme: t(`settings.theme.${hostTheme}`) })}</option>
      <option value="light">{t("settings.theme.light")}</option>
      <option value="dark">{t("settings.theme.dark")}</option>
    </select>
  );
}

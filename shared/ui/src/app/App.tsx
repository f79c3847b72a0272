import type { SearchResultItem } from "@sichter/shared/protocol";
import { useEffect, useState } from "react";
import { clipFromPath, type ClipReference } from "../host/ClipReference.ts";
import type { HostTheme, UiLocale } from "../host/HostAdapter.ts";
import { I18nProvider, useI18n } from "../ui/I18n.tsx";
import { useStore } from "../ui/useStore.ts";
import { ClipView } from "../views/ClipView.tsx";
import { ConnectionBadge } from "../views/ConnectionBadge.tsx";
import { ConnectionScreen } from "../views/ConnectionScreen.tsx";
import { MediaBrowser } from "../views/MediaBrowser.tsx";
import { SearchView } from "../views/SearchView.tsx";
import { Tabs } from "../views/Tabs.tsx";
import { AutoMarkView } from "../views/autoMark/AutoMarkView.tsx";
import { ClipSourceSwitch } from "../views/ClipSourceSwitch.tsx";
import { SettingsView } from "../views/settings/SettingsView.tsx";
import { keywordLanguageOf, themeOf, uiLocaleOf } from "../state/settings/PanelSettings.ts";
import { planWithSettings } from "../state/settings/planWithSettings.ts";
import type { Panel } from "./Panel.ts";

type TabKey = "media" | "clip" | "search" | "autoMark";

export interface AppProps {
  readonly panel: Panel;
  /** The host's language: the panel's until the user chooses one in the settings. */
  readonly initialLocale: UiLocale;
  readonly onLocaleChange?: (locale: UiLocale) => void;
}

/** The panel for every host: top bar, the connection's designed states, and the clip and search views. */
export function App({ panel, initialLocale, onLocaleChange }: AppProps) {
  const settings = useStore(panel.settings.state);
  const locale = uiLocaleOf(settings, initialLocale);
  const hostTheme = useHostTheme(panel);
  const theme = themeOf(settings, hostTheme);
  useEffect(() => {
    document.documentElement.setAttribute("data-theme", theme);
    document.documentElement.setAttribute("lang", locale);
  }, [theme, locale]);
  const switchLocale = (): void => {
    const next = locale === "de" ? "en" : "de";
    panel.settings.update({ uiLocale: next });
    onLocaleChange?.(next);
  };
  return (
    <I18nProvider locale={locale}>
      <PanelBody panel={panel} onSwitchLocale={switchLocale} hostLocale={initialLocale} hostTheme={hostTheme} />
    </I18nProvider>
  );
}

function PanelBody({
  panel,
  onSwitchLocale,
  hostLocale,
  hostTheme,
}: {
  panel: Panel;
  onSwitchLocale: () => void;
  hostLocale: UiLocale;
  hostTheme: HostTheme;
}) {
  const { locale, t } = useI18n();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const keywordLanguage = keywordLanguageOf(useStore(panel.settings.state), locale);
  const status = useStore(panel.connection.status);
  const clip = useCurrentClip(panel);
  const media = panel.media;
  // Until the user picks a tab: the media browser while there is no clip, else the clip (the current
  // clip arrives asynchronously, e.g. the one remembered across a reload).
  const [chosenTab, setTab] = useState<TabKey | null>(null);
  const tab: TabKey = chosenTab ?? (media && !clip ? "media" : "clip");
  const [seenConnected, setSeenConnected] = useState(false);
  const connected = status.kind === "connected";
  useEffect(() => {
    if (connected) setSeenConnected(true);
  }, [connected]);
  useEffect(() => {
    if (!connected || !clip) return;
    void panel.review.load(clip.mediaPath);
    void panel.analysis.attach(clip.mediaPath);
  }, [connected, clip, panel]);

  // Keep the work on screen through a short reconnect; every other state has its own screen.
  const showMain = connected || (status.kind === "reconnecting" && seenConnected);
  // The host shows the clip at the hit's frame (the browser host: the clip view, through frameFocus).
  const openResult = (result: SearchResultItem, hit: number): void => {
    void panel.search.open(result, hit).then((opened) => opened && setTab("clip"));
  };
  const sequenceClips = panel.host.capabilities.sequenceClips ? () => panel.host.sequenceClips() : null;
  return (
    <div className="panel">
      <header className="topbar">
        <span className="brand">{t("app.name")}</span>
        <ConnectionBadge status={status} />
        {/* One group: in a narrow panel the two buttons move together onto a line of their own. */}
        <div className="topbar-actions">
          <button
            type="button"
            className="button button-quiet"
            lang={locale === "de" ? "en" : "de"}
            aria-label={t("app.switchLanguageLabel")}
            onClick={onSwitchLocale}
          >
            {t("app.switchLanguage")}
          </button>
          <button
            type="button"
            className="button button-quiet"
            aria-label={t("settings.openLabel")}
            aria-expanded={settingsOpen}
            title={t("settings.open")}
            onClick={() => setSettingsOpen(!settingsOpen)}
          >
            <span aria-hidden="true">⚙</span>
          </button>
        </div>
      </header>
      {settingsOpen ? (
        <main className="main">
          <SettingsView
            settings={panel.settings}
            privacy={panel.privacy}
            transparency={panel.transparency}
            hostLocale={hostLocale}
            hostTheme={hostTheme}
            capabilities={panel.host.capabilities}
            onClose={() => setSettingsOpen(false)}
          />
        </main>
      ) : showMain ? (
        <main className="main">
          {panel.host.capabilities.clipSource && panel.host.setClipSource && (
            <ClipSourceSwitch settings={panel.settings} />
          )}
          <Tabs
            label={t("app.sections")}
            tabs={[
              ...(media ? [{ key: "media" as const, label: t("app.tab.media") }] : []),
              { key: "clip", label: t("app.tab.clip") },
              { key: "search", label: t("app.tab.search") },
              { key: "autoMark", label: t("app.tab.autoMark") },
            ]}
            current={tab}
            onSelect={setTab}
          >
            {tab === "media" && media ? (
              <MediaBrowser
                media={media}
                currentPath={clip?.mediaPath ?? null}
                onPick={(file) => {
                  panel.host.selectClip?.(clipFromPath(file.path));
                  setTab("clip");
                }}
                onAutoMark={(folderName, files) => {
                  void panel.autoMark.start(folderName, files, keywordLanguage);
                  setTab("autoMark");
                }}
              />
            ) : tab === "search" ? (
              <SearchView
                search={panel.search}
                onOpen={openResult}
                fileUrl={(path) => panel.connection.fileUrl(path)}
              />
            ) : tab === "autoMark" ? (
              <AutoMarkView
                autoMark={panel.autoMark}
                mediaBrowser={media !== null}
                onStartSequence={
                  sequenceClips &&
                  (() =>
                    void panel.sequenceMark.start({
                      language: keywordLanguage,
                      preparePlan: (plan) => planWithSettings(plan, panel.settings.state.get()),
                    }))
                }
                sequenceMark={sequenceClips && panel.sequenceMark}
                onGoToMedia={() => setTab("media")}
              />
            ) : (
              <ClipView
                clip={clip}
                analysis={panel.analysis}
                review={panel.review}
                player={panel.player}
                apply={panel.apply}
                onAnalyze={(current) =>
                  void panel.analysis.analyze({ path: current.mediaPath, language: keywordLanguage })
                }
                onApply={(current, embeddable) =>
                  void panel.apply.apply(
                    current,
                    {
                      language: keywordLanguage,
                      preparePlan: (plan) => planWithSettings(plan, panel.settings.state.get()),
                    },
                    embeddable,
                  )
                }
                mediaBrowser={media !== null}
                writesProject={panel.host.capabilities.apply.markers}
                fileUrl={(path) => panel.connection.fileUrl(path)}
              />
            )}
          </Tabs>
        </main>
      ) : (
        <main className="main">
          <ConnectionScreen
            status={status}
            actions={{ setToken: (token) => panel.connection.setToken(token), retry: () => panel.connection.retry() }}
          />
        </main>
      )}
    </div>
  );
}

function useHostTheme(panel: Panel): HostTheme {
  const [theme, setTheme] = useState(() => panel.host.theme());
  useEffect(() => {
    const subscription = panel.host.onThemeChange(setTheme);
    return () => subscription.dispose();
  }, [panel]);
  return theme;
}

function useCurrentClip(panel: Panel): ClipReference | null {
  const [clip, setClip] = useState<ClipReference | null>(null);
  useEffect(() => {
    let live = true;
    void panel.host.currentClip().then((current) => live && setClip(current));
    const subscription = panel.host.onCurrentClipChange(setClip);
    return () => {
      live = false;
      subscription.dispose();
    };
  }, [panel]);
  return clip;
}

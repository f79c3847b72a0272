import type { ClipSource, HostTheme, UiLocale } from "../../host/HostAdapter.ts";

/**
 * What the panel's markers stand for, as a person chooses what to write and in which colour: shots,
 * and the tag sources that place markers (speech is left out: Sichter never listens to audio).
 */
export const MARKER_SOURCES = ["shot", "ocr", "vision", "technical", "motion", "user"] as const;
export type MarkerSource = (typeof MARKER_SOURCES)[number];

/** The shared palette of a TagPlan's markers (PlannedMarker.color); each host maps it to its own. */
export const MARKER_COLOURS = ["green", "red", "purple", "orange", "yellow", "white", "blue", "cyan"] as const;
export type MarkerColour = (typeof MARKER_COLOURS)[number];

export type ThemeChoice = "host" | HostTheme;

/**
 * The panel's own settings, one JSON value under one key of the host's storage (localStorage in the
 * browser, CEP and UXP; the Resolve page's too). Engine settings (privacy, providers) are not here:
 * the engine owns them and the panel only shows them.
 */
export interface PanelSettings {
  readonly version: 1;
  /** null: the host's language. */
  readonly uiLocale: UiLocale | null;
  /** Language of generated labels, descriptions and vision keywords; null: the UI's. */
  readonly keywordLanguage: UiLocale | null;
  readonly theme: ThemeChoice;
  /** Which markers a host writes when it applies a plan. */
  readonly write: Readonly<Record<MarkerSource, boolean>>;
  readonly markerColours: Readonly<Record<MarkerSource, MarkerColour>>;
  /** Where the current clip comes from in hosts that can switch (HostCapabilities.clipSource); null: the host's default. */
  readonly clipSource: ClipSource | null;
}

/** The engine's own colours (buildTagPlan), so untouched settings change nothing in a plan. */
export const DEFAULT_MARKER_COLOURS: Readonly<Record<MarkerSource, MarkerColour>> = {
  shot: "blue",
  ocr: "yellow",
  vision: "white",
  technical: "red",
  motion: "purple",
  user: "orange",
};

export const DEFAULT_SETTINGS: PanelSettings = {
  version: 1,
  uiLocale: null,
  keywordLanguage: null,
  theme: "host",
  write: { shot: true, ocr: true, vision: true, technical: true, motion: true, user: true },
  markerColours: DEFAULT_MARKER_COLOURS,
  clipSource: null,
};

const LOCALES: readonly unknown[] = ["de", "en"];
const THEMES: readonly unknown[] = ["host", "light", "dark"];
const CLIP_SOURCES: readonly unknown[] = ["selection", "playhead"];

/**
 * Reads stored settings field by field: what is missing or not of its type gets its default, so an
 * older panel's or a hand-edited value never loses the fields that are still right.
 */
export function parsePanelSettings(value: unknown): PanelSettings {
  const input = isObject(value) ? value : {};
  const write = isObject(input.write) ? input.write : {};
  const colours = isObject(input.markerColours) ? input.markerColours : {};
  return {
    version: 1,
    uiLocale: LOCALES.includes(input.uiLocale) ? (input.uiLocale as UiLocale) : null,
    keywordLanguage: LOCALES.includes(input.keywordLanguage) ? (input.keywordLanguage as UiLocale) : null,
    theme: THEMES.includes(input.theme) ? (input.theme as ThemeChoice) : "host",
    write: bySource((source) =>
      typeof write[source] === "boolean" ? (write[source] as boolean) : DEFAULT_SETTINGS.write[source],
    ),
    markerColours: bySource((source) =>
      (MARKER_COLOURS as readonly unknown[]).includes(colours[source])
        ? (colours[source] as MarkerColour)
        : DEFAULT_MARKER_COLOURS[source],
    ),
    clipSource: CLIP_SOURCES.includes(input.clipSource) ? (input.clipSource as ClipSource) : null,
  };
}

/** The language the panel speaks: the chosen one, else the host's. */
export function uiLocaleOf(settings: PanelSettings, hostLocale: UiLocale): UiLocale {
  return settings.uiLocale ?? hostLocale;
}

/** The language of what an analysis and an apply write: the chosen one, else the panel's. */
export function keywordLanguageOf(settings: PanelSettings, uiLocale: UiLocale): UiLocale {
  return settings.keywordLanguage ?? uiLocale;
}

/** Light or dark: the chosen one, else the host's (the browser's prefers-color-scheme). */
export function themeOf(settings: PanelSettings, hostTheme: HostTheme): HostTheme {
  return settings.theme === "host" ? hostTheme : settings.theme;
}

function bySource<T>(value: (source: MarkerSource) => T): Record<MarkerSource, T> {
  return Object.fromEntries(MARKER_SOURCES.map((source) => [source, value(source)])) as Record<MarkerSource, T>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

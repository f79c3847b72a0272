import type { TextLanguage } from "./Timeline.ts";

/**
 * Lower-third lines for the news clips: invented names, real place names, the umlauts and ß German
 * captions are full of, and the ':' and apostrophes that break naive drawtext escaping. Every line
 * is distinct, so an OCR benchmark can match each reading to one truth entry.
 */
export interface Caption {
  readonly language: TextLanguage;
  /** Name or headline, then an optional role or place. */
  readonly lines: readonly [string] | readonly [string, string];
}

/** The 30-second clip's captions, in order of appearance. */
export const shortClipCaptions = {
  landtag: { language: "de", lines: ["Landtag Brandenburg", "Potsdam, Plenarsaal"] },
  station: { language: "de", lines: ["Köln Hauptbahnhof"] },
  roadblock: { language: "de", lines: ["Straßensperrung in Göttingen", "Seit Montag voll gesperrt"] },
  mayor: { language: "de", lines: ["Bürgermeisterin Anna Schäfer", "Rathaus Köln"] },
  minister: { language: "de", lines: ["Jörg Weißmüller", "Minister für Wirtschaft"] },
  harbour: { language: "en", lines: ["Hamburg: harbour closed", "Reporter's view from the quay"] },
} satisfies Record<string, Caption>;

export const breakingBanner = { language: "en", lines: ["Breaking News: Storm warning"] } satisfies Caption;

export const specialCard = {
  language: "de",
  lines: ["Sondersendung", "Unwetter über Norddeutschland"],
} satisfies Caption;

/** The five-minute clip draws its lower thirds from here, each at most once. */
export const longClipCaptions: readonly Caption[] = [
  { language: "de", lines: ["Dr. Käthe Großmann", "Präsidentin des Landgerichts"] },
  { language: "en", lines: ["Sarah O'Connor", "Correspondent, Dublin"] },
  { language: "de", lines: ["Hochwasser an der Mosel", "Trier, Zurlaubener Ufer"] },
  { language: "en", lines: ["Election night: polls closed", "Results expected at 10 pm"] },
  { language: "de", lines: ["Günther Straßburger", "Vorsitzender, Bauernverband"] },
  { language: "en", lines: ["Michael Brennan", "Chief Economist"] },
  { language: "de", lines: ["Ärztestreik in München", "Schwabing, Klinikum"] },
  { language: "en", lines: ["Live: London, Westminster"] },
  { language: "de", lines: ["Sören Müller-Lüdenscheidt", "Sprecher der Feuerwehr"] },
  { language: "en", lines: ["Wildfires spread in Portugal", "Firefighters' update at noon"] },
  { language: "de", lines: ["Zugausfälle in Düsseldorf"] },
  { language: "en", lines: ["Dr. Priya Raman", "Climate Researcher"] },
  { language: "de", lines: ["Björn Fußmann", "Trainer, 1. FC Gießen"] },
  { language: "en", lines: ["Markets: DAX up 2%", "Frankfurt Stock Exchange"] },
  { language: "de", lines: ["Übergabe der Petition", "Berlin, Platz der Republik"] },
  { language: "en", lines: ["Tom Fischer", "Mayor of Springfield"] },
  { language: "de", lines: ["Jürgen Schößler", "Staatssekretär für Verkehr"] },
  { language: "en", lines: ["Heatwave: 38 °C in Seville"] },
  { language: "de", lines: ["Öffentliche Anhörung", "Ausschuss für Gesundheit"] },
  { language: "en", lines: ["Anna Schäfer", "Mayor of Cologne"] },
  { language: "de", lines: ["Straßenbahn entgleist", "Dresden, Neustädter Markt"] },
  { language: "en", lines: ["Coming up: weather & sport"] },
  { language: "de", lines: ["Lärmschutz an der A 7", "Anwohner fordern Tempo 80"] },
  { language: "en", lines: ["Kate McAllister", "Spokeswoman, Met Office"] },
  { language: "de", lines: ["Mietpreisbremse verlängert", "Bundesrat stimmt zu"] },
  { language: "en", lines: ["Breaking: Bridge closed", "A1 motorway, both directions"] },
];

/** Banners across the top of whole shots in the five-minute clip. */
export const longClipBanners: readonly Caption[] = [
  { language: "de", lines: ["Eilmeldung: Unwetterwarnung für Bayern"] },
  { language: "en", lines: ["Live: Press conference in Brussels"] },
  { language: "de", lines: ["Tagesüberblick – Nachrichten um 12:00"] },
];

/** Full-screen cards in the five-minute clip. */
export const longClipCards: readonly Caption[] = [
  { language: "de", lines: ["Wahl 2026", "Hochrechnung: 18:45 Uhr"] },
  { language: "en", lines: ["Special Report", "The cost of living"] },
];

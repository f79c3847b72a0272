import type { UiLocale } from "../host/HostAdapter.ts";

/**
 * Texts of what a host can or cannot do (undo grouping, where the current clip comes from) and of
 * the markers an auto-mark writes into a sequence, part of the panel's one message table.
 */
export const hostMessages = {
  "clipSource.label": { en: "Current clip follows", de: "Aktueller Clip folgt" },
  "clipSource.auto": { en: "Automatic", de: "Automatisch" },
  "clipSource.selection": { en: "Selection", de: "Auswahl" },
  "clipSource.playhead": { en: "Playhead", de: "Abspielposition" },
  "undo.notGrouped": {
    en: "Undo cannot take an apply back in one step in this host. Applying again replaces only Sichter's own markers and keywords, never yours.",
    de: "Rückgängig kann das Anwenden in diesem Programm nicht in einem Schritt zurücknehmen. Erneutes Anwenden ersetzt nur Sichters eigene Marker und Schlagwörter, nie Ihre.",
  },
  "sequenceMark.analysing": {
    en: "The markers go into the sequence as soon as every analysis has ended.",
    de: "Die Marker kommen in die Sequenz, sobald alle Analysen beendet sind.",
  },
  "sequenceMark.planning": {
    en: "Preparing the markers of {total} clips…",
    de: "Marker von {total} Clips werden vorbereitet …",
  },
  "sequenceMark.writing": {
    en: "Writing markers: {done} of {total} clips",
    de: "Marker werden geschrieben: {done} von {total} Clips",
  },
  "sequenceMark.cancel": { en: "Stop marking", de: "Markieren abbrechen" },
  "sequenceMark.title": { en: "Markers in {sequence}", de: "Marker in {sequence}" },
  "sequenceMark.counts": {
    en: "{written} written · {unchanged} already there · {removed} removed",
    de: "{written} geschrieben · {unchanged} schon vorhanden · {removed} entfernt",
  },
  "sequenceMark.oneUndo": {
    en: "One undo step takes them all back.",
    de: "Ein Schritt Rückgängig nimmt sie alle zurück.",
  },
  "sequenceMark.status.written": { en: "{markers} markers written", de: "{markers} Marker geschrieben" },
  "sequenceMark.status.unchanged": { en: "{markers} markers, unchanged", de: "{markers} Marker, unverändert" },
  "sequenceMark.status.failed": { en: "Failed", de: "Fehlgeschlagen" },
  "sequenceMark.reason.no-plan": { en: "Skipped: not analysed", de: "Übersprungen: nicht analysiert" },
  "sequenceMark.reason.speed": { en: "Skipped: speed changed", de: "Übersprungen: Geschwindigkeit geändert" },
  "sequenceMark.reason.disabled": { en: "Skipped: clip disabled", de: "Übersprungen: Clip deaktiviert" },
  "sequenceMark.reason.rate": {
    en: "Skipped: timeline at another frame rate",
    de: "Übersprungen: Timeline mit anderer Bildrate",
  },
  "sequenceMark.reason.not-found": {
    en: "Skipped: clip not at its place",
    de: "Übersprungen: Clip nicht an seiner Stelle",
  },
  "sequenceMark.reason.other": { en: "Skipped", de: "Übersprungen" },
  "sequenceMark.unavailable": {
    en: "This host cannot write auto-mark markers into the sequence (Premiere Pro 25.0–25.5). The analyses are in the catalog: apply each clip under Clip.",
    de: "Dieses Programm kann keine Marker der Stapelanalyse in die Sequenz schreiben (Premiere Pro 25.0–25.5). Die Analysen stehen im Katalog: Wenden Sie jeden Clip unter Clip an.",
  },
  "sequenceMark.cancelled": {
    en: "Cancelled: no markers were written.",
    de: "Abgebrochen: Es wurden keine Marker geschrieben.",
  },
} as const satisfies Record<string, Record<UiLocale, string>>;

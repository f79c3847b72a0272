import type { UiLocale } from "../host/HostAdapter.ts";
import { clipMessages } from "./clipMessages.ts";
import { settingsMessages } from "./settingsMessages.ts";
import { autoMarkMessages } from "./autoMarkMessages.ts";
import { searchMessages } from "./searchMessages.ts";
import { hostMessages } from "./hostMessages.ts";

/**
 * Every text of the panel in German and English, in one table: the type makes a missing language
 * a compile error, messages.test.ts a missing placeholder. `{name}` placeholders are filled by
 * translate(). Engine errors are not here: they come from @sichter/shared's errorMessages.
 */
export const messages = {
  ...clipMessages,
  ...settingsMessages,
  ...searchMessages,
  ...autoMarkMessages,
  ...hostMessages,
  "app.name": { en: "Sichter", de: "Sichter" },
  "app.language": { en: "Language", de: "Sprache" },
  "app.switchLanguage": { en: "Deutsch", de: "English" },
  "app.switchLanguageLabel": { en: "Switch the panel to German", de: "Panel auf Englisch umstellen" },
  "app.sections": { en: "Panel sections", de: "Bereiche des Panels" },
  "app.tab.clip": { en: "Clip", de: "Clip" },
  "app.tab.search": { en: "Search", de: "Suche" },

  "connection.status.connected": { en: "Connected", de: "Verbunden" },
  "connection.status.connectedTo": { en: "Connected to engine {version}", de: "Verbunden mit Engine {version}" },
  "connection.status.reconnecting": { en: "Reconnecting…", de: "Verbindung wird wiederhergestellt …" },
  "connection.connecting.title": { en: "Connecting to the Sichter engine…", de: "Verbindung zur Sichter-Engine …" },
  "connection.reconnecting.title": {
    en: "Connection lost – reconnecting…",
    de: "Verbindung unterbrochen – neuer Versuch …",
  },
  "connection.reconnecting.body": {
    en: "The panel reconnects by itself as soon as the engine answers again.",
    de: "Das Panel verbindet sich von selbst, sobald die Engine wieder antwortet.",
  },
  "connection.notRunning.title": { en: "The Sichter engine is not running", de: "Die Sichter-Engine läuft nicht" },
  "connection.notRunning.body": {
    en: "Start it in a terminal, in the Sichter folder:",
    de: "Starten Sie sie in einem Terminal im Sichter-Ordner:",
  },
  "connection.notRunning.or": {
    en: "or, where Sichter is installed as a package:",
    de: "oder, wo Sichter als Paket installiert ist:",
  },
  "connection.notRunning.waiting": {
    en: "This page connects by itself as soon as the engine runs.",
    de: "Diese Seite verbindet sich von selbst, sobald die Engine läuft.",
  },
  "connection.wrongToken.title": {
    en: "The engine refused this page's access token",
    de: "Die Engine hat das Zugangstoken dieser Seite abgelehnt",
  },
  "connection.wrongToken.body": {
    en: "Open the link that `npm start` prints, or get the current token with:",
    de: "Öffnen Sie den Link, den `npm start` ausgibt, oder holen Sie das gültige Token mit:",
  },
  "connection.needsToken.title": {
    en: "Connect this page to the Sichter engine",
    de: "Diese Seite mit der Sichter-Engine verbinden",
  },
  "connection.needsToken.body": {
    en: "Open the link that `npm start` prints (it carries the access token), or paste the token that this command prints:",
    de: "Öffnen Sie den Link, den `npm start` ausgibt (er enthält das Zugangstoken), oder fügen Sie das Token ein, das dieser Befehl ausgibt:",
  },
  "connection.token.label": { en: "Access token", de: "Zugangstoken" },
  "connection.token.submit": { en: "Connect", de: "Verbinden" },
  "connection.retry": { en: "Try again now", de: "Jetzt erneut versuchen" },
  "connection.incompatible.title": {
    en: "Engine and panel do not fit together",
    de: "Engine und Panel passen nicht zusammen",
  },
  "connection.incompatible.engineOlder": {
    en: "The engine (version {engineVersion}) speaks protocol {engineProtocol}; this panel needs protocol {panelProtocol}. Update Sichter (`npm install` in the Sichter folder), then restart the engine with `npm start`.",
    de: "Die Engine (Version {engineVersion}) spricht Protokoll {engineProtocol}; dieses Panel braucht Protokoll {panelProtocol}. Aktualisieren Sie Sichter (`npm install` im Sichter-Ordner) und starten Sie die Engine mit `npm start` neu.",
  },
  "connection.incompatible.panelOlder": {
    en: "The engine (version {engineVersion}) speaks protocol {engineProtocol}, newer than this panel's {panelProtocol}. Reload the page, or update the panel.",
    de: "Die Engine (Version {engineVersion}) spricht Protokoll {engineProtocol}, neuer als Protokoll {panelProtocol} dieses Panels. Laden Sie die Seite neu oder aktualisieren Sie das Panel.",
  },

  "app.tab.media": { en: "Media", de: "Medien" },
  "media.allowed": { en: "Media folders", de: "Medienordner" },
  "media.up": { en: "Up", de: "Nach oben" },
  "media.toAllowed": { en: "All folders", de: "Alle Ordner" },
  "media.noneAllowed": {
    en: "No media folder is allowed yet. Start the engine with the folders it may show, e.g. `npm start -- --media ~/Footage` or `npx sichter serve --media ~/Footage`.",
    de: "Noch ist kein Medienordner freigegeben. Starten Sie die Engine mit den Ordnern, die sie zeigen darf, z. B. `npm start -- --media ~/Footage` oder `npx sichter serve --media ~/Footage`.",
  },
  "media.empty": { en: "No video files in this folder.", de: "Keine Videodateien in diesem Ordner." },
  "media.unavailable": { en: "not available (unplugged?)", de: "nicht verfügbar (nicht angeschlossen?)" },
  "media.truncated": {
    en: "The folder holds more entries than are shown here; subfolders keep it manageable.",
    de: "Der Ordner enthält mehr Einträge, als hier gezeigt werden; Unterordner halten ihn übersichtlich.",
  },
  "media.probing": { en: "reading duration…", de: "Dauer wird gelesen …" },
  "media.analysedAt": { en: "analysed {when}", de: "analysiert am {when}" },
  "media.notAnalysed": { en: "not analysed yet", de: "noch nicht analysiert" },
  "clip.none": {
    en: "No clip yet. Choose one under Media, or open one from the search.",
    de: "Noch kein Clip. Wählen Sie einen unter „Medien“ oder öffnen Sie einen aus der Suche.",
  },
  "clip.folder": { en: "in {folder}", de: "in {folder}" },
  "clip.noneInHost": {
    en: "No clip yet. Select a clip in the project, or open one from the search.",
    de: "Noch kein Clip. Wählen Sie einen Clip im Projekt oder öffnen Sie einen aus der Suche.",
  },
  "clip.loading": { en: "Loading the clip…", de: "Clip wird geladen …" },
  "clip.notAnalysed": { en: "Not analysed yet.", de: "Noch nicht analysiert." },
  "clip.analysedAt": { en: "Analysed {when}", de: "Analysiert am {when}" },
  "clip.facts": { en: "{duration} · {range} · {rate} fps", de: "{duration} · {range} · {rate} B/s" },

  "analysis.start": { en: "Analyse", de: "Analysieren" },
  "analysis.again": { en: "Analyse again", de: "Erneut analysieren" },
  "analysis.againHint": { en: "Your decisions are kept.", de: "Ihre Entscheidungen bleiben erhalten." },
  "analysis.cancel": { en: "Cancel", de: "Abbrechen" },
  "analysis.cancelling": { en: "Cancelling…", de: "Wird abgebrochen …" },
  "analysis.progressLabel": { en: "Analysis progress", de: "Fortschritt der Analyse" },
  "analysis.stageLine": { en: "{stage} – {percent} %", de: "{stage} – {percent} %" },
  "analysis.starting": { en: "Starting the analysis…", de: "Analyse wird gestartet …" },
  "analysis.cancelled": { en: "Analysis cancelled.", de: "Analyse abgebrochen." },
  "analysis.completed": { en: "Analysis finished.", de: "Analyse abgeschlossen." },
  "stage.queued": { en: "Waiting in the queue", de: "Wartet in der Warteschlange" },
  "stage.probe": { en: "Reading the file", de: "Datei wird gelesen" },
  "stage.decode": { en: "Decoding", de: "Dekodieren" },
  "stage.shots": { en: "Finding shots", de: "Einstellungen finden" },
  "stage.refine": { en: "Placing cuts exactly", de: "Schnitte genau setzen" },
  "stage.keyframes": { en: "Choosing keyframes", de: "Schlüsselbilder wählen" },
  "stage.ocr": { en: "Reading on-screen text", de: "Texteinblendungen lesen" },
  "stage.keywords": { en: "Finding keywords", de: "Schlagwörter finden" },
  "stage.plan": { en: "Planning markers", de: "Marker planen" },
  "stage.catalog": { en: "Saving to the catalog", de: "Im Katalog speichern" },
  "stage.write": { en: "Writing metadata", de: "Metadaten schreiben" },

  "review.title": { en: "Tags", de: "Schlagwörter" },
  "review.listLabel": { en: "Tags of {clip}", de: "Schlagwörter von {clip}" },
  "review.empty": { en: "The analysis found no tags.", de: "Die Analyse hat keine Schlagwörter gefunden." },
  "review.counts": {
    en: "{accepted} accepted · {rejected} rejected · {open} open",
    de: "{accepted} angenommen · {rejected} abgelehnt · {open} offen",
  },
  "review.keys": {
    en: "Keys: ↑ ↓ move · A accept · R reject · U undo · E edit · N add · Enter show frame · ? all keys",
    de: "Tasten: ↑ ↓ wechseln · A annehmen · R ablehnen · U zurücksetzen · E bearbeiten · N hinzufügen · Eingabe Bild zeigen · ? alle Tasten",
  },
  "review.accept": { en: "Accept", de: "Annehmen" },
  "review.reject": { en: "Reject", de: "Ablehnen" },
  "review.reset": { en: "Undo decision", de: "Entscheidung zurücknehmen" },
  "review.edit": { en: "Edit", de: "Bearbeiten" },
  "review.acceptTag": { en: "Accept “{label}”", de: "„{label}“ annehmen" },
  "review.rejectTag": { en: "Reject “{label}”", de: "„{label}“ ablehnen" },
  "review.resetTag": { en: "Undo the decision on “{label}”", de: "Entscheidung zu „{label}“ zurücknehmen" },
  "review.editTag": { en: "Edit “{label}”", de: "„{label}“ bearbeiten" },
  "review.add": { en: "Add tag", de: "Schlagwort hinzufügen" },
  "review.editLabel": { en: "Label", de: "Bezeichnung" },
  "review.newLabel": { en: "New tag for the whole clip", de: "Neues Schlagwort für den ganzen Clip" },
  "review.save": { en: "Save", de: "Speichern" },
  "review.cancelEdit": { en: "Cancel", de: "Abbrechen" },
  "review.confidence": { en: "{percent} % confidence", de: "{percent} % Konfidenz" },
  "review.saving": { en: "saving…", de: "wird gespeichert …" },
  "status.suggested": { en: "open", de: "offen" },
  "status.accepted": { en: "accepted", de: "angenommen" },
  "status.rejected": { en: "rejected", de: "abgelehnt" },
  "review.evidence": { en: "from “{evidence}”", de: "aus „{evidence}“" },
  "review.readAs": { en: "read as “{evidence}”", de: "gelesen als „{evidence}“" },
  "review.provenance": { en: "Found by {producers}", de: "Gefunden von {producers}" },
  "group.ocr": { en: "On-screen text: keywords", de: "Texteinblendungen: Schlagwörter" },
  "group.ocr-lines": { en: "On-screen text: lines read", de: "Texteinblendungen: gelesene Zeilen" },
  "group.ocr-overlays": {
    en: "On-screen text: overlays (logos, watermarks, clocks)",
    de: "Texteinblendungen: Senderlogos, Wasserzeichen, Uhren",
  },
  "group.vision": { en: "Image content", de: "Bildinhalt" },
  "group.speech": { en: "Speech", de: "Sprache" },
  "group.technical": { en: "Technical cues", de: "Technische Hinweise" },
  "group.motion": { en: "Camera motion", de: "Kamerabewegung" },
  "group.user": { en: "Added by you", de: "Von Ihnen ergänzt" },
  "source.ocr": { en: "On-screen text", de: "Texteinblendungen" },
  "source.vision": { en: "Image content", de: "Bildinhalt" },
  "source.speech": { en: "Speech", de: "Sprache" },
  "source.technical": { en: "Technical cues", de: "Technische Hinweise" },
  "source.motion": { en: "Camera motion", de: "Kamerabewegung" },
  "source.user": { en: "Added by you", de: "Von Ihnen ergänzt" },
  "source.description": { en: "Description", de: "Beschreibung" },
  "source.groupLabel": { en: "{source}, {count} tags", de: "{source}, {count} Schlagwörter" },

  "search.label": { en: "Search the catalog", de: "Katalog durchsuchen" },
  "search.placeholder": { en: "Keyword, on-screen text, name…", de: "Schlagwort, Einblendung, Name …" },
  "search.submit": { en: "Search", de: "Suchen" },
  "search.hint": {
    en: "Umlauts and case do not matter (Schafer finds Schäfer); the start of a word is enough.",
    de: "Umlaute und Groß-/Kleinschreibung spielen keine Rolle (Schafer findet Schäfer); der Wortanfang genügt.",
  },
  "search.searching": { en: "Searching…", de: "Suche läuft …" },
  "search.none": { en: "Nothing found for “{query}”.", de: "Nichts gefunden für „{query}“." },
  "search.count": { en: "{count} clips for “{query}”", de: "{count} Clips für „{query}“" },
  "search.countOne": { en: "1 clip for “{query}”", de: "1 Clip für „{query}“" },
  "search.open": { en: "Open", de: "Öffnen" },
  "search.openClip": { en: "Open {clip}", de: "{clip} öffnen" },
  "search.more": { en: "+{count} more", de: "+{count} weitere" },

  "error.title": { en: "Something went wrong", de: "Etwas ist schiefgegangen" },
  "error.code": { en: "Code: {code}", de: "Code: {code}" },
  "error.dismiss": { en: "Dismiss", de: "Schließen" },
  "next.default": {
    en: "If it happens again, the engine log has the details (`npx sichter engine info` shows where it is).",
    de: "Wenn es wieder passiert, steht Näheres im Log der Engine (`npx sichter engine info` zeigt, wo es liegt).",
  },
  "next.checkPath": {
    en: "Check the path; the engine reads files on this computer.",
    de: "Prüfen Sie den Pfad; die Engine liest Dateien auf diesem Rechner.",
  },
  "next.otherFile": { en: "Choose another media file.", de: "Wählen Sie eine andere Mediendatei." },
  "next.connection": {
    en: "The panel reconnects by itself; try again in a moment. If the engine stopped, start it with `npm start`.",
    de: "Das Panel verbindet sich von selbst neu; versuchen Sie es gleich noch einmal. Falls die Engine beendet wurde: `npm start`.",
  },
  "next.retry": { en: "Try again in a moment.", de: "Versuchen Sie es gleich noch einmal." },
  "next.analyseFirst": { en: "Analyse the clip first.", de: "Analysieren Sie den Clip zuerst." },
  "next.rephrase": {
    en: 'Simplify the search: words, a start of a word, or "a phrase" in quotes.',
    de: "Vereinfachen Sie die Suche: Wörter, ein Wortanfang oder „eine Wortgruppe“ in Anführungszeichen.",
  },
  "next.writable": {
    en: "Make the folder or file writable, then apply again.",
    de: "Machen Sie Ordner oder Datei beschreibbar und wenden Sie erneut an.",
  },
} as const satisfies Record<string, Record<UiLocale, string>>;

export type MessageKey = keyof typeof messages;

import type { UiLocale } from "../host/HostAdapter.ts";

/**
 * The texts of the clip view's player, filmstrip, review keys and apply report, part of the panel's
 * one message table (messages.ts spreads them in, so the same checks cover them).
 */
export const clipMessages = {
  "player.label": { en: "Video of {clip}", de: "Video von {clip}" },
  "player.loading": { en: "Loading the video…", de: "Video wird geladen …" },
  "player.position": { en: "Frame {frame} · {timecode}", de: "Bild {frame} · {timecode}" },
  "player.markers": { en: "Markers: shots and tags", de: "Marker: Einstellungen und Schlagwörter" },
  "player.markersHelp": {
    en: "← → previous or next marker · Home first frame",
    de: "← → vorheriger oder nächster Marker · Pos1 erstes Bild",
  },
  "player.markerValue": { en: "{timecode}, {what}", de: "{timecode}, {what}" },
  "player.shot": { en: "Shot {number}", de: "Einstellung {number}" },
  "player.fallback.container": {
    en: "This clip cannot play in the panel: the browser does not open {format} files. Its keyframes below show what it holds.",
    de: "Dieser Clip lässt sich im Panel nicht abspielen: Der Browser öffnet keine {format}-Dateien. Die Schlüsselbilder unten zeigen, was er enthält.",
  },
  "player.fallback.codec": {
    en: "This clip cannot play in the panel: the browser does not decode {format} video. Its keyframes below show what it holds.",
    de: "Dieser Clip lässt sich im Panel nicht abspielen: Der Browser dekodiert kein {format}-Video. Die Schlüsselbilder unten zeigen, was er enthält.",
  },
  "player.fallback.pixelFormat": {
    en: "This clip cannot play in the panel: the browser does not decode its 10-bit or 4:2:2 {format} video. Its keyframes below show what it holds.",
    de: "Dieser Clip lässt sich im Panel nicht abspielen: Der Browser dekodiert sein {format}-Video mit 10 Bit oder 4:2:2 nicht. Die Schlüsselbilder unten zeigen, was er enthält.",
  },
  "player.fallback.decode": {
    en: "This clip cannot play in the panel: the browser could not decode it. Its keyframes below show what it holds.",
    de: "Dieser Clip lässt sich im Panel nicht abspielen: Der Browser konnte ihn nicht dekodieren. Die Schlüsselbilder unten zeigen, was er enthält.",
  },
  "player.fallback.analyse": {
    en: "Analyse it to get its keyframes.",
    de: "Analysieren Sie ihn, um seine Schlüsselbilder zu erhalten.",
  },

  "filmstrip.title": { en: "Keyframes", de: "Schlüsselbilder" },
  "filmstrip.label": { en: "Keyframes of {clip}, by shot", de: "Schlüsselbilder von {clip}, nach Einstellungen" },
  "filmstrip.keyframe": { en: "{shot}, keyframe at {timecode}", de: "{shot}, Schlüsselbild bei {timecode}" },
  "filmstrip.noShot": { en: "No shot", de: "Keine Einstellung" },
  "filmstrip.help": { en: "← → move · Enter shows the frame", de: "← → wechseln · Eingabe zeigt das Bild" },
  "filmstrip.none": { en: "This analysis kept no keyframes.", de: "Diese Analyse hat keine Schlüsselbilder behalten." },
  "filmstrip.preview": { en: "Keyframe at {timecode}", de: "Schlüsselbild bei {timecode}" },

  "review.keysButton": { en: "?", de: "?" },
  "review.keysButtonLabel": { en: "Keys of the tag list", de: "Tasten der Schlagwortliste" },
  "review.keysTitle": { en: "Keys in the tag list", de: "Tasten in der Schlagwortliste" },
  "review.keysClose": { en: "Close", de: "Schließen" },
  "review.key.move": {
    en: "previous or next tag (also K and J)",
    de: "vorheriges oder nächstes Schlagwort (auch K und J)",
  },
  "review.key.jump": { en: "first or last tag", de: "erstes oder letztes Schlagwort" },
  "review.key.accept": { en: "accept", de: "annehmen" },
  "review.key.reject": { en: "reject", de: "ablehnen" },
  "review.key.reset": { en: "undo the decision", de: "Entscheidung zurücknehmen" },
  "review.key.edit": {
    en: "edit the label (Enter saves, Esc cancels)",
    de: "Bezeichnung bearbeiten (Eingabe speichert, Esc bricht ab)",
  },
  "review.key.add": { en: "add a tag for the whole clip", de: "Schlagwort für den ganzen Clip hinzufügen" },
  "review.key.seek": {
    en: "show the tag's first frame in the player",
    de: "erstes Bild des Schlagworts im Player zeigen",
  },
  "review.key.help": { en: "show or hide these keys", de: "diese Tasten zeigen oder ausblenden" },
  "review.keyNames.jump": { en: "Home / End", de: "Pos1 / Ende" },
  "review.keyNames.seek": { en: "Enter", de: "Eingabe" },
  "review.showFrame": { en: "Show {timecode}", de: "{timecode} zeigen" },

  "apply.title": { en: "Write metadata", de: "Metadaten schreiben" },
  "apply.button": { en: "Apply", de: "Anwenden" },
  "apply.again": { en: "Apply again", de: "Erneut anwenden" },
  "apply.applying": { en: "Writing…", de: "Wird geschrieben …" },
  "apply.hint.sidecar": {
    en: "Writes the accepted and added tags as XMP into a sidecar file beside the clip; the clip itself stays untouched.",
    de: "Schreibt die angenommenen und ergänzten Schlagwörter als XMP in eine Begleitdatei neben dem Clip; der Clip selbst bleibt unverändert.",
  },
  "apply.hint.embed": {
    en: "Writes the accepted and added tags as XMP into the clip file itself.",
    de: "Schreibt die angenommenen und ergänzten Schlagwörter als XMP in die Clip-Datei selbst.",
  },
  "apply.hint.host": {
    en: "Writes the accepted and added tags into the project: markers and metadata.",
    de: "Schreibt die angenommenen und ergänzten Schlagwörter ins Projekt: Marker und Metadaten.",
  },
  "apply.hint.again": {
    en: "Applying again changes only Sichter's own keywords and markers.",
    de: "Erneutes Anwenden ändert nur die eigenen Schlagwörter und Marker von Sichter.",
  },
  "apply.embed": {
    en: "Into the clip file (MOV/MP4) instead of a sidecar",
    de: "In die Clip-Datei (MOV/MP4) statt in eine Begleitdatei",
  },
  "apply.reportTitle": { en: "Written {when}", de: "Geschrieben {when}" },
  "apply.reportPartly": { en: "Written {when}, not everything", de: "Geschrieben {when}, nicht alles" },
  "apply.reportFailed": { en: "Nothing written ({when})", de: "Nichts geschrieben ({when})" },
  "apply.kind.xmp-sidecar": { en: "Sidecar", de: "Begleitdatei" },
  "apply.kind.xmp-embedded": { en: "Embedded in", de: "Eingebettet in" },
  "apply.kind.keywords": { en: "Keywords", de: "Schlagwörter" },
  "apply.kind.description": { en: "Description", de: "Beschreibung" },
  "apply.kind.marker": { en: "Markers", de: "Marker" },
  "apply.kind.project-column": { en: "Project column", de: "Projektspalte" },
  "apply.withCount": { en: "{name} ({count})", de: "{name} ({count})" },
  "apply.noKeywords": { en: "none: no keyword is accepted", de: "keine: kein Schlagwort ist angenommen" },
  "apply.unchanged": { en: "already there", de: "war schon da" },
  "apply.showMarkers": { en: "Show all {count} markers", de: "Alle {count} Marker zeigen" },
  "apply.hideMarkers": { en: "Show fewer markers", de: "Weniger Marker zeigen" },
  "apply.failedItem": { en: "Not written: {what}", de: "Nicht geschrieben: {what}" },
  "apply.skipped": { en: "This host does not write: {what}", de: "Dieser Host schreibt nicht: {what}" },
} as const satisfies Record<string, Record<UiLocale, string>>;

import type { UiLocale } from "../host/HostAdapter.ts";

/**
 * The texts of the settings and "what was sent" views, part of the panel's one message table
 * (messages.ts spreads them in, so the same checks cover them).
 */
export const settingsMessages = {
  "settings.open": { en: "Settings", de: "Einstellungen" },
  "settings.openLabel": { en: "Settings and privacy", de: "Einstellungen und Datenschutz" },
  "settings.title": { en: "Settings", de: "Einstellungen" },
  "settings.close": { en: "Back", de: "Zurück" },
  "settings.closeLabel": { en: "Back to the panel", de: "Zurück zum Panel" },
  "settings.reset": { en: "Reset panel settings", de: "Panel-Einstellungen zurücksetzen" },
  "settings.kept": {
    en: "The panel keeps these settings on this computer, in its own storage (key `sichter.settings`). The engine's privacy settings stay with the engine.",
    de: "Das Panel speichert diese Einstellungen auf diesem Rechner in seinem eigenen Speicher (Schlüssel `sichter.settings`). Die Datenschutz-Einstellungen bleiben bei der Engine.",
  },

  "settings.language.title": { en: "Language", de: "Sprache" },
  "settings.language.ui": { en: "Panel language", de: "Sprache des Panels" },
  "settings.language.keywords": { en: "Language of written keywords", de: "Sprache der geschriebenen Schlagwörter" },
  "settings.language.keywordsHint": {
    en: "Descriptions and image keywords are written in this language; text read from the picture stays as it was read.",
    de: "Beschreibungen und Bild-Schlagwörter werden in dieser Sprache geschrieben; im Bild gelesener Text bleibt, wie er gelesen wurde.",
  },
  "settings.language.host": { en: "As the host ({language})", de: "Wie die Anwendung ({language})" },
  "settings.language.sameAsPanel": { en: "Same as the panel ({language})", de: "Wie das Panel ({language})" },
  "settings.language.de": { en: "German", de: "Deutsch" },
  "settings.language.en": { en: "English", de: "Englisch" },

  "settings.theme.title": { en: "Appearance", de: "Darstellung" },
  "settings.theme.label": { en: "Theme", de: "Farbschema" },
  "settings.theme.host": { en: "As the system ({theme})", de: "Wie das System ({theme})" },
  "settings.theme.light": { en: "Light", de: "Hell" },
  "settings.theme.dark": { en: "Dark", de: "Dunkel" },

  "privacy.title": { en: "Privacy", de: "Datenschutz" },
  "privacy.loading": { en: "Asking the engine…", de: "Engine wird gefragt …" },
  "privacy.mode.localOnly": {
    en: "Local only: nothing leaves this computer.",
    de: "Nur lokal: Nichts verlässt diesen Rechner.",
  },
  "privacy.mode.cloud": {
    en: "Cloud keywording is on: keyframes are sent to the providers switched on below.",
    de: "Cloud-Verschlagwortung ist an: Schlüsselbilder gehen an die unten eingeschalteten Anbieter.",
  },
  "privacy.providers": { en: "Keyword providers", de: "Schlagwort-Anbieter" },
  "privacy.providers.none": {
    en: "No keyword provider is installed.",
    de: "Kein Schlagwort-Anbieter ist installiert.",
  },
  "privacy.provider.cloud": { en: "cloud", de: "Cloud" },
  "privacy.provider.local": { en: "on this computer", de: "auf diesem Rechner" },
  "privacy.provider.on": { en: "on", de: "an" },
  "privacy.provider.off": { en: "off", de: "aus" },
  "privacy.provider.label": { en: "{title}: {where}, {state}", de: "{title}: {where}, {state}" },
  "privacy.wouldSend.localOnly": {
    en: "Nothing is sent now. If a cloud provider were switched on, only this would leave the computer:",
    de: "Zurzeit wird nichts gesendet. Wäre ein Cloud-Anbieter eingeschaltet, verließe nur dies den Rechner:",
  },
  "privacy.wouldSend.cloud": {
    en: "What is sent, before anything is sent:",
    de: "Was gesendet wird, bevor etwas gesendet wird:",
  },
  "privacy.send.keyframes": {
    en: "Keyframes only, as JPEG images made anew from the pixels (no EXIF, XMP or location data)",
    de: "Nur Schlüsselbilder, als JPEG neu aus den Pixeln erzeugt (ohne EXIF, XMP oder Ortsdaten)",
  },
  "privacy.send.size": { en: "At most {pixels} px on the long side", de: "Höchstens {pixels} px an der langen Seite" },
  "privacy.send.sheets": {
    en: "Up to {tiles} keyframes tiled into one image; near-duplicates are sent once",
    de: "Bis zu {tiles} Schlüsselbilder in einem Bild zusammengefasst; fast gleiche nur einmal",
  },
  "privacy.send.single": {
    en: "One keyframe per image; near-duplicates are sent once",
    de: "Ein Schlüsselbild pro Bild; fast gleiche nur einmal",
  },
  "privacy.send.names": {
    en: "No file names, no paths: images are named by random ids",
    de: "Keine Dateinamen, keine Pfade: Bilder tragen zufällige Kennungen",
  },
  "privacy.send.audio": {
    en: "No audio, no video, no faces or voices identified",
    de: "Kein Ton, kein Video, keine Gesichter oder Stimmen erkannt",
  },
  "privacy.send.unknownSize": {
    en: "This engine does not report its image size limit; update Sichter to see it.",
    de: "Diese Engine nennt ihre Bildgrößen-Grenze nicht; aktualisieren Sie Sichter, um sie zu sehen.",
  },
  "privacy.change": {
    en: "Cloud providers are switched on in the engine, e.g. `npx sichter extensions enable sichter.openai-vision`, from the next engine start; the image size limit is set in the engine's privacy.json (`npx sichter engine info` shows the folder).",
    de: "Cloud-Anbieter werden in der Engine eingeschaltet, z. B. `npx sichter extensions enable sichter.openai-vision`, ab dem nächsten Start der Engine; die Bildgrößen-Grenze steht in der privacy.json der Engine (`npx sichter engine info` zeigt den Ordner).",
  },
  "privacy.whatWasSent": { en: "What was sent", de: "Was gesendet wurde" },

  "write.title": { en: "Markers to write", de: "Zu schreibende Marker" },
  "write.hint": {
    en: "Which markers Sichter writes into Premiere Pro or DaVinci Resolve, and in which colour.",
    de: "Welche Marker Sichter in Premiere Pro oder DaVinci Resolve schreibt, und in welcher Farbe.",
  },
  "write.notHere": {
    en: "This page writes no markers itself (the engine writes XMP beside the media); these settings count where the panel runs in Premiere Pro or DaVinci Resolve on this computer.",
    de: "Diese Seite schreibt selbst keine Marker (die Engine schreibt XMP neben die Medien); diese Einstellungen gelten, wo das Panel in Premiere Pro oder DaVinci Resolve auf diesem Rechner läuft.",
  },
  "write.source.shot": { en: "Shots", de: "Einstellungen" },
  "write.writeLabel": { en: "Write markers: {source}", de: "Marker schreiben: {source}" },
  "write.colourLabel": { en: "Marker colour: {source}", de: "Markerfarbe: {source}" },
  "colour.green": { en: "Green", de: "Grün" },
  "colour.red": { en: "Red", de: "Rot" },
  "colour.purple": { en: "Purple", de: "Violett" },
  "colour.orange": { en: "Orange", de: "Orange" },
  "colour.yellow": { en: "Yellow", de: "Gelb" },
  "colour.white": { en: "White", de: "Weiß" },
  "colour.blue": { en: "Blue", de: "Blau" },
  "colour.cyan": { en: "Cyan", de: "Cyan" },

  "sent.title": { en: "What was sent", de: "Was gesendet wurde" },
  "sent.intro": {
    en: "For each recent analysis: what left this computer, as the engine recorded it (counts and sizes only).",
    de: "Für jede der letzten Analysen: was diesen Rechner verlassen hat, wie die Engine es aufgezeichnet hat (nur Anzahl und Größe).",
  },
  "sent.refresh": { en: "Refresh", de: "Aktualisieren" },
  "sent.loading": { en: "Reading the engine's records…", de: "Aufzeichnungen der Engine werden gelesen …" },
  "sent.noJobs": { en: "No analysis yet.", de: "Noch keine Analyse." },
  "sent.nothing": { en: "Nothing left this computer.", de: "Nichts hat diesen Rechner verlassen." },
  "sent.job.running": { en: "running since {time}", de: "läuft seit {time}" },
  "sent.job.ended": { en: "{state} {time}", de: "{state} {time}" },
  "sent.state.completed": { en: "analysed", de: "analysiert" },
  "sent.state.failed": { en: "failed", de: "fehlgeschlagen" },
  "sent.state.cancelled": { en: "cancelled", de: "abgebrochen" },
  "sent.state.interrupted": { en: "interrupted", de: "unterbrochen" },
  "sent.provider": {
    en: "{images} images ({keyframes} keyframes), {bytes} in {requests} requests",
    de: "{images} Bilder ({keyframes} Schlüsselbilder), {bytes} in {requests} Anfragen",
  },
  "sent.largest": {
    en: "largest image {pixels} px on the long side",
    de: "größtes Bild {pixels} px an der langen Seite",
  },
  "sent.to": { en: "to {endpoint}", de: "an {endpoint}" },
  "sent.when": { en: "{from} – {to}", de: "{from} – {to}" },
  "sent.failed": { en: "Failed for good: {codes}", de: "Endgültig fehlgeschlagen: {codes}" },
} as const satisfies Record<string, Record<UiLocale, string>>;

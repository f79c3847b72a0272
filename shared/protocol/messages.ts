import { ErrorCode } from "./ErrorCode.ts";

export type Locale = "en" | "de";

/**
 * User-facing text per error code, in English and German. `{name}` placeholders are filled from the
 * error's params. Hosts render these themselves so a German Premiere shows German text even when the
 * engine runs with an English locale.
 */
export const errorMessages: Record<ErrorCode, Record<Locale, string>> = {
  [ErrorCode.USAGE]: {
    en: "{detail}",
    de: "{detail}",
  },
  [ErrorCode.FILE_NOT_FOUND]: {
    en: "File not found: {path}",
    de: "Datei nicht gefunden: {path}",
  },
  [ErrorCode.PERMISSION_DENIED]: {
    en: "No permission to read {path}",
    de: "Keine Leseberechtigung für {path}",
  },
  [ErrorCode.NOT_A_FILE]: {
    en: "Not a regular file: {path}",
    de: "Keine reguläre Datei: {path}",
  },
  [ErrorCode.PROBE_EMPTY_FILE]: {
    en: "The file is empty (0 bytes): {path}",
    de: "Die Datei ist leer (0 Byte): {path}",
  },
  [ErrorCode.PROBE_NOT_MEDIA]: {
    en: "Not a media file that ffmpeg can read: {path}",
    de: "Keine Mediendatei, die ffmpeg lesen kann: {path}",
  },
  [ErrorCode.PROBE_NOT_VIDEO]: {
    en: "The file has no video stream ({streams}): {path}",
    de: "Die Datei hat keine Videospur ({streams}): {path}",
  },
  [ErrorCode.PROBE_CORRUPT]: {
    en: "The video stream cannot be decoded (damaged or truncated?): {path}",
    de: "Die Videospur lässt sich nicht dekodieren (beschädigt oder abgeschnitten?): {path}",
  },
  [ErrorCode.TOOL_MISSING]: {
    en: "{tool} cannot be started from {binary}. Reinstall with `npm install` or set {envVar}.",
    de: "{tool} lässt sich nicht starten ({binary}). Mit `npm install` neu installieren oder {envVar} setzen.",
  },
  [ErrorCode.TOOL_FAILED]: {
    en: "{tool} failed on {path}: {detail}",
    de: "{tool} ist bei {path} gescheitert: {detail}",
  },
  [ErrorCode.CANCELLED]: {
    en: "Cancelled.",
    de: "Abgebrochen.",
  },
  [ErrorCode.TIMECODE_INVALID]: {
    en: "Invalid timecode or frame rate: {detail}",
    de: "Ungültiger Timecode oder ungültige Bildrate: {detail}",
  },
  [ErrorCode.OUTPUT_NOT_WRITABLE]: {
    en: "Cannot write to {path}: {detail}",
    de: "{path} ist nicht beschreibbar: {detail}",
  },
  [ErrorCode.INTERNAL]: {
    en: "Internal error: {detail}",
    de: "Interner Fehler: {detail}",
  },
};

export function formatErrorMessage(
  code: ErrorCode,
  params: Readonly<Record<string, string | number>>,
  locale: Locale = "en",
): string {
  const template = errorMessages[code][locale];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

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
  [ErrorCode.XMP_UNSUPPORTED_FORMAT]: {
    en: "Cannot embed metadata into {format} files ({path}); use a sidecar (the default) instead.",
    de: "In {format}-Dateien lassen sich keine Metadaten einbetten ({path}); stattdessen eine Sidecar-Datei verwenden (Standard).",
  },
  [ErrorCode.XMP_WRITE_FAILED]: {
    en: "Writing metadata for {path} failed, nothing was changed: {detail}",
    de: "Schreiben der Metadaten für {path} fehlgeschlagen, nichts wurde verändert: {detail}",
  },
  [ErrorCode.CATALOG_UNAVAILABLE]: {
    en: "The catalog at {path} cannot be used: {detail}",
    de: "Der Katalog unter {path} ist nicht nutzbar: {detail}",
  },
  [ErrorCode.CATALOG_TOO_NEW]: {
    en: "The catalog at {path} was written by a newer Sichter (schema {found}, this one knows {known}). Update Sichter.",
    de: "Der Katalog unter {path} stammt von einem neueren Sichter (Schema {found}, bekannt ist {known}). Bitte Sichter aktualisieren.",
  },
  [ErrorCode.NOT_IN_CATALOG]: {
    en: "Not in the catalog: {what}",
    de: "Nicht im Katalog: {what}",
  },
  [ErrorCode.QUERY_INVALID]: {
    en: "Cannot understand the search: {detail}",
    de: "Die Suche ist nicht verständlich: {detail}",
  },
  [ErrorCode.OCR_MODEL_UNAVAILABLE]: {
    en: "The text recognition model cannot be loaded: {detail}",
    de: "Das Texterkennungsmodell lässt sich nicht laden: {detail}",
  },
  [ErrorCode.ANALYZER_FAILED]: {
    en: "{analyzer} failed on {path}: {detail}",
    de: "{analyzer} ist bei {path} gescheitert: {detail}",
  },
  [ErrorCode.INTERNAL]: {
    en: "Internal error: {detail}",
    de: "Interner Fehler: {detail}",
  },
  [ErrorCode.UNAUTHORIZED]: {
    en: "The engine refused the connection: the access token is missing or wrong. `npx sichter token` prints the current one; `npm start` prints a new pairing link.",
    de: "Die Engine hat die Verbindung abgelehnt: Das Zugangstoken fehlt oder ist falsch. `npx sichter token` zeigt das gültige; `npm start` zeigt einen neuen Verbindungslink.",
  },
  [ErrorCode.ORIGIN_REFUSED]: {
    en: "The engine refused a connection from {origin}.",
    de: "Die Engine hat eine Verbindung von {origin} abgelehnt.",
  },
  [ErrorCode.INVALID_REQUEST]: {
    en: "Not a valid engine request: {detail}",
    de: "Keine gültige Anfrage an die Engine: {detail}",
  },
  [ErrorCode.INVALID_PARAMS]: {
    en: "Invalid parameters for {method}: {detail}",
    de: "Ungültige Parameter für {method}: {detail}",
  },
  [ErrorCode.METHOD_NOT_FOUND]: {
    en: "The engine does not know {method}. Do client and engine have the same version?",
    de: "Die Engine kennt {method} nicht. Haben Client und Engine dieselbe Version?",
  },
  [ErrorCode.MESSAGE_TOO_LARGE]: {
    en: "The message is too large ({size} characters, at most {limit}).",
    de: "Die Nachricht ist zu groß ({size} Zeichen, höchstens {limit}).",
  },
  [ErrorCode.RATE_LIMITED]: {
    en: "Too many requests; try again in a moment.",
    de: "Zu viele Anfragen; bitte gleich noch einmal versuchen.",
  },
  [ErrorCode.JOB_NOT_FOUND]: {
    en: "No job {jobId}.",
    de: "Kein Auftrag {jobId}.",
  },
  [ErrorCode.JOB_NOT_FINISHED]: {
    en: "Job {jobId} has no result (state: {state}).",
    de: "Auftrag {jobId} hat kein Ergebnis (Zustand: {state}).",
  },
  [ErrorCode.REQUEST_TIMEOUT]: {
    en: "The engine did not answer {method} within {seconds} s.",
    de: "Die Engine hat auf {method} nicht innerhalb von {seconds} s geantwortet.",
  },
  [ErrorCode.CONNECTION_CLOSED]: {
    en: "The connection to the engine was closed. Is the engine running?",
    de: "Die Verbindung zur Engine wurde getrennt. Läuft die Engine?",
  },
  [ErrorCode.SHUTTING_DOWN]: {
    en: "The engine is shutting down and takes no new work.",
    de: "Die Engine wird beendet und nimmt keine neuen Aufträge an.",
  },
  [ErrorCode.RESPONSE_INVALID]: {
    en: "The engine's answer to {method} is not understood: {detail}. Do client and engine have the same version?",
    de: "Die Antwort der Engine auf {method} ist unverständlich: {detail}. Haben Client und Engine dieselbe Version?",
  },
  [ErrorCode.PORT_IN_USE]: {
    en: "Port {port} on 127.0.0.1 is in use (is the engine already running?). Start with --port to choose another.",
    de: "Port {port} auf 127.0.0.1 ist belegt (läuft die Engine schon?). Mit --port lässt sich ein anderer wählen.",
  },
  [ErrorCode.EXTENSION_MANIFEST_INVALID]: {
    en: "The extension in {path} has an invalid manifest: {detail}",
    de: "Die Erweiterung in {path} hat ein ungültiges Manifest: {detail}",
  },
  [ErrorCode.EXTENSION_ENGINE_MISMATCH]: {
    en: "The extension {extension} in {path} needs Sichter {range}, but this engine is {version}; it was not loaded.",
    de: "Die Erweiterung {extension} in {path} braucht Sichter {range}, diese Engine ist aber {version}; sie wurde nicht geladen.",
  },
  [ErrorCode.EXTENSION_FAILED]: {
    en: "Extension {extension} failed: {detail}",
    de: "Die Erweiterung {extension} ist fehlgeschlagen: {detail}",
  },
  [ErrorCode.EXTENSION_TIMEOUT]: {
    en: "Extension {extension} did not finish in time and was stopped: {detail}",
    de: "Die Erweiterung {extension} wurde nicht rechtzeitig fertig und wurde beendet: {detail}",
  },
  [ErrorCode.EXTENSION_OUT_OF_MEMORY]: {
    en: "Extension {extension} used more memory than allowed and was stopped: {detail}",
    de: "Die Erweiterung {extension} brauchte mehr Speicher als erlaubt und wurde beendet: {detail}",
  },
  [ErrorCode.EXTENSION_CRASHED]: {
    en: "Extension {extension} ended unexpectedly: {detail}",
    de: "Die Erweiterung {extension} wurde unerwartet beendet: {detail}",
  },
  [ErrorCode.EXTENSION_NOT_FOUND]: {
    en: 'No installed extension {extension}. "sichter extensions list" shows what is installed.',
    de: 'Keine installierte Erweiterung {extension}. "sichter extensions list" zeigt, was installiert ist.',
  },
  [ErrorCode.CONFIG_INVALID]: {
    en: "The settings file {file} is invalid: {detail}",
    de: "Die Einstellungsdatei {file} ist ungültig: {detail}",
  },
  [ErrorCode.PRIVACY_LOCAL_ONLY]: {
    en: "Sichter is in local-only mode: nothing is sent to {provider}. Enable the provider in the settings to use it.",
    de: "Sichter arbeitet nur lokal: an {provider} wird nichts gesendet. Aktivieren Sie den Anbieter in den Einstellungen, um ihn zu nutzen.",
  },
  [ErrorCode.PRIVACY_INSECURE_ENDPOINT]: {
    en: "Refused to send to {url}: endpoints off this machine must use HTTPS.",
    de: "Senden an {url} verweigert: Gegenstellen außerhalb dieses Rechners müssen HTTPS verwenden.",
  },
  [ErrorCode.PRIVACY_REDIRECT_REFUSED]: {
    en: "{provider} answered with a redirect to {location}; Sichter does not follow redirects.",
    de: "{provider} hat auf {location} umgeleitet; Sichter folgt keinen Umleitungen.",
  },
  [ErrorCode.PRIVACY_CERTIFICATE_INVALID]: {
    en: "The TLS certificate of {url} could not be verified: {detail}",
    de: "Das TLS-Zertifikat von {url} konnte nicht geprüft werden: {detail}",
  },
  [ErrorCode.PRIVACY_IMAGE_REFUSED]: {
    en: "An image was not sent because it breaks the privacy rules: {detail}",
    de: "Ein Bild wurde nicht gesendet, weil es gegen die Datenschutzregeln verstößt: {detail}",
  },
  [ErrorCode.PROVIDER_NOT_CONFIGURED]: {
    en: "Keyword provider {provider} is missing a setting: {detail}",
    de: "Dem Schlagwortanbieter {provider} fehlt eine Einstellung: {detail}",
  },
  [ErrorCode.PROVIDER_UNAVAILABLE]: {
    en: "Keyword provider {provider} could not be reached: {detail}",
    de: "Der Schlagwortanbieter {provider} war nicht erreichbar: {detail}",
  },
  [ErrorCode.PROVIDER_RATE_LIMITED]: {
    en: "Keyword provider {provider} is rate-limiting requests: {detail}",
    de: "Der Schlagwortanbieter {provider} begrenzt die Anfragen: {detail}",
  },
  [ErrorCode.PROVIDER_REJECTED]: {
    en: "Keyword provider {provider} refused the request: {detail}",
    de: "Der Schlagwortanbieter {provider} hat die Anfrage abgelehnt: {detail}",
  },
  [ErrorCode.PROVIDER_RESPONSE_INVALID]: {
    en: "Keyword provider {provider} gave an answer that does not match its format: {detail}",
    de: "Die Antwort des Schlagwortanbieters {provider} entspricht nicht dem erwarteten Format: {detail}",
  },
  [ErrorCode.PROVIDER_CIRCUIT_OPEN]: {
    en: "Keyword provider {provider} failed repeatedly; it is paused until {until}.",
    de: "Der Schlagwortanbieter {provider} ist wiederholt fehlgeschlagen und pausiert bis {until}.",
  },
  [ErrorCode.XMP_SIDECAR_READ_ONLY]: {
    en: "The sidecar {path} is read-only, so Sichter left it unchanged. To let Sichter add its tags, make the file writable (e.g. chmod u+w), or analyse without XMP (catalog only).",
    de: "Die Sidecar-Datei {path} ist schreibgeschützt, Sichter hat sie nicht verändert. Damit Sichter seine Tags ergänzt, den Schreibschutz aufheben (z. B. chmod u+w) oder ohne XMP analysieren (nur Katalog).",
  },
  [ErrorCode.XMP_MEDIA_READ_ONLY]: {
    en: "The media file {path} is read-only, so Sichter did not embed metadata into it. To allow embedding, make the file writable (e.g. chmod u+w), or write a sidecar instead (the default).",
    de: "Die Mediendatei {path} ist schreibgeschützt, Sichter hat keine Metadaten eingebettet. Zum Einbetten den Schreibschutz aufheben (z. B. chmod u+w) oder stattdessen eine Sidecar-Datei schreiben (Standard).",
  },
  [ErrorCode.MEDIA_NOT_ALLOWED]: {
    en: "{path} is not inside a media folder you allowed. Allow its folder with `npx sichter serve --media <folder>` or in media.json in the config folder.",
    de: "{path} liegt in keinem freigegebenen Medienordner. Den Ordner mit `npx sichter serve --media <Ordner>` oder in media.json im Konfigurationsordner freigeben.",
  },
  [ErrorCode.ENGINE_ALREADY_RUNNING]: {
    en: "Another Sichter engine already uses this catalog and these folders (pid {pid}, port {port}). Connect to that one, or stop it before starting another; a second engine needs its own SICHTER_HOME. If no engine is running, delete {file}.",
    de: "Eine andere Sichter-Engine verwendet diesen Katalog und diese Ordner bereits (PID {pid}, Port {port}). Mit ihr verbinden oder sie vor dem Start einer weiteren beenden; eine zweite Engine braucht ein eigenes SICHTER_HOME. Läuft keine Engine, {file} löschen.",
  },
  [ErrorCode.TOOL_KILLED]: {
    en: "{tool} was ended by signal {signal} while working on {path}; this says nothing about the file. The system may have run out of memory, or another program stopped it. Try again.",
    de: "{tool} wurde bei der Arbeit an {path} durch das Signal {signal} beendet; über die Datei sagt das nichts. Vielleicht war der Arbeitsspeicher knapp, oder ein anderes Programm hat es gestoppt. Bitte noch einmal versuchen.",
  },
  [ErrorCode.TOOL_NOT_EXECUTABLE]: {
    en: '{tool} at {binary} may not be run by this user (mode {mode}). Let every user run it with chmod a+rx "{binary}" (as its owner or an administrator), or set {envVar} to a {tool} this user may run.',
    de: '{tool} unter {binary} darf von diesem Benutzer nicht ausgeführt werden (Modus {mode}). Mit chmod a+rx "{binary}" (als Eigentümer oder Administrator) für alle Benutzer freigeben oder {envVar} auf ein {tool} setzen, das dieser Benutzer ausführen darf.',
  },
  [ErrorCode.CATALOG_READ_ONLY]: {
    en: "The catalog at {path} cannot be written, and Sichter keeps its jobs and analyses there, so it was not opened. Nothing was changed. Fix these files, then start again:{files}",
    de: "Der Katalog unter {path} ist nicht beschreibbar; Sichter speichert dort Aufträge und Analysen und hat ihn deshalb nicht geöffnet. Nichts wurde verändert. Diese Dateien korrigieren, dann neu starten:{files}",
  },
  [ErrorCode.PATH_INVALID]: {
    en: "This path cannot be used: {problem}. Path: {path}",
    de: "Dieser Pfad ist nicht verwendbar: {problemDe}. Pfad: {path}",
  },
  [ErrorCode.DISK_FULL]: {
    en: "The disk holding {path} is full ({detail}). Free some space there, then start again.",
    de: "Der Datenträger mit {path} ist voll ({detail}). Dort Platz schaffen, dann neu starten.",
  },
  [ErrorCode.HOST_WRITE_REFUSED]: {
    en: "{host} refused to write {what} on {target}; nothing was changed there.",
    de: "{host} hat das Schreiben von {what} bei {target} abgelehnt; dort wurde nichts verändert.",
  },
  [ErrorCode.HOST_WRITE_NOT_KEPT]: {
    en: '{host} reported {what} on {target} as written, but reading it back gives "{found}". This field may not take scripted writes in this version: enter it by hand, or update {host}.',
    de: "{host} hat {what} bei {target} als geschrieben gemeldet, beim Zurücklesen steht dort aber „{found}“. Dieses Feld nimmt in dieser Version vielleicht keine Skript-Änderungen an: von Hand eintragen oder {host} aktualisieren.",
  },
  [ErrorCode.MARKER_FRAME_OCCUPIED]: {
    en: 'Frames {from} to {to} of {target} already hold your own markers ("{occupant}"), so Sichter did not add its marker "{name}". Your markers were left as they are.',
    de: "Die Frames {from} bis {to} von {target} tragen bereits eigene Marker („{occupant}“), deshalb hat Sichter seinen Marker „{name}“ nicht gesetzt. Ihre Marker blieben unverändert.",
  },
  [ErrorCode.HOST_NOT_AVAILABLE]: {
    en: "Sichter cannot reach {host}: {detail}",
    de: "Sichter erreicht {host} nicht: {detail}",
  },
  [ErrorCode.FRAME_RATE_TOO_LOW]: {
    en: "{path} shows one picture every {seconds} s ({rate} frames per second). Timecode needs at least one frame per second, so its pictures cannot be marked. Convert it to a regular rate first, e.g. ffmpeg -i in -r 25 out.mp4.",
    de: "{path} zeigt nur alle {seconds} s ein Bild ({rate} Bilder pro Sekunde). Timecode braucht mindestens ein Bild pro Sekunde, deshalb lassen sich seine Bilder nicht markieren. Zuerst in eine reguläre Bildrate umwandeln, z. B. ffmpeg -i ein -r 25 aus.mp4.",
  },
  [ErrorCode.MEDIA_TRUNCATED]: {
    en: "{path} is cut short: its container lists {declaredFrames} frames ({declaredSeconds} s), only the first {frames} ({seconds} s) are in the file. The {missingFrames} frames from {timecode} on are missing and were not analysed; copy the file again from its source.",
    de: "{path} ist abgeschnitten: Der Container nennt {declaredFrames} Bilder ({declaredSeconds} s), in der Datei stehen nur die ersten {frames} ({seconds} s). Die {missingFrames} Bilder ab {timecode} fehlen und wurden nicht analysiert; die Datei erneut von der Quelle kopieren.",
  },
  [ErrorCode.WORKER_CANNOT_SEE_FILE]: {
    en: "This worker cannot see {queued} (looked for {local}); the job is given back for a worker that can. Check SICHTER_PATH_MAP on this machine.",
    de: "Dieser Worker sieht {queued} nicht (gesucht unter {local}); der Auftrag geht zurück an einen Worker, der die Datei sieht. SICHTER_PATH_MAP auf diesem Rechner prüfen.",
  },
};

export function formatErrorMessage(
  code: ErrorCode,
  params: Readonly<Record<string, string | number>>,
  locale: Locale = "en",
): string {
  const template = errorMessages[code][locale];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

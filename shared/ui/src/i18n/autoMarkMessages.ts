import type { UiLocale } from "../host/HostAdapter.ts";

/**
 * The auto-mark texts (a folder or sequence analysed at once), part of the panel's one message
 * table (messages.ts spreads them in, so the same checks cover them).
 */
export const autoMarkMessages = {
  "app.tab.autoMark": { en: "Auto-mark", de: "Stapel" },
  "autoMark.title": { en: "Auto-mark", de: "Stapelanalyse" },
  "autoMark.introFolder": {
    en: "Analyses every clip of a folder at once. Open the folder under Media and choose “Auto-mark this folder”.",
    de: "Analysiert alle Clips eines Ordners auf einmal. Öffnen Sie den Ordner unter Medien und wählen Sie „Ordner als Stapel analysieren“.",
  },
  "autoMark.toMedia": { en: "Go to Media", de: "Zu den Medien" },
  "autoMark.introSequence": {
    en: "Analyses every clip of the active sequence at once.",
    de: "Analysiert alle Clips der aktiven Sequenz auf einmal.",
  },
  "autoMark.startSequence": { en: "Auto-mark the active sequence", de: "Aktive Sequenz als Stapel analysieren" },
  "autoMark.noClips": { en: "The active sequence has no clips.", de: "Die aktive Sequenz enthält keine Clips." },
  "autoMark.folderButton": { en: "Auto-mark this folder", de: "Ordner als Stapel analysieren" },
  "autoMark.folderButtonLabel": {
    en: "Auto-mark this folder: analyse its {count} video files at once",
    de: "Ordner als Stapel analysieren: seine {count} Videodateien auf einmal",
  },
  "autoMark.running": { en: "Auto-marking {source}", de: "Stapelanalyse: {source}" },
  "autoMark.finished": { en: "Auto-mark of {source} finished", de: "Stapelanalyse von {source} beendet" },
  "autoMark.progressLabel": { en: "Auto-mark progress", de: "Fortschritt der Stapelanalyse" },
  "autoMark.overall": {
    en: "{done} of {total} clips done – {percent} %",
    de: "{done} von {total} Clips fertig – {percent} %",
  },
  "autoMark.cancelAll": { en: "Cancel all", de: "Alle abbrechen" },
  "autoMark.cancelling": { en: "Cancelling…", de: "Wird abgebrochen …" },
  "autoMark.clips": { en: "Clips", de: "Clips" },
  "autoMark.state.sending": { en: "Queueing…", de: "Wird eingereiht …" },
  "autoMark.state.queued": { en: "Waiting in the queue", de: "Wartet in der Warteschlange" },
  "autoMark.state.running": { en: "{stage} – {percent} %", de: "{stage} – {percent} %" },
  "autoMark.state.completed": { en: "Done", de: "Fertig" },
  "autoMark.state.failed": { en: "Failed", de: "Fehlgeschlagen" },
  "autoMark.state.cancelled": { en: "Cancelled", de: "Abgebrochen" },
  "autoMark.summary": { en: "Summary", de: "Zusammenfassung" },
  "autoMark.summaryCounts": {
    en: "{completed} analysed · {failed} failed · {cancelled} cancelled",
    de: "{completed} analysiert · {failed} fehlgeschlagen · {cancelled} abgebrochen",
  },
  "autoMark.summaryNext": {
    en: "The analysed clips are in the catalog: find them in the search, review them under Clip.",
    de: "Die analysierten Clips stehen im Katalog: Sie finden sie in der Suche und prüfen sie unter Clip.",
  },
  "autoMark.failures": { en: "Failures", de: "Fehler" },
  "autoMark.dismiss": { en: "Close summary", de: "Zusammenfassung schließen" },
} as const satisfies Record<string, Record<UiLocale, string>>;

import type { UiLocale } from "../host/HostAdapter.ts";

/**
 * The search results' texts beyond the box itself, part of the panel's one message table
 * (messages.ts spreads them in, so the same checks cover them).
 */
export const searchMessages = {
  "search.results": { en: "Results", de: "Treffer" },
  "search.keys": {
    en: "Keys: ↓ from the box into the results · ↑ ↓ move · Enter opens · Esc back to the box",
    de: "Tasten: ↓ vom Suchfeld in die Treffer · ↑ ↓ wechseln · Eingabe öffnet · Esc zurück ins Suchfeld",
  },
  "search.openClipAt": { en: "Open {clip} at {timecode}", de: "{clip} bei {timecode} öffnen" },
  "search.openHit": { en: "Show “{label}” in {clip} at {timecode}", de: "„{label}“ in {clip} bei {timecode} zeigen" },
  "search.noPicture": { en: "No picture", de: "Kein Bild" },
} as const satisfies Record<string, Record<UiLocale, string>>;

import { ENGLISH_WORDS } from "./englishWords.ts";
import { GERMAN_VERBS, GERMAN_WORDS } from "./germanWords.ts";

/** Lower-case key of a word: what the lexicon is looked up by (ß and umlauts kept). */
function key(word: string): string {
  return word.toLowerCase().normalize("NFC");
}

const ENGLISH: ReadonlySet<string> = new Set(ENGLISH_WORDS.map(key));
const GERMAN: ReadonlySet<string> = new Set([...GERMAN_WORDS, ...GERMAN_VERBS].map(key));
const VERBS: ReadonlySet<string> = new Set(GERMAN_VERBS.map(key));

/** A German verb form a headline is made of (see GERMAN_VERBS). */
export function isGermanVerb(word: string): boolean {
  return VERBS.has(key(word));
}

/** Endings a listed word may carry, per language ("reporters", "closed"; "Straßen", "Bürgermeisterin"). */
const ENGLISH_ENDINGS = ["ings", "ing", "ies", "ers", "es", "ed", "er", "s", "d"] as const;
const GERMAN_ENDINGS = ["innen", "ern", "en", "er", "es", "in", "e", "n", "s"] as const;

function listed(set: ReadonlySet<string>, endings: readonly string[], word: string): boolean {
  const k = key(word);
  if (set.has(k)) return true;
  return endings.some(
    (ending) => k.length > ending.length + 2 && k.endsWith(ending) && set.has(k.slice(0, -ending.length)),
  );
}

export function isEnglishWord(word: string): boolean {
  return listed(ENGLISH, ENGLISH_ENDINGS, word);
}

export function isGermanWord(word: string): boolean {
  return listed(GERMAN, GERMAN_ENDINGS, word);
}

/** A word of either language, with the usual endings. */
export function isKnownWord(word: string): boolean {
  return isEnglishWord(word) || isGermanWord(word);
}

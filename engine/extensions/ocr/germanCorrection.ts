/**
 * Repairs what the PP-OCR recogniser does to German text.
 *
 * `ppocr_keys_v1.txt` (the dictionary of the PP-OCRv4 Chinese/Latin model) has `ä`, `ü`, `Ü`, but
 * no `Ä`, `ö`, `Ö` or `ß`; and even the umlauts it has are hardly ever predicted (the model saw few
 * of them), so "Bürgermeisterin Anna Schäfer" reads "Burgermeisterin Anna Schafer" and "Straße"
 * reads "StraBe". Two honest repairs, nothing else:
 *
 * 1. `ß` read as `B`: a capital B after at least two lower-case letters, the last a vowel (ß only
 *    follows a long vowel or diphthong), and before a lower-case letter or the word's end, is `ß`
 *    ("StraBe", "GruBe", "FuBball", "SchlieBung"). CamelCase names keep their B: "SoftBank"
 *    (t before B), "eBay" (one letter before).
 * 2. Umlauts: a lexicon of common German words and place names whose umlaut-less spelling is not
 *    itself a word. "Koln" -> "Köln", "Burgermeisterin" -> "Bürgermeisterin". Words whose folded
 *    form is a real word stay as read: "schon"/"schön", "Große"/"Größe", "Zurich" (English),
 *    "Uber", "fur", "Muller"/"Müller", "Lander", "Zuge", "Burger", "starke"/"Stärke", "warme",
 *    "glatte", "Hafen"/"Häfen", "Garten", "Losung"/"Lösung", "Forderung"/"Förderung", "Buhne",
 *    "Furth" (a town), "Apfel"/"Äpfel".
 *
 * Remaining limit: umlauts in words outside the lexicon stay without dots (a person's name such as
 * "Jürgen Köhler" reads "Jurgen Kohler"), all-caps `ß` ("STRAßE" rendered as such) is not repaired,
 * and ambiguous pairs are never guessed. Search treats ä/a, ö/o, ü/u and ß/ss alike (see `foldGerman`),
 * so a search for "Köhler" still finds "Kohler".
 */

/** Correct spellings. Each must have a folded form (`foldUmlauts`) that is not a German or English word. */
const LEXICON: readonly string[] = [
  // places
  "Köln",
  "Göttingen",
  "München",
  "Düsseldorf",
  "Nürnberg",
  "Würzburg",
  "Lübeck",
  "Tübingen",
  "Mülheim",
  "Saarbrücken",
  "Osnabrück",
  "Österreich",
  "Thüringen",
  "Württemberg",
  "Gütersloh",
  "Lüneburg",
  "Märkisch",
  "Brüssel",
  "Türkei",
  "Dänemark",
  "Schwäbisch",
  "Göppingen",
  "Königs",
  "Königswinter",
  "Lörrach",
  "Jülich",
  "Fürstenfeldbruck",
  "Völklingen",
  "Plön",
  // news words
  "Bürgermeister",
  "Bürgerschaft",
  "Präsident",
  "Ministerpräsident",
  "Bundespräsident",
  "Polizeipräsidium",
  "Öffentlich",
  "Öffentlichkeit",
  "Ärzte",
  "Ärztin",
  "Gebäude",
  "Gespräch",
  "Erklärung",
  "Regierungserklärung",
  "Schüler",
  "Übersee",
  "Überschwemmung",
  "Gemüse",
  "Unfälle",
  "Unglück",
  "Glück",
  "Wähler",
  "Bündnis",
  "Grüne",
  "Märkte",
  "Behörde",
  "Bevölkerung",
  "Gerät",
  "Flüchtling",
  "Kräfte",
  "Einsatzkräfte",
  "Hilfskräfte",
  "Dürre",
  "Zerstörung",
  "Stromausfälle",
  "Bahnhöfe",
  "Verspätung",
  "Brücke",
  "Rückblick",
  "Rücktritt",
  "Mädchen",
  "Jährige",
  "Universität",
  "Krankenhäuser",
  "Geschäftsführer",
  "Prüfung",
  "Schäfer",
  "Sturmböen",
  "Böen",
  "Gefährlich",
  "Gefährdung",
  "Künstler",
  "Gerüst",
  "Gebühren",
  "Kündigung",
  "Bundesländer",
  "Länderspiel",
  "Überfall",
  "Überblick",
  "Übergabe",
  "Ämter",
  "Ärger",
  "Vermögen",
  "Rätsel",
  "Größte",
  "Gewässer",
  "Später",
  "Nächste",
  "Zusätzlich",
  "Gemäß",
  "Außerdem",
  "Außen",
  "Außenminister",
  "Jürgen",
  "Erhöht",
  "Erhöhung",
  "Anhörung",
  "Gemüsepreise",
  "Straße",
  "Straßen",
  "Fußball",
  "Schließung",
  "Bußgeld",
];

/** Endings a lexicon word may carry ("Bürgermeister-in", "Straße-n", "Königs-"). Longest first. */
const SUFFIXES = ["innen", "ern", "in", "en", "er", "es", "e", "n", "s"] as const;

/** Lexicon tails that may end a compound ("Oberbürgermeister", "Landesbehörde") need this length. */
const MIN_COMPOUND_TAIL = 6;

const UMLAUT_FOLD: Readonly<Record<string, string>> = { ä: "a", ö: "o", ü: "u", Ä: "A", Ö: "O", Ü: "U" };

/** ä->a, ö->o, ü->u (same length, so positions stay aligned). */
export function foldUmlauts(text: string): string {
  return text.replace(/[äöüÄÖÜ]/g, (c) => UMLAUT_FOLD[c] ?? c);
}

/** For matching and search: lower case, umlauts without dots, ß as ss. */
export function foldGerman(text: string): string {
  return foldUmlauts(text.toLowerCase()).replace(/ß/g, "ss");
}

/** Lexicon key: lower case, umlauts folded, ß as b (how the recogniser reads it). Same length as the word. */
function lexiconKey(word: string): string {
  return foldUmlauts(word.toLowerCase()).replace(/ß/g, "b");
}

/** Keys under which a word is found: ß read as B (usual) or as s ("Fusball", "Groste"). */
const BY_FOLDED_KEY: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const word of LEXICON) map.set(lexiconKey(word), word.toLowerCase());
  for (const word of LEXICON) {
    const alt = foldUmlauts(word.toLowerCase()).replace(/ß/g, "s");
    if (word.includes("ß") && !map.has(alt)) map.set(alt, word.toLowerCase());
  }
  return map;
})();

/** Lower-case correct form for a lower-case, umlaut-folded token, or undefined. */
function lookup(key: string): string | undefined {
  const exact = BY_FOLDED_KEY.get(key);
  if (exact !== undefined) return exact;
  for (const suffix of SUFFIXES) {
    if (key.length > suffix.length + 2 && key.endsWith(suffix)) {
      const stem = BY_FOLDED_KEY.get(key.slice(0, -suffix.length));
      if (stem !== undefined) return stem + suffix;
    }
  }
  // "über..." words: "uberlastet", "Uberraschung" (no English or German word starts with "uber" + 3 letters but Uber's own).
  if (key.startsWith("uber") && key.length >= 7) return "über" + key.slice(4);
  // Compounds: the longest lexicon word the token starts with ("Gemüsepreise", "Königsberg") ...
  for (let length = key.length - 1; length >= MIN_COMPOUND_TAIL; length--) {
    const head = BY_FOLDED_KEY.get(key.slice(0, length));
    if (head !== undefined) return head + key.slice(length);
  }
  // ... or ends with (after an optional suffix).
  for (const suffix of ["", ...SUFFIXES]) {
    if (!key.endsWith(suffix)) continue;
    const body = key.slice(0, key.length - suffix.length);
    for (let start = 1; start <= body.length - MIN_COMPOUND_TAIL; start++) {
      const tail = BY_FOLDED_KEY.get(body.slice(start));
      if (tail !== undefined) return body.slice(0, start) + tail + suffix;
    }
  }
  return undefined;
}

/** Applies the case of `pattern` (character by character, same length) to `word`. */
function withCaseOf(pattern: string, word: string): string {
  let out = "";
  for (let i = 0; i < word.length; i++) {
    const p = pattern[i] ?? "";
    const c = word[i] ?? "";
    out += p !== p.toLowerCase() && c !== "ß" ? c.toUpperCase() : c;
  }
  return out;
}

const SHARP_S_AS_B = /(?<=\p{Ll}[aeiouyäöü])B(?=\p{Ll}|$)/gu;

function correctToken(token: string): string {
  // β (Greek beta) and B inside a lower-case word are ß (rule 1 above).
  let word = token.replace(/(?<=\p{Ll})β/gu, "ß");
  if (/\p{Ll}\p{Ll}/u.test(word)) word = word.replace(SHARP_S_AS_B, "ß");
  const key = lexiconKey(word);
  if (key.length < 3) return word;
  const correct = lookup(key);
  if (correct === undefined || correct.length !== word.length) return word;
  return withCaseOf(word, correct);
}

/** Corrects one recognised line; words are runs of letters, everything else is kept as read. */
export function correctGerman(line: string): string {
  return line.replace(/[\p{L}]+/gu, (token) => correctToken(token));
}

/** The lexicon's spellings, for tests and for the bench's notes. */
export const germanLexicon: readonly string[] = LEXICON;

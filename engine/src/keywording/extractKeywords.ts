import { foldText } from "../text/foldText.ts";
import { ACRONYMS } from "../text/lexicon/acronyms.ts";
import { isKnownWord } from "../text/lexicon/Lexicon.ts";
import { STOP_WORDS } from "./stopWords.ts";

export interface TextLine {
  readonly text: string;
  readonly startFrame: number;
  readonly endFrame: number;
  /** Recognition confidence of the line, 0..1. */
  readonly confidence: number;
  /** Story text (lower thirds, titles; the default) or text that happens to be in the picture. */
  readonly role?: "story" | "incidental";
}

/**
 * Incidental text (a sign, a shop front) ranks below story text: its keywords' confidence is the
 * recognition confidence times this, so lower thirds and titles come first however well a sign
 * was read.
 */
const INCIDENTAL_WEIGHT = 0.6;

export interface KeywordCandidate {
  /** Display form: the best spelling seen (umlauts over ae/oe/ue, mixed case over capitals). */
  readonly label: string;
  /** Folded comparison key. */
  readonly key: string;
  /** Frame ranges where it was on screen, merged where they touch. */
  readonly ranges: Array<{ startFrame: number; endFrame: number }>;
  readonly confidence: number;
  /** The raw lines it came from. */
  readonly evidence: string[];
}

/** Terms longer than this are split into words: a whole sentence is not a keyword. */
const MAX_TERM_WORDS = 4;
/** Years are the numbers that matter in news text; other bare numbers (scores, times) are noise. */
const YEAR = /^(19|20)\d\d$/;

/**
 * Keywords from on-screen text: each line is split into runs of content words (stop words and
 * punctuation end a run), runs of up to four words stay together as a term ("Landtag Brandenburg",
 * "Anna Schäfer"), longer runs become single words. The same term from several lines or shots is
 * one candidate with all its ranges.
 */
export function extractKeywords(lines: readonly TextLine[]): KeywordCandidate[] {
  const byKey = new Map<
    string,
    {
      labels: string[];
      ranges: Array<{ startFrame: number; endFrame: number }>;
      confidence: number[];
      evidence: Set<string>;
    }
  >();
  for (const line of lines) {
    for (const term of termsOf(line.text)) {
      const key = foldText(term);
      let entry = byKey.get(key);
      if (!entry) {
        entry = { labels: [], ranges: [], confidence: [], evidence: new Set() };
        byKey.set(key, entry);
      }
      entry.labels.push(term);
      entry.ranges.push({ startFrame: line.startFrame, endFrame: line.endFrame });
      entry.confidence.push(line.confidence * (line.role === "incidental" ? INCIDENTAL_WEIGHT : 1));
      entry.evidence.add(line.text);
    }
  }
  return [...byKey].map(([key, e]) => ({
    key,
    label: bestSpelling(e.labels),
    ranges: mergeRanges(e.ranges),
    confidence: Math.max(...e.confidence),
    evidence: [...e.evidence],
  }));
}

/**
 * Addresses are not subjects: URLs, bare domains ("tv.example.de"), mail addresses and handles are
 * cut out of a line before it is split into words, so their pieces never become keywords. So is a
 * word a dot joins to lower-case letters: what the recogniser leaves of an address it misread or
 * saw only in part (".nachrichten", "example.ty", "Ww.sender-example. de"); in the text of a
 * caption a dot ends a sentence or an abbreviation ("z.B.", "Dr. Müller").
 */
const ADDRESS =
  /(?:https?:\/\/|www\.)\S*|\S*@\S+|(?:[\p{L}\p{N}-]+\.)+(?:de|com|org|net|eu|tv|info|at|ch|uk|fr|it|nl|io|html?|php)\b\S*|(?<!\S)@\S+|\S*\.\p{Ll}{2,}\S*/giu;

/** What is left of an address the recogniser broke up ("http", "wwwebigear", "html"). */
const ADDRESS_PIECE = /^(?:https?|nttp|www.*|html?|php|com|net|org)$/i;

/**
 * A word an editor would type: a known acronym in its spelling ("SPD", "AfD"); otherwise four
 * letters or more, no letters and digits mixed ("c0lg", "forum-175-1"), and, when it starts in
 * lower case (a fragment such as "ample" is read in lower case), a known German or English word.
 */
function isKeywordWord(word: string): boolean {
  if (ACRONYMS.has(word) || (ACRONYMS.has(word.toUpperCase()) && word === word.toUpperCase())) return true;
  if (ADDRESS_PIECE.test(word)) return false;
  const letters = word.replace(/[^\p{L}]/gu, "");
  if (letters.length <= 3 && !/-/.test(word)) return false;
  if (/\p{L}/u.test(word) && /\p{N}/u.test(word)) return false;
  if (/^\p{Ll}/u.test(word)) return word.split("-").every((part) => isKnownWord(part));
  return true;
}

/** The content-word runs of one line, normalised for display. */
export function termsOf(text: string): string[] {
  const terms: string[] = [];
  const line = text.replace(ADDRESS, " | ");
  // Punctuation other than inner hyphens and apostrophes ends a run, like a stop word does.
  for (const chunk of line.split(/[^\p{L}\p{N}'’-]+(?=\s|$)|[,:;.!?()"„“”«»/|]+/u)) {
    let run: string[] = [];
    const flush = (): void => {
      if (run.length === 0) return;
      if (run.length <= MAX_TERM_WORDS) terms.push(run.join(" "));
      else terms.push(...run);
      run = [];
    };
    for (const raw of chunk.split(/\s+/)) {
      const word = raw.replace(/^[-'’]+|[-'’]+$/g, "");
      if (word.length === 0) continue;
      const isNumber = /^\d+$/.test(word);
      if (STOP_WORDS.has(word.toLowerCase()) || (isNumber && !YEAR.test(word)) || (!isNumber && !isKeywordWord(word))) {
        flush();
        continue;
      }
      run.push(displayCase(word));
    }
    flush();
  }
  return terms.filter((t) => /\p{L}/u.test(t) || YEAR.test(t));
}

/**
 * Captions are often set in capitals; "LANDTAG" reads as "Landtag", while short all-capital words
 * are acronyms and stay ("SPD", "NRW", "ARD").
 */
function displayCase(word: string): string {
  const letters = word.replace(/[^\p{L}]/gu, "");
  if (letters.length > 4 && letters === letters.toUpperCase()) {
    return word.charAt(0) + word.slice(1).toLowerCase();
  }
  return word;
}

function bestSpelling(labels: readonly string[]): string {
  const score = (s: string): number => (/[äöüÄÖÜß]/.test(s) ? 2 : 0) + (s !== s.toUpperCase() ? 1 : 0);
  return [...labels].sort((a, b) => score(b) - score(a))[0]!;
}

function mergeRanges(
  ranges: Array<{ startFrame: number; endFrame: number }>,
): Array<{ startFrame: number; endFrame: number }> {
  const sorted = [...ranges].sort((a, b) => a.startFrame - b.startFrame);
  const merged: Array<{ startFrame: number; endFrame: number }> = [];
  for (const r of sorted) {
    const last = merged.at(-1);
    if (last && r.startFrame <= last.endFrame) last.endFrame = Math.max(last.endFrame, r.endFrame);
    else merged.push({ ...r });
  }
  return merged;
}

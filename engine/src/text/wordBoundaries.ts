import { isEnglishWord, isGermanVerb, isGermanWord, isKnownWord } from "./lexicon/Lexicon.ts";

/**
 * Function words that sit between the words of a run-on ("Celebrationof", "Ministerfürwirtschaft"):
 * their presence is what tells a run-on from a compound. German compounds join nouns, never with an
 * article or preposition inside, so "Straßensperrung" and "Hauptbahnhof" stay whole.
 */
const JOINING = new Set([
  "of",
  "the",
  "and",
  "in",
  "on",
  "at",
  "to",
  "for",
  "from",
  "by",
  "with",
  "für",
  "und",
  "der",
  "die",
  "das",
  "im",
  "von",
  "mit",
  "zum",
  "zur",
  "auf",
  "aus",
  "bei",
]);

/** Run-ons shorter than this are left as read: short unknown words are names more often than not. */
const MIN_RUN_ON = 8;
/** A content piece of a split needs this many letters (a two-letter "word" inside a name is chance). */
const MIN_PIECE = 3;

/**
 * Splits a word at its case changes: "NorthKorea" -> "North", "Korea"; "CelebrationofAmericanValues"
 * -> "Celebrationof", "American", "Values". A part before a capital needs four letters, so names
 * such as "McAllister", "DeVries", "YouTube" and "iPhone" stay whole.
 */
function splitAtCapitals(word: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 1; i < word.length; i++) {
    const lowerBefore = /\p{Ll}/u.test(word[i - 1]!);
    const upperHere = /\p{Lu}/u.test(word[i]!);
    const lowerAfter = i + 1 < word.length && /\p{Ll}/u.test(word[i + 1]!);
    if (lowerBefore && upperHere && lowerAfter && i - start >= 4) {
      parts.push(word.slice(start, i));
      start = i;
    }
  }
  parts.push(word.slice(start));
  return parts;
}

/**
 * The fewest known words a lower-case run can be cut into, or undefined. A split is taken when a
 * joining word or a German verb form sits after the first piece ("Celebrationof",
 * "Ministerfürwirtschaft", "Schulenbleibengeschlossen"), or when it
 * gives three or more English words ("Northkorealaunch"); two nouns joined are a compound and stay.
 */
function segment(word: string): string[] | undefined {
  const lower = word.toLowerCase();
  const n = lower.length;
  // best[i]: fewest pieces for lower[0..i)
  const best: Array<{ pieces: number; from: number } | undefined> = [{ pieces: 0, from: -1 }];
  for (let end = 1; end <= n; end++) {
    for (let start = 0; start < end; start++) {
      const prior = best[start];
      if (!prior) continue;
      const piece = lower.slice(start, end);
      const joining = JOINING.has(piece) && start > 0;
      if (!joining && (piece.length < MIN_PIECE || !isKnownWord(piece))) continue;
      if (!best[end] || prior.pieces + 1 < best[end]!.pieces) best[end] = { pieces: prior.pieces + 1, from: start };
    }
  }
  if (!best[n] || best[n]!.pieces < 2) return undefined;
  const cuts: number[] = [];
  for (let at = n; at > 0; at = best[at]!.from) cuts.unshift(at);
  const pieces = cuts.map((end, i) => word.slice(i === 0 ? 0 : cuts[i - 1]!, end));
  const hasJoining = pieces.some((p, i) => i > 0 && (JOINING.has(p.toLowerCase()) || isGermanVerb(p)));
  const english = pieces.every((p) => isEnglishWord(p) || JOINING.has(p.toLowerCase()));
  const germanCompound = pieces.every((p) => isGermanWord(p));
  if (hasJoining || (english && !germanCompound && pieces.length >= 3)) return pieces;
  return undefined;
}

function restoreWord(word: string): string {
  if (word.length < MIN_RUN_ON || isKnownWord(word)) return word;
  return splitAtCapitals(word)
    .flatMap((part) => (part.length >= MIN_RUN_ON && !isKnownWord(part) ? (segment(part) ?? [part]) : [part]))
    .join(" ");
}

/**
 * Puts back the spaces a recogniser drops on small text ("NorthKorea launch",
 * "CelebrationofAmericanValues"): at case changes, then by cutting unknown runs into known German
 * and English words where a joining word or three English words show it is a run-on. Names and
 * compounds stay whole; everything but the letters of a run is kept as read.
 */
export function restoreWordBoundaries(line: string): string {
  return line.replace(/\p{L}+/gu, (word) => restoreWord(word));
}

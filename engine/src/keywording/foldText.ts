/**
 * The comparison key of a word or term: lower case with umlauts and their two-letter spellings
 * folded together (Köln = Koeln = KÖLN = koln), ß as ss, other diacritics removed. Display text
 * is never folded; only equality and search use this.
 */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/ä|ae/g, "a")
    .replace(/ö|oe/g, "o")
    .replace(/ü|ue/g, "u")
    .normalize("NFD")
    .replace(/\p{M}/gu, "");
}

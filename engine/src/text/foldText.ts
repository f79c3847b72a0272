/**
 * Folds text for search so that "Köln", "Koeln", "koln" and "KÖLN" all become "koln". The same
 * function runs over the indexed text and over the query, so the two always agree; the original
 * label stays in its own column for display.
 *
 * Folding "ae"/"oe"/"ue" also touches words that never had an umlaut ("Queen" -> "quen"); that is
 * harmless because both sides fold alike, at the price of a rare extra match ("blu" finds "blue").
 */
const LETTERS_WITHOUT_DECOMPOSITION: Readonly<Record<string, string>> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
};

export function foldText(text: string): string {
  return (
    text
      .toLowerCase()
      // NFD splits "ä" into "a" + combining diaeresis, which the next step drops: this is what folds
      // ä/ö/ü and every other accented letter (é, ç, ş, ...) in one go.
      .normalize("NFD")
      .replace(/\p{M}+/gu, "")
      .replace(/[ßæœøłđðþı]/g, (c) => LETTERS_WITHOUT_DECOMPOSITION[c] ?? c)
      .replace(/ae/g, "a")
      .replace(/oe/g, "o")
      .replace(/ue/g, "u")
  );
}

/** The words of folded text, split the way FTS5's unicode61 tokenizer splits them. */
export function foldedWords(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

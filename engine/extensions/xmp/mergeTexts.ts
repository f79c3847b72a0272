/**
 * Merge rule for the log comment. Sichter must never drop what a person wrote, but it must also be
 * able to update its own text on a second analysis without piling up copies. (The description's
 * rule is shared with the Premiere panels: descriptionWrite in @sichter/shared/xmp.)
 *
 * `xmpDM:logComment` is plain text that editors use too. Sichter's comment is written when the
 * field is empty, left alone when it is already contained, and otherwise appended on a new line
 * after the existing text (never replacing it).
 */
export function mergeLogComment(existing: string | null, text: string): string | null {
  const ours = text.trim();
  if (ours === "") return null;
  if (existing === null || existing.trim() === "") return ours;
  if (existing.includes(ours)) return null;
  return `${existing}\n${ours}`;
}

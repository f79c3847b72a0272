/**
 * Merge rules for the single-valued texts. Sichter must never drop what a person wrote, but it must
 * also be able to update its own text on a second analysis without piling up copies.
 */

export interface DescriptionWrite {
  /** The language entry (always Sichter's slot for that language), or null to leave it. */
  language: string | null;
  /** The x-default entry, or null to leave a person's x-default alone. */
  xDefault: string | null;
}

/**
 * `dc:description` is a lang-alt. Sichter owns the entry of the plan's language. It also fills
 * `x-default` (what most tools show) when there is none, or when x-default is just the copy it made
 * of its own language entry last time; a different x-default was written by someone else and stays.
 */
export function describeWrite(
  existing: Readonly<Record<string, string>>,
  language: string,
  text: string,
): DescriptionWrite {
  if (text.trim() === "") return { language: null, xDefault: null };
  const currentDefault = existing["x-default"];
  const ownDefault = currentDefault === undefined || currentDefault === existing[language];
  return {
    language: existing[language] === text ? null : text,
    xDefault: ownDefault && currentDefault !== text ? text : null,
  };
}

/**
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

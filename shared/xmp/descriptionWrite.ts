/** What to write into the dc:description lang-alt; null leaves an entry as it is. */
export interface DescriptionWrite {
  /** Sichter's entry for the plan's language (always Sichter's slot for that language). */
  readonly language: string | null;
  /** The x-default entry, or null to leave a person's x-default alone. */
  readonly xDefault: string | null;
}

/**
 * dc:description is a lang-alt. Sichter must never drop what a person wrote, but it must also be
 * able to update its own text on a second analysis without piling up copies. It owns the entry of
 * the plan's language; it also fills x-default (what most tools show) when there is none, or when
 * x-default is just the copy it made of its own entry last time. An x-default someone else wrote
 * stays. The engine's XMP writer and the Premiere panels both apply this rule, so a clip tagged
 * either way ends up alike.
 */
export function descriptionWrite(
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

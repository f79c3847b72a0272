/** What to write into the dc:description lang-alt; null leaves an entry as it is. */
export interface DescriptionWrite {
  /** Sichter's entry for the plan's language. */
  readonly language: string | null;
  readonly xDefault: string | null;
}

/**
 * dc:description is a lang-alt. Sichter owns the entry of the plan's language; it also fills
 * x-default (what most tools show) when there is none or when x-default is just the copy it made of
 * its own entry last time. An x-default someone else wrote stays. The same rule as the engine's
 * sidecar writer, so a clip tagged both ways ends up alike.
 */
export function planDescription(
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

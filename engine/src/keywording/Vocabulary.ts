import fs from "node:fs";
import { z } from "zod";
import { foldText } from "../text/foldText.ts";

/** One concept of a controlled vocabulary, with the folded spellings that mean it. */
export interface Concept {
  readonly uri: string;
  readonly labels: { readonly de?: string; readonly en?: string };
  /** Folded preferred and alternative labels in every language: what text is matched against. */
  readonly spellings: readonly string[];
}

export interface Vocabulary {
  /** Contribution id, e.g. "newsroom.thesaurus"; recorded as the provenance of the terms it gives. */
  readonly id: string;
  readonly uri: string;
  readonly concepts: readonly Concept[];
}

const Labels = z.object({ de: z.string().min(1).optional(), en: z.string().min(1).optional() });
const AltLabels = z.object({ de: z.array(z.string().min(1)).optional(), en: z.array(z.string().min(1)).optional() });

/**
 * "skos-json": the parts of a SKOS concept scheme a newsroom thesaurus needs, as plain JSON
 * (`prefLabel` / `altLabel` per language, as in SKOS; URIs identify scheme and concepts).
 */
const SkosJson = z.object({
  uri: z.url(),
  concepts: z.array(z.object({ uri: z.url(), prefLabel: Labels, altLabel: AltLabels.optional() })).min(1),
});

/** "terms-json": a flat list of terms with synonyms, for vocabularies that are not SKOS. */
const TermsJson = z.object({
  uri: z.url(),
  terms: z
    .array(z.object({ id: z.url(), label: z.string().min(1), synonyms: z.array(z.string().min(1)).optional() }))
    .min(1),
});

/** Reads a vocabulary file; throws with the zod path of what is wrong in it. */
export function loadVocabulary(id: string, file: string, format: "skos-json" | "terms-json"): Vocabulary {
  const json: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
  if (format === "skos-json") {
    const scheme = SkosJson.parse(json);
    return {
      id,
      uri: scheme.uri,
      concepts: scheme.concepts.map((c) => ({
        uri: c.uri,
        labels: c.prefLabel,
        spellings: unique([c.prefLabel.de, c.prefLabel.en, ...(c.altLabel?.de ?? []), ...(c.altLabel?.en ?? [])]),
      })),
    };
  }
  const list = TermsJson.parse(json);
  return {
    id,
    uri: list.uri,
    concepts: list.terms.map((t) => ({
      uri: t.id,
      labels: { de: t.label, en: t.label },
      spellings: unique([t.label, ...(t.synonyms ?? [])]),
    })),
  };
}

function unique(labels: ReadonlyArray<string | undefined>): string[] {
  return [
    ...new Set(
      labels
        .filter((l): l is string => !!l)
        .map(foldText)
        .filter((l) => l.length > 0),
    ),
  ];
}

/**
 * Concepts whose spelling occurs in a text as whole words ("Landtag" in "Landtag Brandenburg",
 * not in "Landtagswahl": a compound is a different subject), umlauts and case folded.
 */
export function matchConcepts(vocabulary: Vocabulary, texts: readonly string[]): Concept[] {
  const folded = texts.map(
    (t) =>
      ` ${foldText(t)
        .replace(/[^\p{L}\p{N}]+/gu, " ")
        .trim()} `,
  );
  return vocabulary.concepts.filter((concept) =>
    concept.spellings.some((spelling) => {
      const words = ` ${spelling.replace(/[^\p{L}\p{N}]+/gu, " ").trim()} `;
      return words.trim().length > 0 && folded.some((text) => text.includes(words));
    }),
  );
}

import type { ControlledTerm, Tag } from "@sichter/shared/model";
import { matchConcepts, type Vocabulary } from "../keywording/Vocabulary.ts";

/**
 * Maps what was read and keyworded onto controlled vocabularies: each concept found becomes a
 * keyword tag in the newsroom's own term (so it is searchable and lands in dc:subject) and an
 * AboutCvTerm entry (so an archive system gets the term's URI, not just a word). `tags` gains the
 * keyword tags.
 */
export function controlledTermsOf(
  vocabularies: readonly Vocabulary[],
  tags: Tag[],
  language: "de" | "en",
  frameCount: number,
): ControlledTerm[] {
  const texts = tags
    .filter((t) => t.kind === "ocr.line" || t.kind === "ocr.incidental" || t.kind === "keyword")
    .map((t) => t.label);
  const terms: ControlledTerm[] = [];
  for (const vocabulary of vocabularies) {
    for (const concept of matchConcepts(vocabulary, texts)) {
      const name = concept.labels[language] ?? concept.labels.de ?? concept.labels.en;
      if (!name || terms.some((t) => t.id === concept.uri)) continue;
      terms.push({ vocabulary: vocabulary.uri, id: concept.uri, name });
      tags.push({
        label: name,
        kind: "keyword",
        language,
        source: "ocr",
        confidence: 0.9,
        startFrame: 0,
        endFrame: frameCount,
        status: "suggested",
        provenance: [{ producer: vocabulary.id, evidence: concept.uri }],
      });
    }
  }
  return terms;
}

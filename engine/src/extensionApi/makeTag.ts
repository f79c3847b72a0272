import type { Tag, TagSource } from "@sichter/shared/model";

/** Labels of one tag kind in the languages Sichter writes. */
export interface LabelPair {
  readonly de: string;
  readonly en: string;
}

/** A suggested tag over frames [startFrame, endFrame) in the requested language. */
export function makeTag(options: {
  kind: string;
  label: LabelPair;
  language: "de" | "en";
  source: TagSource;
  confidence: number;
  startFrame: number;
  endFrame: number;
  producer: string;
  version: string;
  evidence?: string;
}): Tag {
  return {
    label: options.label[options.language],
    kind: options.kind,
    language: options.language,
    source: options.source,
    confidence: Math.round(Math.min(1, Math.max(0, options.confidence)) * 100) / 100,
    startFrame: options.startFrame,
    endFrame: options.endFrame,
    status: "suggested",
    provenance: [
      {
        producer: options.producer,
        version: options.version,
        ...(options.evidence !== undefined ? { evidence: options.evidence } : {}),
      },
    ],
  };
}

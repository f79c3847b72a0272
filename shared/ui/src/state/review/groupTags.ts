import type { StoredTag } from "@sichter/shared/protocol";
import type { TagSource } from "@sichter/shared/model";

/**
 * What the review groups tags by: their source, with on-screen text split in two, because OCR gives
 * both the lines it read ("Potsdam, Plenarsaal") and the keywords taken from them ("Potsdam",
 * "Plenarsaal"), often with the same label.
 */
export type TagGroupKey = TagSource | "ocr-lines" | "ocr-overlays";

/** The order the review shows groups in: what editors check first comes first. */
export const GROUP_ORDER: readonly TagGroupKey[] = [
  "ocr",
  "ocr-lines",
  "ocr-overlays",
  "vision",
  "speech",
  "technical",
  "motion",
  "user",
];

/** OCR's kinds of lines: story text ("ocr.line") and text that happens to be in the picture. */
const LINE_KINDS = new Set(["ocr.line", "ocr.incidental"]);

export interface TagGroup {
  readonly key: TagGroupKey;
  readonly tags: readonly StoredTag[];
}

export function groupKeyOf(tag: StoredTag): TagGroupKey {
  if (tag.source === "ocr" && LINE_KINDS.has(tag.kind)) return "ocr-lines";
  // Watermarks, channel bugs, clocks: text that stays across shots, one tag each.
  if (tag.source === "ocr" && tag.kind === "ocr.overlay") return "ocr-overlays";
  return tag.source;
}

/** Tags by group in GROUP_ORDER, each group in clip order (then by label); empty groups left out. */
export function groupTags(tags: readonly StoredTag[]): TagGroup[] {
  return GROUP_ORDER.map((key) => ({
    key,
    tags: tags
      .filter((tag) => groupKeyOf(tag) === key)
      .sort((a, b) => a.startFrame - b.startFrame || a.label.localeCompare(b.label) || a.id - b.id),
  })).filter((group) => group.tags.length > 0);
}

/** The tags in the order the review lists them, for moving the focus with the keyboard. */
export function listedOrder(tags: readonly StoredTag[]): StoredTag[] {
  return groupTags(tags).flatMap((group) => group.tags);
}

/**
 * The text behind an on-screen-text tag, when it says more than the label: the line a keyword was
 * taken from, or what OCR read before it was corrected. Other analyzers' evidence (motion vectors)
 * is for the provenance tooltip, not for the list.
 */
export function evidenceOf(tag: StoredTag): string | null {
  if (tag.source !== "ocr") return null;
  const evidence = tag.provenance.find((p) => p.evidence !== undefined && p.evidence.trim() !== "")?.evidence?.trim();
  return evidence && evidence !== tag.label ? evidence : null;
}

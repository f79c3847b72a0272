import type { StoredTag } from "@sichter/shared/protocol";
import type { TagSource } from "@sichter/shared/model";

/** The order the review shows sources in: what editors check first comes first. */
export const SOURCE_ORDER: readonly TagSource[] = ["ocr", "vision", "speech", "technical", "motion", "user"];

export interface TagGroup {
  readonly source: TagSource;
  readonly tags: readonly StoredTag[];
}

/** Tags by source in SOURCE_ORDER, each group in clip order (then by label); empty groups left out. */
export function groupTags(tags: readonly StoredTag[]): TagGroup[] {
  return SOURCE_ORDER.map((source) => ({
    source,
    tags: tags
      .filter((tag) => tag.source === source)
      .sort((a, b) => a.startFrame - b.startFrame || a.label.localeCompare(b.label) || a.id - b.id),
  })).filter((group) => group.tags.length > 0);
}

/** The tags in the order the review lists them, for moving the focus with the keyboard. */
export function listedOrder(tags: readonly StoredTag[]): StoredTag[] {
  return groupTags(tags).flatMap((group) => group.tags);
}

import type { MethodResultInput } from "@sichter/shared/protocol";
import type { SearchResult, StoredClip } from "../catalog/Catalog.ts";
import type { SqliteCatalog } from "../catalog/SqliteCatalog.ts";

/** Catalog search results in the protocol's shape (flat `clipId` and `file` per result). */
export function toWireSearchResults(results: readonly SearchResult[]): MethodResultInput<"catalog.search">["results"] {
  return results.map((r) => ({ clipId: r.clip.id, file: r.clip.path, score: r.score, hits: r.hits }));
}

/** One catalogued clip with what a panel shows and reviews: shots, keyframes with pictures, tags with ids. */
export function wireClip(catalog: SqliteCatalog, clip: StoredClip): MethodResultInput<"catalog.clip"> {
  return {
    clip,
    shots: catalog.shots(clip.id),
    keyframes: catalog.keyframes(clip.id).map(({ frame, timecode, thumbnail }) => ({ frame, timecode, thumbnail: thumbnailUrl(thumbnail) })),
    tags: catalog.tags(clip.id),
  };
}

/**
 * A stored thumbnail (relative to the thumbnails folder) as the path the engine serves it at.
 * Each segment is encoded: pictures of older catalogs sit in folders named after the media file,
 * which may hold any letter.
 */
export function thumbnailUrl(stored: string | null): string | null {
  if (stored === null) return null;
  return `/thumbnails/${stored.split(/[\\/]/).map(encodeURIComponent).join("/")}`;
}

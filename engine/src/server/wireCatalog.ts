import type { MethodResultInput } from "@sichter/shared/protocol";
import type { Catalog, SearchResult, StoredClip } from "../catalog/Catalog.ts";

/** Catalog search results in the protocol's shape (flat `clipId` and `file` per result). */
export function toWireSearchResults(results: readonly SearchResult[]): MethodResultInput<"catalog.search">["results"] {
  return results.map((r) => ({ clipId: r.clip.id, file: r.clip.path, score: r.score, hits: r.hits }));
}

/** One catalogued clip with what a panel shows and reviews: shots, keyframes with pictures, tags with ids. */
export async function wireClip(
  catalog: Pick<Catalog, "shots" | "keyframes" | "tags">,
  clip: StoredClip,
): Promise<MethodResultInput<"catalog.clip">> {
  const [shots, keyframes, tags] = await Promise.all([
    catalog.shots(clip.id),
    catalog.keyframes(clip.id),
    catalog.tags(clip.id),
  ]);
  return {
    clip,
    shots,
    keyframes: keyframes.map(({ frame, timecode, thumbnail }) => ({
      frame,
      timecode,
      thumbnail: thumbnailUrl(thumbnail),
    })),
    tags,
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

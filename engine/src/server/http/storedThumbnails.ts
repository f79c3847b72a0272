import type { ServerResponse } from "node:http";
import type { Catalog } from "../../catalog/Catalog.ts";
import { notFound } from "../staticFiles.ts";

/** A catalog that keeps keyframe pictures itself (the newsroom's PostgreSQL) instead of in a folder. */
export interface StoredThumbnails {
  thumbnail(name: string): Promise<Buffer | undefined>;
}

export function storesThumbnails(catalog: Catalog): catalog is Catalog & StoredThumbnails {
  return typeof (catalog as Partial<StoredThumbnails>).thumbnail === "function";
}

/**
 * Answers `/thumbnails/<name>` from the catalog: the picture a worker on another machine stored.
 * A name carries its clip and run id, so its bytes never change: the panel may keep it.
 */
export async function serveStoredThumbnail(
  catalog: StoredThumbnails,
  urlPath: string,
  res: ServerResponse,
  head: boolean,
): Promise<void> {
  let name: string;
  try {
    name = urlPath.split("/").map(decodeURIComponent).join("/");
  } catch {
    return notFound(res);
  }
  let jpeg: Buffer | undefined;
  try {
    jpeg = await catalog.thumbnail(name);
  } catch {
    res.writeHead(503, { "content-type": "text/plain; charset=utf-8" });
    res.end("catalog unavailable");
    return;
  }
  if (!jpeg) return notFound(res);
  res.writeHead(200, {
    "content-type": "image/jpeg",
    "content-length": jpeg.length,
    "x-content-type-options": "nosniff",
    "cache-control": "private, max-age=31536000, immutable",
  });
  res.end(head ? undefined : jpeg);
}

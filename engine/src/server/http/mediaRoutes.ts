import { realpathSync } from "node:fs";
import fs from "node:fs/promises";
import type http from "node:http";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { ErrorCode } from "@sichter/shared/errors";
import type { Catalog } from "../../catalog/Catalog.ts";
import { isSichterError, SichterError, toSichterError } from "../../core/SichterError.ts";
import { mediaContentType } from "../../media/browserPlayback.ts";
import type { MediaFolders } from "../../media/MediaFolders.ts";
import { tokenMatches } from "../EngineToken.ts";
import { parseByteRange } from "./byteRange.ts";

export const MEDIA_ROUTE = "/media/";

export interface MediaRouteContext {
  readonly folders: MediaFolders;
  readonly catalog: Pick<Catalog, "clip" | "findClip">;
  readonly token: string;
}

/**
 * `GET|HEAD /media/<clip id | percent-encoded path>`: the bytes of a catalogued clip or of a file
 * in an allowed media folder, with range requests (206, 416) so a `<video>` can seek. Same token
 * as the WebSocket and the thumbnails (`?token=` or `Authorization: Bearer`); anything else on the
 * machine is refused (403 MEDIA_NOT_ALLOWED) whether it exists or not.
 */
export async function serveMedia(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  context: MediaRouteContext,
): Promise<void> {
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
  if (!tokenMatches(context.token, url.searchParams.get("token") ?? bearer))
    return refuse(res, 401, ErrorCode.UNAUTHORIZED);
  let handle: fs.FileHandle | undefined;
  try {
    const file = await resolveTarget(url.pathname.slice(MEDIA_ROUTE.length), context);
    handle = await fs.open(file, "r").catch((error: unknown) => {
      throw openError(error, file);
    });
    const stat = await handle.stat();
    if (!stat.isFile()) throw new SichterError(ErrorCode.NOT_A_FILE, { path: file });
    const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
    const ifRange = req.headers["if-range"];
    // A range of an older version of the file must not be stitched onto this one: send it whole.
    const fresh = ifRange === undefined || ifRange === etag || ifRange === stat.mtime.toUTCString();
    const range = parseByteRange(fresh ? req.headers.range : undefined, stat.size);
    const headers: http.OutgoingHttpHeaders = {
      "accept-ranges": "bytes",
      "content-type": mediaContentType(file),
      "last-modified": stat.mtime.toUTCString(),
      etag,
      "cache-control": "private, no-cache",
      "x-content-type-options": "nosniff",
    };
    if (range.kind === "unsatisfiable") {
      res.writeHead(416, { ...headers, "content-range": `bytes */${stat.size}`, "content-length": 0 });
      res.end();
      return;
    }
    const start = range.kind === "partial" ? range.start : 0;
    const end = range.kind === "partial" ? range.end : stat.size - 1;
    res.writeHead(range.kind === "partial" ? 206 : 200, {
      ...headers,
      "content-length": stat.size === 0 ? 0 : end - start + 1,
      ...(range.kind === "partial" && { "content-range": `bytes ${start}-${end}/${stat.size}` }),
    });
    if (req.method === "HEAD" || stat.size === 0) {
      res.end();
      return;
    }
    const stream = handle.createReadStream({ start, end });
    handle = undefined; // the stream closes it
    // A player that seeks drops its connection mid-file: that ends the read, it is not an error.
    await pipeline(stream, res).catch(() => {});
  } catch (error) {
    const e = toSichterError(error);
    refuse(res, statusOf(e), e.code);
  } finally {
    await handle?.close();
  }
}

/** The real file a `/media/` segment names, if a panel may have it; throws SichterError otherwise. */
async function resolveTarget(segment: string, context: MediaRouteContext): Promise<string> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    throw new SichterError(ErrorCode.FILE_NOT_FOUND, { path: segment });
  }
  if (/^\d{1,15}$/.test(decoded)) return (await context.catalog.clip(Number(decoded))).path;
  try {
    return context.folders.resolve(decoded);
  } catch (error) {
    // Outside the allowed folders, a clip the catalog holds (analysed from the command line) may still be watched.
    if (!isSichterError(error, ErrorCode.MEDIA_NOT_ALLOWED)) throw error;
    const clip = await catalogued(decoded, context);
    if (clip === undefined) throw error;
    return clip;
  }
}

/** The catalog keeps real paths: a path given through a symlink is looked up by its target. */
async function catalogued(file: string, context: MediaRouteContext): Promise<string | undefined> {
  if (!path.isAbsolute(file) || file.includes("\0")) return undefined;
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return undefined;
  }
  return (await context.catalog.findClip(real))?.path;
}

function openError(error: unknown, file: string): SichterError {
  switch ((error as NodeJS.ErrnoException).code) {
    case "ENOENT":
    case "ENOTDIR":
      return new SichterError(ErrorCode.FILE_NOT_FOUND, { path: file }, { cause: error });
    case "EACCES":
    case "EPERM":
      return new SichterError(ErrorCode.PERMISSION_DENIED, { path: file }, { cause: error });
    default:
      return toSichterError(error);
  }
}

function statusOf(error: SichterError): number {
  switch (error.code) {
    case ErrorCode.MEDIA_NOT_ALLOWED:
    case ErrorCode.PERMISSION_DENIED:
      return 403;
    case ErrorCode.FILE_NOT_FOUND:
    case ErrorCode.NOT_IN_CATALOG:
    case ErrorCode.NOT_A_FILE:
      return 404;
    default:
      return 500;
  }
}

function refuse(res: http.ServerResponse, status: number, code: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { "content-type": "application/json", "x-content-type-options": "nosniff" });
  res.end(JSON.stringify({ code }));
}

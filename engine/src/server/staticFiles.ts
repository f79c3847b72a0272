import fs from "node:fs";
import type { ServerResponse } from "node:http";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".woff2": "font/woff2",
  ".map": "application/json; charset=utf-8",
};

/**
 * Sends the file `urlPath` names inside `root`, or answers 404. The path is decoded and resolved
 * first and must stay inside `root` after symlinks are followed: `..`, encoded slashes and links
 * out of the folder all end as 404, never as a file from elsewhere on the disk.
 */
export function serveFile(root: string, urlPath: string, res: ServerResponse, options: { index?: string } = {}): void {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath);
  } catch {
    return notFound(res);
  }
  if (relative.includes("\0")) return notFound(res);
  if (relative.endsWith("/") && options.index) relative += options.index;
  let file: string;
  let realRoot: string;
  try {
    realRoot = fs.realpathSync(root);
    file = fs.realpathSync(path.resolve(realRoot, `.${path.posix.normalize(`/${relative}`)}`));
  } catch {
    return notFound(res);
  }
  if (file !== realRoot && !file.startsWith(realRoot + path.sep)) return notFound(res);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return notFound(res);
  }
  if (!stat.isFile()) return notFound(res);
  res.writeHead(200, {
    "content-type": TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
    "content-length": stat.size,
    "x-content-type-options": "nosniff",
    "cache-control": "no-cache",
  });
  fs.createReadStream(file).pipe(res);
}

export function notFound(res: ServerResponse): void {
  res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
  res.end("Not found\n");
}

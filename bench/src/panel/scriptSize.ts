import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

/** The scripts a built page loads, as its `<script src>` attributes name them (relative to the page). */
export function scriptSources(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/gi)].map((match) => match[1]!);
}

/** Bytes after gzip at its highest level, as a server or a plugin package would compress the file. */
export function gzipSize(bytes: Uint8Array): number {
  return zlib.gzipSync(bytes, { level: 9 }).length;
}

export interface ScriptSize {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

/** Every script `index.html` in `dist` loads, with its size on disk and gzipped. */
export function panelScripts(dist: string): ScriptSize[] {
  const html = fs.readFileSync(path.join(dist, "index.html"), "utf8");
  return scriptSources(html).map((source) => {
    const file = path.resolve(dist, source.split(/[?#]/)[0]!);
    const bytes = fs.readFileSync(file);
    return { file: path.relative(dist, file), bytes: bytes.length, gzipBytes: gzipSize(bytes) };
  });
}

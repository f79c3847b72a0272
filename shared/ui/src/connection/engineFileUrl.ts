import type { EngineAddress } from "./engineAddress.ts";

/**
 * Where the engine serves one of its files (a keyframe thumbnail, a clip's media stream) for an
 * `<img>` or `<video>`: those cannot send an Authorization header, so the token goes into the query.
 * `path` is what the protocol gives (`/thumbnails/…`, `/media/…`), possibly with a query of its own.
 */
export function engineFileUrl(address: EngineAddress, token: string, path: string): string {
  if (!path.startsWith("/") || path.startsWith("//")) throw new RangeError(`not a path on the engine: ${path}`);
  const separator = path.includes("?") ? "&" : "?";
  return `${address.http}${path}${separator}token=${encodeURIComponent(token)}`;
}

/**
 * Which WebSocket/HTTP origins may talk to the engine. Browsers attach `Origin` to every WebSocket
 * upgrade and a page cannot forge it, so refusing web origins stops a site the editor visits from
 * driving the engine on 127.0.0.1 even if it guessed the token. Allowed:
 * - no Origin: a non-browser client (the CLI, the Resolve bridge, tests);
 * - `file://`: a CEP panel in Premiere (its pages are local files);
 * - `uxp://...` (and Premiere's UXP `plugin:` schemes): a UXP panel;
 * - the engine's own `http://127.0.0.1:PORT` / `http://localhost:PORT`: the browser panel it serves.
 * `null` is refused here: sandboxed iframes of any web page send it. A CEP panel's Chromium sends it
 * too, so the WebSocket upgrade lets `null` in only together with the right token (see
 * `isOpaqueOrigin`); plain HTTP requests from a `null` origin stay refused.
 */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined || origin === "") return true;
  const value = origin.trim().toLowerCase();
  if (value === "file://") return true;
  if (value.startsWith("uxp://") || value.startsWith("plugin:")) return true;
  return value === `http://127.0.0.1:${port}` || value === `http://localhost:${port}`;
}

/**
 * DNS rebinding defence: a web page can make its own host name resolve to 127.0.0.1, but it cannot
 * make the browser send `Host: 127.0.0.1`. Only loopback names are accepted.
 */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (host === undefined) return true;
  const value = host.toLowerCase();
  return (
    value === `127.0.0.1:${port}` || value === `localhost:${port}` || value === "127.0.0.1" || value === "localhost"
  );
}

/**
 * `Origin: null`: the origin of a page loaded from a file (Premiere's CEP panel) and of any
 * sandboxed or opaque web page alike. The origin cannot tell them apart; the token can.
 */
export function isOpaqueOrigin(origin: string | undefined): boolean {
  return origin !== undefined && origin.trim().toLowerCase() === "null";
}

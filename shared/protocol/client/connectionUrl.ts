/**
 * The engine URL with the access token as `token` query parameter: browser, CEP and UXP WebSockets
 * cannot set headers. Built by hand rather than with URL, which not every host provides.
 */
export function connectionUrl(url: string, token: string): string {
  const hashAt = url.indexOf("#");
  const base = hashAt === -1 ? url : url.slice(0, hashAt);
  const separator = base.includes("?") ? "&" : "?";
  return `${base}${separator}token=${encodeURIComponent(token)}`;
}

/**
 * A URL fit for an error message or a log: no query (API keys sometimes travel there), no fragment,
 * no user name or password. Text that does not parse as a URL is cut at the first "?" or "#" and
 * loses anything that looks like credentials before an "@".
 */
export function redactUrl(url: string | URL): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return String(url)
      .split(/[?#]/, 1)[0]!
      .replace(/\/\/[^/]*@/, "//");
  }
  parsed.username = "";
  parsed.password = "";
  parsed.search = "";
  parsed.hash = "";
  return parsed.href;
}

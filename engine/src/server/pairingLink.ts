/**
 * The one link `sichter serve` and `npm start` print: the panel's page with the token in the URL
 * fragment, the way Jupyter pairs a browser. A fragment never leaves the browser, so the token
 * reaches no request line, server log or proxy; the page reads it and removes it from the address bar.
 */
export function pairingLink(httpUrl: string, token: string): string {
  return `${httpUrl}/#token=${encodeURIComponent(token)}`;
}

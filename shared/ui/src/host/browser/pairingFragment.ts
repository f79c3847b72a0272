/** The parts of `window.location` and `window.history` pairing touches; tests pass their own. */
export interface PairingLocation {
  readonly hash: string;
  readonly pathname: string;
  readonly search: string;
}

export interface PairingHistory {
  readonly state: unknown;
  replaceState(data: unknown, unused: string, url?: string): void;
}

/**
 * The token a pairing link carries (`http://127.0.0.1:PORT/#token=…`, printed by `npm start`), taken
 * out of the address bar at once: the fragment never reached the server, and after this it is not
 * in the history, a bookmark or a screenshot either. Other fragment parameters stay.
 */
export function takePairingToken(location: PairingLocation, history: PairingHistory): string | null {
  if (!location.hash.startsWith("#")) return null;
  const params = new URLSearchParams(location.hash.slice(1));
  const token = params.get("token");
  if (token === null) return null;
  params.delete("token");
  const rest = params.toString();
  history.replaceState(history.state, "", `${location.pathname}${location.search}${rest === "" ? "" : `#${rest}`}`);
  const trimmed = token.trim();
  return trimmed === "" ? null : trimmed;
}

/** Where the engine listens: its WebSocket for the protocol and its HTTP side for health and files. */
export interface EngineAddress {
  /** e.g. ws://127.0.0.1:7431 */
  readonly ws: string;
  /** e.g. http://127.0.0.1:7431 */
  readonly http: string;
}

/**
 * The browser host's page comes from the engine itself, so the engine is the page's own origin.
 * Other hosts (file:// in CEP, UXP) get the address from their configuration instead.
 */
export function engineAddressFromOrigin(origin: string): EngineAddress {
  const match = /^(https?):\/\/([^/?#]+)$/.exec(origin.trim());
  if (!match) throw new Error(`not an http origin: ${origin}`);
  const [, scheme, host] = match;
  return { ws: `${scheme === "https" ? "wss" : "ws"}://${host}`, http: `${scheme}://${host}` };
}

/** The default engine port; the same number the engine documents. */
export const DEFAULT_ENGINE_ADDRESS: EngineAddress = { ws: "ws://127.0.0.1:7431", http: "http://127.0.0.1:7431" };

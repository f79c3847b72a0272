import type { EngineInfoResult } from "@sichter/shared/protocol";

/**
 * What the panel tells the user about its engine connection; each kind has its own designed view.
 * `needs-token`: no pairing link was opened yet. `not-running`: nothing answers at the address (the
 * panel keeps trying). `wrong-token`: the engine runs but refused the token (the panel stops until
 * it gets a new one). `incompatible`: the engine speaks another protocol version.
 */
export type ConnectionStatus =
  | { readonly kind: "needs-token" }
  | { readonly kind: "connecting" }
  | { readonly kind: "connected"; readonly engine: EngineInfoResult }
  | { readonly kind: "reconnecting" }
  | { readonly kind: "not-running" }
  | { readonly kind: "wrong-token" }
  | {
      readonly kind: "incompatible";
      readonly engineVersion: string;
      readonly engineProtocol: number;
      readonly panelProtocol: number;
    };

export type ConnectionKind = ConnectionStatus["kind"];

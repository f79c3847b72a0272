/**
 * The one source of Sichter's Premiere Pro plugin identity and host requirements. Both host
 * manifests (UXP manifest.json, CEP CSXS/manifest.xml) are rendered from it; never edit the
 * generated files.
 */
export const PREMIERE_PLUGIN = {
  /** Stable forever: Premiere keys installed plugins, their storage and updates by it. */
  uxpId: "com.sichter.premiere",
  cepBundleId: "com.sichter.premiere.cep",
  cepPanelId: "com.sichter.premiere.cep.panel",
  name: "Sichter",
  version: "0.1.0",
  /** The engine's loopback port: the only place the panel connects to. */
  enginePort: 7431,
  /** UXP carries the panel from Premiere 25.6 on (manifest v5, the version Premiere reads). */
  uxpMinVersion: "25.6.0",
  /** CEP serves Premiere 25.0 up to the last 25.5 patch release. */
  cepHostRange: { from: "25.0", to: "25.5.99" },
  /** Premiere 25 ships CEP 12. */
  cepRuntime: "12.0",
  panelSize: { width: 320, height: 640, minWidth: 240, minHeight: 320 },
} as const;

/** The two origins the panel may reach: the engine's WebSocket and its HTTP server, by IP (see README). */
export function engineOrigins(port: number = PREMIERE_PLUGIN.enginePort): string[] {
  return [`ws://127.0.0.1:${port}`, `http://127.0.0.1:${port}`];
}

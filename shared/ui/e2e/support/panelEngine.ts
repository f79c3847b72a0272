import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startEngine, type EngineProcess } from "../../../../engine/test/engineProcess.ts";

/** The built panel (npm run build:panel); the e2e script builds it first. */
export const PANEL_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist");

export interface PanelEngine extends EngineProcess {
  readonly home: string;
  /** What `npm start` prints: the panel's page with the token in the fragment. */
  readonly pairingLink: string;
  readonly pageUrl: string;
  stop(): Promise<void>;
}

/** A real `sichter serve` serving the built panel, with its own temporary SICHTER_HOME. */
export async function startPanelEngine(extraArgs: string[] = [], home?: string): Promise<PanelEngine> {
  if (!fs.existsSync(path.join(PANEL_DIST, "index.html"))) {
    throw new Error(
      `The panel is not built (${PANEL_DIST}): run npm run build:panel, or npm run test:e2e which builds it.`,
    );
  }
  const folder = home ?? fs.mkdtempSync(path.join(os.tmpdir(), "sichter-panel-e2e-"));
  const engine = await startEngine(folder, ["--panel", PANEL_DIST, ...extraArgs]);
  const pageUrl = `http://127.0.0.1:${engine.port}/`;
  return {
    ...engine,
    home: folder,
    pageUrl,
    pairingLink: `${pageUrl}#token=${encodeURIComponent(engine.token)}`,
    async stop() {
      if (engine.child.exitCode === null && engine.child.signalCode === null) engine.child.kill("SIGTERM");
      await engine.exited;
    },
  };
}

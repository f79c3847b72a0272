// The plugin's main.js as Resolve runs it (built into one CommonJS file in the plugin folder):
// Resolve's Electron provides "electron"; WorkflowIntegration.node sits next to main.js.
import path from "node:path";
import WebSocket from "ws";
import type { WebSocketConstructor } from "@sichter/shared/protocol";
import type { ElectronMain } from "./ElectronSeam.ts";
import { startPlugin } from "./startPlugin.ts";
import type { WorkflowIntegrationModule } from "./WorkflowIntegrationModule.ts";

declare const __dirname: string;

// Resolve loads this as CommonJS inside its Electron: require is the only way in.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const electron = require("electron") as ElectronMain & {
  dialog?: { showErrorBox(title: string, content: string): void };
};

startPlugin({
  electron,
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a native addon beside the plugin
  loadWorkflowIntegration: () => require(path.join(__dirname, "WorkflowIntegration.node")) as WorkflowIntegrationModule,
  pluginDir: __dirname,
  WebSocket: WebSocket as unknown as WebSocketConstructor,
  log: (message) => console.warn(`Sichter: ${message}`),
}).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  electron.dialog?.showErrorBox("Sichter", message);
  electron.app.quit();
});

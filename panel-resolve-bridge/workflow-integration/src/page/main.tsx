// The plugin's page: the shared Sichter panel with the Resolve HostAdapter. Resolve and the engine
// are reached only through the preload's bridge; the main process holds the engine's WebSocket.
import { ResolveHostAdapter } from "@sichter/resolve-adapter";
import { App } from "@sichter/ui/src/app/App.tsx";
import { createPanel } from "@sichter/ui/src/app/Panel.ts";
import { DEFAULT_ENGINE_ADDRESS } from "@sichter/ui/src/connection/engineAddress.ts";
import { EngineConnection } from "@sichter/ui/src/connection/EngineConnection.ts";
import { storageTokenStore, type KeyValueStorage } from "@sichter/ui/src/connection/TokenStore.ts";
import type { UiLocale } from "@sichter/ui/src/host/HostAdapter.ts";
import "@sichter/ui/src/theme/panel.css";
import { createRoot } from "react-dom/client";
import { BRIDGE_KEY, type SichterResolveBridge } from "../preload/exposeBridge.ts";
import { bridgeTransport } from "./bridgeTransport.ts";
import { ipcResolveCalls, unwrap } from "./ipcResolveCalls.ts";

async function start(root: HTMLElement): Promise<void> {
  const bridge = (window as unknown as Record<string, SichterResolveBridge | undefined>)[BRIDGE_KEY];
  if (!bridge) {
    root.textContent =
      "Sichter: the plugin's preload is missing (open the panel from Workspace > Workflow Integrations).";
    return;
  }
  const locale = await unwrap<UiLocale>(bridge.locale()).catch((): UiLocale => "de");
  const connection = new EngineConnection({
    // Unused by the bridge transport: the main process finds the engine's address and token itself.
    address: DEFAULT_ENGINE_ADDRESS,
    tokens: storageTokenStore(null),
    transport: bridgeTransport(bridge.engine),
    // A refused upgrade is the main process's business (it rereads the token); here the engine is away.
    reachable: async () => false,
  });
  const host = new ResolveHostAdapter(ipcResolveCalls(bridge), locale);
  const panel = createPanel(host, connection, localStorageOrNull());
  connection.start();
  createRoot(root).render(<App panel={panel} initialLocale={locale} />);
}

function localStorageOrNull(): KeyValueStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

void start(document.getElementById("root")!);

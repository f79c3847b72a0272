import { createRoot } from "react-dom/client";
import { App } from "./app/App.tsx";
import { createPanel } from "./app/Panel.ts";
import { DEFAULT_ENGINE_ADDRESS, engineAddressFromOrigin, type EngineAddress } from "./connection/engineAddress.ts";
import { EngineConnection } from "./connection/EngineConnection.ts";
import { engineReachable } from "./connection/engineReachable.ts";
import { storageTokenStore, type KeyValueStorage } from "./connection/TokenStore.ts";
import { BrowserHostAdapter } from "./host/browser/BrowserHostAdapter.ts";
import { takePairingToken } from "./host/browser/pairingFragment.ts";
import { FrameFocus } from "./state/frameFocus/FrameFocus.ts";
import "./theme/panel.css";

// The browser host: the page the engine serves at http://127.0.0.1:PORT/.
const storage = localStorageOrNull();
const tokens = storageTokenStore(storage);
const paired = takePairingToken(window.location, window.history);
if (paired !== null) tokens.set(paired);

const address = addressOfThisPage();
const connection = new EngineConnection({
  address,
  tokens,
  WebSocket: window.WebSocket,
  reachable: () => engineReachable((url, init) => window.fetch(url, init), address.http),
});
// The page is its own viewer: the host's reveal asks the clip view for the frame.
const frameFocus = new FrameFocus();
const host = new BrowserHostAdapter(window, () => connection, storage, frameFocus);
const panel = createPanel(host, connection, storage, frameFocus);
connection.start();

// The language chosen before the panel had settings becomes the setting, once.
const LEGACY_LOCALE_KEY = "sichter.locale";
const legacy = safely(() => storage?.getItem(LEGACY_LOCALE_KEY) ?? null);
if ((legacy === "de" || legacy === "en") && panel.settings.state.get().uiLocale === null)
  panel.settings.update({ uiLocale: legacy });
safely(() => storage?.removeItem(LEGACY_LOCALE_KEY));

createRoot(document.getElementById("root")!).render(<App panel={panel} initialLocale={host.locale()} />);

function addressOfThisPage(): EngineAddress {
  try {
    return engineAddressFromOrigin(window.location.origin);
  } catch {
    // Opened from a file (a developer's preview): the engine's default address.
    return DEFAULT_ENGINE_ADDRESS;
  }
}

function localStorageOrNull(): KeyValueStorage | null {
  return safely(() => window.localStorage) ?? null;
}

function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

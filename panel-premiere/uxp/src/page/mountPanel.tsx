import { createRoot } from "react-dom/client";
import { App } from "@sichter/ui/src/app/App.tsx";
import { createPanel, type Panel } from "@sichter/ui/src/app/Panel.ts";
import { DEFAULT_ENGINE_ADDRESS } from "@sichter/ui/src/connection/engineAddress.ts";
import { EngineConnection } from "@sichter/ui/src/connection/EngineConnection.ts";
import { type FetchLike, engineReachable } from "@sichter/ui/src/connection/engineReachable.ts";
import { type KeyValueStorage, storageTokenStore } from "@sichter/ui/src/connection/TokenStore.ts";
import type { HostAdapter } from "@sichter/ui/src/host/HostAdapter.ts";
import "@sichter/ui/src/theme/panel.css";

/** What a Premiere page (UXP or CEP) hands over: its host adapter and the page's globals. */
export interface PremierePage {
  readonly host: HostAdapter;
  readonly root: HTMLElement;
  /** localStorage (UXP and CEP both have it): the pasted token and the settings are kept there. */
  readonly storage: KeyValueStorage | null;
  readonly WebSocket: typeof WebSocket;
  readonly fetch: FetchLike;
}

/**
 * Mounts the shared panel in Premiere the way the browser host mounts it, with the Premiere adapter.
 * The engine is always at its default loopback address (the only origins the manifests allow); the
 * token is pasted once in the panel and kept in the page's storage.
 */
export function mountPanel(page: PremierePage): Panel {
  const address = DEFAULT_ENGINE_ADDRESS;
  const connection = new EngineConnection({
    address,
    tokens: storageTokenStore(page.storage),
    WebSocket: page.WebSocket,
    reachable: () => engineReachable(page.fetch, address.http),
  });
  const panel = createPanel(page.host, connection, page.storage);
  connection.start();
  createRoot(page.root).render(<App panel={panel} initialLocale={page.host.locale()} />);
  return panel;
}

/** Storage that may be switched off by a policy: the panel then keeps things for this session only. */
export function localStorageOrNull(read: () => KeyValueStorage): KeyValueStorage | null {
  try {
    return read();
  } catch {
    return null;
  }
}

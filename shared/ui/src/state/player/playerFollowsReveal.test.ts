import { type WebSocketConstructor } from "@sichter/shared/protocol";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { fakeBrowserEnvironment } from "../../../test/fakeBrowserEnvironment.ts";
import { createPanel } from "../../app/Panel.ts";
import { EngineConnection } from "../../connection/EngineConnection.ts";
import { storageTokenStore } from "../../connection/TokenStore.ts";
import { BrowserHostAdapter } from "../../host/browser/BrowserHostAdapter.ts";
import { clipFromPath } from "../../host/ClipReference.ts";
import { FrameFocus } from "../frameFocus/FrameFocus.ts";

const cleanup: (() => unknown)[] = [];
afterEach(() => {
  for (const step of cleanup.splice(0).reverse()) step();
});

describe("the panel's player", () => {
  it("goes to the frame the host's reveal asks for (a search result opened), each time it is asked", async () => {
    const connection = new EngineConnection({
      address: { ws: "ws://127.0.0.1:9", http: "http://127.0.0.1:9" },
      tokens: storageTokenStore(null),
      WebSocket: WebSocket as unknown as WebSocketConstructor,
      reachable: () => Promise.resolve(false),
    });
    const frameFocus = new FrameFocus();
    const host = new BrowserHostAdapter(fakeBrowserEnvironment("de", false), () => connection, null, frameFocus);
    const panel = createPanel(host, connection, null, frameFocus);
    cleanup.push(() => panel.dispose());

    await host.reveal(clipFromPath("/m/Landtag.mp4"), 312);
    expect(panel.player.state.get().seek).toMatchObject({ path: "/m/Landtag.mp4", frame: 312 });
    const first = panel.player.state.get().seek!.serial;
    await host.reveal(clipFromPath("/m/Landtag.mp4"), 312);
    expect(panel.player.state.get().seek!.serial).toBeGreaterThan(first);
  });
});

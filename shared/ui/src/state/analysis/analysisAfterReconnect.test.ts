import { type WebSocketConstructor } from "@sichter/shared/protocol";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { jobFixture } from "../../../../protocol/test/wireFixtures.ts";
import { FakeEngineServer } from "../../../test/FakeEngineServer.ts";
import { waitUntil } from "../../../test/waitUntil.ts";
import { createPanel } from "../../app/Panel.ts";
import { EngineConnection } from "../../connection/EngineConnection.ts";
import { engineReachable } from "../../connection/engineReachable.ts";
import { storageTokenStore } from "../../connection/TokenStore.ts";
import { BrowserHostAdapter } from "../../host/browser/BrowserHostAdapter.ts";
import { fakeBrowserEnvironment } from "../../../test/fakeBrowserEnvironment.ts";

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

describe("an analysis across a reconnect", () => {
  it("hears the job's end on the new connection (the engine only tells connections that follow the job)", async () => {
    const server = await FakeEngineServer.start();
    cleanup.push(() => server.stop());
    const running = { ...jobFixture, id: "j1", clipPath: "/m/a.mov", state: "running", stage: "shots", fraction: 0.3 };
    server.handlers.set("clip.analyze", () => ({ jobId: "j1", joined: false }));
    server.handlers.set("job.subscribe", () => running);
    server.handlers.set("catalog.clip", () => {
      throw new Error("not needed here");
    });
    const tokens = storageTokenStore(null);
    tokens.set(server.token);
    const connection = new EngineConnection({
      address: server.address,
      tokens,
      WebSocket: WebSocket as unknown as WebSocketConstructor,
      reachable: () => engineReachable(fetch, server.address.http),
      retry: { initialDelayMs: 10, maxDelayMs: 40 },
    });
    const panel = createPanel(
      new BrowserHostAdapter(fakeBrowserEnvironment("de", false), () => connection),
      connection,
    );
    cleanup.push(() => panel.dispose());
    connection.start();
    await waitUntil(() => connection.status.get().kind === "connected", "connected");

    await panel.analysis.analyze({ path: "/m/a.mov", language: "de" });
    server.notifyJob("job.progress", { jobId: "j1", stage: "ocr", fraction: 0.5 });
    await waitUntil(
      () =>
        panel.analysis.state.get().phase === "running" &&
        (panel.analysis.state.get() as { stage: string }).stage === "ocr",
      "ocr",
    );

    server.dropAll();
    await waitUntil(() => connection.status.get().kind === "reconnecting", "reconnecting");
    await waitUntil(() => connection.status.get().kind === "connected", "connected again");
    await waitUntil(
      () => server.received.filter((r) => r.method === "job.subscribe").length >= 2,
      "the re-sync after the reconnect",
    );

    server.notifyJob("job.done", { jobId: "j1", job: { ...running, state: "completed", stage: null, fraction: 1 } });
    await waitUntil(() => panel.analysis.state.get().phase === "completed", "completed", 2000);
    expect(panel.analysis.state.get()).toEqual({ phase: "completed", path: "/m/a.mov", jobId: "j1" });
  });
});

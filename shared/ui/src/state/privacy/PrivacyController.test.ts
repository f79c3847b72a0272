import { ErrorCode, SichterClient, SichterRpcError, type WebSocketConstructor } from "@sichter/shared/protocol";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { FakeEngineServer } from "../../../test/FakeEngineServer.ts";
import { cloudProvidersOn, PrivacyController } from "./PrivacyController.ts";

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function setup(): Promise<{ server: FakeEngineServer; privacy: PrivacyController }> {
  const server = await FakeEngineServer.start();
  cleanup.push(() => server.stop());
  const client = new SichterClient({
    url: server.address.ws,
    token: server.token,
    WebSocket: WebSocket as unknown as WebSocketConstructor,
    reconnect: false,
  });
  cleanup.push(() => client.dispose());
  return { server, privacy: new PrivacyController(client) };
}

const openai = { id: "sichter.openai-vision", title: "OpenAI-compatible vision model", cloud: true, enabled: true };
const thesaurus = { id: "newsroom.thesaurus", title: "Thesaurus", cloud: false, enabled: true };
const images = {
  maxLongSide: 512,
  format: "jpeg",
  contactSheets: { enabled: true, tilesPerSheet: 9 },
  duplicateBits: 10,
};

describe("PrivacyController", () => {
  it("shows the engine's mode, providers and outbound image limits from privacy.settings", async () => {
    const { server, privacy } = await setup();
    server.handlers.set("privacy.settings", () => ({ mode: "cloud", providers: [openai, thesaurus], images }));
    await privacy.load();
    const state = privacy.state.get();
    expect(state).toMatchObject({ load: "loaded", mode: "cloud", images, error: null });
    expect(cloudProvidersOn(state)).toEqual([openai]);
  });

  it("falls back to engine.info's privacy for an engine without privacy.settings, with no image limits to show", async () => {
    const { privacy } = await setup();
    await privacy.load();
    expect(privacy.state.get()).toEqual({
      load: "loaded",
      mode: "local-only",
      providers: [],
      images: null,
      error: null,
    });
  });

  it("keeps the engine's error code (a broken privacy.json) for the view to explain", async () => {
    const { server, privacy } = await setup();
    server.handlers.set("privacy.settings", () => {
      throw SichterRpcError.of(ErrorCode.CONFIG_INVALID, { file: "privacy.json", detail: "maxLongSide: too big" });
    });
    await privacy.load();
    expect(privacy.state.get()).toMatchObject({ load: "failed", error: { code: ErrorCode.CONFIG_INVALID } });
  });
});

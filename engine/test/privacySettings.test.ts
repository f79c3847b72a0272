import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SichterClient } from "@sichter/shared/protocol";
import { startEngineWithClient, stopEngineWithClient, type EngineProcess } from "./engineProcess.ts";
import { makeTempDir } from "./fixtures.ts";

const home = makeTempDir("sichter-privacy-settings-");
const privacyFile = path.join(home, "config", "privacy.json");
let engine: EngineProcess;
let client: SichterClient;

beforeAll(async () => {
  ({ engine, client } = await startEngineWithClient(home));
}, 60_000);
afterAll(async () => {
  await stopEngineWithClient(engine, client);
  fs.rmSync(home, { recursive: true, force: true });
});

describe("privacy.settings", () => {
  it("tells what would leave the machine before anything does: local-only, every provider, images at most 768 px", async () => {
    const answer = await client.request("privacy.settings", {});
    expect(answer.mode).toBe("local-only");
    expect(answer.providers).toEqual(
      expect.arrayContaining([
        { id: "sichter.openai-vision", title: "OpenAI-compatible vision model", cloud: true, enabled: false },
      ]),
    );
    expect(answer.images).toEqual({
      maxLongSide: 768,
      format: "jpeg",
      contactSheets: { enabled: true, tilesPerSheet: 9 },
      duplicateBits: 10,
    });
  });

  it("reads the user's privacy.json at each call, so a smaller image size shows at once", async () => {
    fs.writeFileSync(privacyFile, JSON.stringify({ maxLongSide: 512, contactSheets: { enabled: false } }));
    try {
      const { images } = await client.request("privacy.settings", {});
      expect(images).toMatchObject({ maxLongSide: 512, contactSheets: { enabled: false, tilesPerSheet: 9 } });
    } finally {
      fs.rmSync(privacyFile, { force: true });
    }
  });

  it("answers a broken privacy.json with CONFIG_INVALID naming the field, never the defaults", async () => {
    fs.writeFileSync(privacyFile, JSON.stringify({ maxLongSide: 4000 }));
    try {
      const failure = await client.request("privacy.settings", {}).then(
        () => null,
        (error: { code: string; message: string }) => error,
      );
      expect(failure?.code).toBe("SICHTER_E_CONFIG_INVALID");
      expect(failure?.message).toContain("maxLongSide");
    } finally {
      fs.rmSync(privacyFile, { force: true });
    }
  });
});

import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { ExtensionContext, SichterApi } from "@sichter/engine/extension-api";
import { readManifest, validateConfiguration } from "../../src/extensionHost/manifest/index.ts";
import { ENGINE_VERSION } from "../../src/version.ts";
import { activate } from "./extension.ts";

const folder = path.dirname(fileURLToPath(import.meta.url));

describe("openai-vision extension", () => {
  it("has a manifest the engine accepts, declaring a cloud provider for de and en", () => {
    const result = readManifest(folder, ENGINE_VERSION);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.id).toBe("sichter.openai-vision");
    expect(result.manifest.sichter.main).toBe("extension.ts");
    expect(result.manifest.sichter.contributes.keywordProviders).toEqual([
      expect.objectContaining({ id: "sichter.openai-vision", languages: ["de", "en"], cloud: true }),
    ]);
  });

  it("declares the settings with their defaults; the key variable is an env setting", () => {
    const result = readManifest(folder, ENGINE_VERSION);
    if (!result.ok) throw new Error(result.error.message);
    const configuration = result.manifest.sichter.contributes.configuration!;
    expect(Object.keys(configuration.properties).sort()).toEqual([
      "apiKey",
      "apiKeyEnv",
      "baseUrl",
      "detail",
      "maxKeywords",
      "model",
    ]);
    expect(configuration.properties.apiKeyEnv!.format).toBe("env");
    expect(configuration.properties.baseUrl!.format).toBe("uri");
    expect(validateConfiguration(configuration, { model: "gpt-4o-mini" })).toEqual({
      ok: true,
      values: {
        baseUrl: "https://api.openai.com/v1",
        model: "gpt-4o-mini",
        apiKeyEnv: "OPENAI_API_KEY",
        maxKeywords: 10,
        detail: "low",
      },
    });
    expect(validateConfiguration(configuration, { detail: "medium" }).ok).toBe(false);
  });

  it("registers its provider under the contribution id", () => {
    const registered: [string, unknown][] = [];
    const context = { subscriptions: [], log: { info() {}, warn() {}, error() {} } } as unknown as ExtensionContext;
    const api = {
      keywordProviders: {
        register: (id: string, provider: unknown) => (registered.push([id, provider]), { dispose() {} }),
      },
    } as unknown as SichterApi;
    activate(context, api);
    expect(registered.map(([id]) => id)).toEqual(["sichter.openai-vision"]);
    expect(registered[0]![1]).toMatchObject({ id: "sichter.openai-vision", provideKeywords: expect.any(Function) });
    expect(context.subscriptions).toHaveLength(1);
  });
});

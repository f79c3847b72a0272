import { describe, expect, it } from "vitest";
import { ErrorCode } from "@sichter/shared/errors";
import { resolveApiKey } from "./resolveApiKey.ts";

const settings = { apiKey: undefined, apiKeyEnv: "OPENAI_API_KEY" };

describe("resolveApiKey", () => {
  it("prefers the apiKey setting, else reads the named variable", () => {
    expect(resolveApiKey("p.x", { ...settings, apiKey: " sk-from-settings " }, { OPENAI_API_KEY: "sk-env" })).toBe(
      "sk-from-settings",
    );
    expect(resolveApiKey("p.x", settings, { OPENAI_API_KEY: "sk-env\n" })).toBe("sk-env");
    expect(resolveApiKey("p.x", { ...settings, apiKeyEnv: "NEWSROOM_KEY" }, { NEWSROOM_KEY: "sk-newsroom" })).toBe(
      "sk-newsroom",
    );
  });

  it("names the variable when the key is missing, never a key", () => {
    expect(() => resolveApiKey("p.x", settings, {})).toThrow(
      expect.objectContaining({
        code: ErrorCode.PROVIDER_NOT_CONFIGURED,
        params: { provider: "p.x", detail: expect.stringMatching(/environment variable OPENAI_API_KEY/) },
      }),
    );
    expect(() => resolveApiKey("p.x", settings, { OPENAI_API_KEY: "   " })).toThrow(/OPENAI_API_KEY/);
  });

  it("refuses keys that would break the header, without echoing them", () => {
    let message = "";
    try {
      resolveApiKey("p.x", settings, { OPENAI_API_KEY: "sk-secret\r\nX-Evil: 1" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/control characters/);
    expect(message).not.toContain("sk-secret");
  });

  it("never reads Sichter's own variables", () => {
    expect(() => resolveApiKey("p.x", { ...settings, apiKeyEnv: "SICHTER_TOKEN" }, { SICHTER_TOKEN: "t" })).toThrow(
      /Sichter's own variables/,
    );
  });
});

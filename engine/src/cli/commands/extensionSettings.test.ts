import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../../../test/fixtures.ts";
import { runCli } from "../../../test/runCli.ts";

const home = makeTempDir("sichter-extension-settings-");
const env = { SICHTER_HOME: home };
const stateFile = path.join(home, "config", "extensions.json");
const saved = (): Record<string, unknown> =>
  (JSON.parse(fs.readFileSync(stateFile, "utf8")) as { settings: Record<string, Record<string, unknown>> }).settings[
    "sichter.openai-vision"
  ] ?? {};
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

describe("sichter extensions set | unset | settings", () => {
  it("sets a setting typed by the manifest, and shows it with the defaults", async () => {
    expect((await runCli(["extensions", "set", "sichter.openai-vision", "model", "gpt-4o-mini"], { env })).code).toBe(
      0,
    );
    expect((await runCli(["extensions", "set", "sichter.openai-vision", "maxKeywords", "12"], { env })).code).toBe(0);
    expect(saved()).toEqual({ model: "gpt-4o-mini", maxKeywords: 12 });
    const shown = JSON.parse(
      (await runCli(["extensions", "settings", "sichter.openai-vision", "--json"], { env })).stdout,
    ) as { settings: Array<{ key: string; value: unknown; set: boolean }> };
    expect(shown.settings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: "model", value: "gpt-4o-mini", set: true }),
        expect.objectContaining({ key: "maxKeywords", value: 12, set: true }),
        expect.objectContaining({ key: "detail", value: "low", set: false }),
      ]),
    );
  });

  it("refuses a value the manifest does not allow, and an unknown setting, without touching the file", async () => {
    const before = fs.readFileSync(stateFile, "utf8");
    const tooMany = await runCli(["extensions", "set", "sichter.openai-vision", "maxKeywords", "99"], { env });
    expect(tooMany.code).toBe(2);
    expect(tooMany.stderr).toContain("maxKeywords");
    const unknown = await runCli(["extensions", "set", "sichter.openai-vision", "colour", "red"], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("baseUrl, model");
    const wrongType = await runCli(["extensions", "set", "sichter.openai-vision", "maxKeywords", "many"], { env });
    expect(wrongType.code).toBe(2);
    expect(fs.readFileSync(stateFile, "utf8")).toBe(before);
  });

  it("never shows a key back, and unset returns a setting to its default", async () => {
    expect(
      (await runCli(["extensions", "set", "sichter.openai-vision", "apiKey", "sk-secret-value-123"], { env })).code,
    ).toBe(0);
    const listed = await runCli(["extensions", "settings", "sichter.openai-vision"], { env });
    expect(listed.stdout).not.toContain("sk-secret");
    expect(listed.stdout).toContain('apiKeyEnv = "OPENAI_API_KEY"');
    expect((await runCli(["extensions", "unset", "sichter.openai-vision", "apiKey"], { env })).code).toBe(0);
    expect(saved()).toEqual({ model: "gpt-4o-mini", maxKeywords: 12 });
  });
});

describe("settings that no longer fit", () => {
  it("can be repaired with unset, although they keep the extension from loading", async () => {
    const state = JSON.parse(fs.readFileSync(stateFile, "utf8")) as {
      settings: Record<string, Record<string, unknown>>;
    };
    state.settings["sichter.openai-vision"] = { ...state.settings["sichter.openai-vision"], detail: "ultra" };
    fs.writeFileSync(stateFile, JSON.stringify(state));
    const listed = await runCli(["extensions", "list"], { env });
    expect(listed.stderr).toContain("detail");
    expect((await runCli(["extensions", "unset", "sichter.openai-vision", "detail"], { env })).code).toBe(0);
    expect(saved()).toEqual({ model: "gpt-4o-mini", maxKeywords: 12 });
    expect((await runCli(["extensions", "list"], { env })).stderr).not.toContain("detail");
  });
});

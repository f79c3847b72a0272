import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ErrorCode } from "@sichter/shared/errors";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SichterError } from "../../core/SichterError.ts";
import { MAX_LONG_SIDE } from "./imageLimits.ts";
import { loadPrivacySettings, PrivacySettings, privacySettingsPath } from "./PrivacySettings.ts";

function refusal(configDir: string): SichterError {
  try {
    loadPrivacySettings(configDir);
  } catch (error) {
    expect(error).toBeInstanceOf(SichterError);
    return error as SichterError;
  }
  throw new Error("expected loadPrivacySettings to refuse the file");
}

describe("loadPrivacySettings", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "sichter-privacy-settings-"));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const write = (text: string) => fs.writeFileSync(privacySettingsPath(dir), text);

  it("gives the defaults when the file is missing", () => {
    expect(fs.existsSync(privacySettingsPath(dir))).toBe(false);
    const settings = loadPrivacySettings(dir);
    expect(settings).toEqual({
      maxLongSide: MAX_LONG_SIDE,
      contactSheets: { enabled: true, tilesPerSheet: 9 },
      duplicateBits: 10,
      concurrency: 2,
      requestTimeoutSeconds: 60,
    });
    expect(settings.maxLongSide).toBe(768);
    expect(settings.caFile).toBeUndefined();
  });

  it("reads a valid file and fills in what it leaves out", () => {
    write(JSON.stringify({ maxLongSide: 512, contactSheets: { tilesPerSheet: 4 }, concurrency: 1 }));
    expect(loadPrivacySettings(dir)).toEqual({
      maxLongSide: 512,
      contactSheets: { enabled: true, tilesPerSheet: 4 },
      duplicateBits: 10,
      concurrency: 1,
      requestTimeoutSeconds: 60,
    });
  });

  it("refuses maxLongSide 1024 (above the design's 768) with CONFIG_INVALID naming the field", () => {
    write(JSON.stringify({ maxLongSide: 1024 }));
    const e = refusal(dir);
    expect(e.code).toBe(ErrorCode.CONFIG_INVALID);
    expect(String(e.params.detail)).toMatch(/^maxLongSide: /);
    expect(e.params.file).toBe(privacySettingsPath(dir));
  });

  it("names a nested field by its path", () => {
    write(JSON.stringify({ contactSheets: { tilesPerSheet: 100 } }));
    const e = refusal(dir);
    expect(e.code).toBe(ErrorCode.CONFIG_INVALID);
    expect(String(e.params.detail)).toMatch(/^contactSheets\.tilesPerSheet: /);
  });

  it("refuses a file that is not JSON with CONFIG_INVALID, not the defaults", () => {
    write("maxLongSide = 512\n");
    const e = refusal(dir);
    expect(e.code).toBe(ErrorCode.CONFIG_INVALID);
    expect(String(e.params.detail)).toMatch(/^not JSON: /);
  });

  it("refuses an unknown key (a typo must not silently mean the default)", () => {
    write(JSON.stringify({ maxLongSide: 512, maxLongSize: 256 }));
    const e = refusal(dir);
    expect(e.code).toBe(ErrorCode.CONFIG_INVALID);
    expect(String(e.params.detail)).toContain("maxLongSize");
  });

  it("refuses an unknown key inside contactSheets too", () => {
    write(JSON.stringify({ contactSheets: { enabled: false, columns: 3 } }));
    const e = refusal(dir);
    expect(e.code).toBe(ErrorCode.CONFIG_INVALID);
    expect(String(e.params.detail)).toContain("columns");
  });

  it("refuses a JSON value that is not an object", () => {
    write("[]");
    expect(refusal(dir).code).toBe(ErrorCode.CONFIG_INVALID);
  });
});

describe("PrivacySettings schema", () => {
  it("allows only long sides from 16 to 768", () => {
    expect(PrivacySettings.safeParse({ maxLongSide: 16 }).success).toBe(true);
    expect(PrivacySettings.safeParse({ maxLongSide: 768 }).success).toBe(true);
    expect(PrivacySettings.safeParse({ maxLongSide: 15 }).success).toBe(false);
    expect(PrivacySettings.safeParse({ maxLongSide: 769 }).success).toBe(false);
    expect(PrivacySettings.safeParse({ maxLongSide: 300.5 }).success).toBe(false);
  });
});

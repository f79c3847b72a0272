import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../../test/fixtures.ts";
import { ENGINE_VERSION } from "../version.ts";
import { ExtensionRegistry } from "./ExtensionRegistry.ts";
import { BUILTIN_EXTENSIONS_DIR, extensionDirs } from "./extensionDirs.ts";

const dir = makeTempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("preparing contributions", () => {
  it("starts exactly the contribution's extension, once, however often it is prepared", async () => {
    const activations: string[] = [];
    const registry = ExtensionRegistry.load({
      builtinDirs: [BUILTIN_EXTENSIONS_DIR],
      ...extensionDirs({ SICHTER_HOME: path.join(dir, "home") }),
      engineVersion: ENGINE_VERSION,
      // The registry logs every process it starts.
      log: (_level, message) => void (message.startsWith("activating extension") && activations.push(message)),
    });
    try {
      const xmp = registry.tagWriters().find((w) => w.id === "sichter.xmp")!;
      const cues = registry.analyzers().find((a) => a.id === "sichter.cues")!;
      expect(registry.activated).toEqual([]);
      await Promise.all([xmp.prepare!(), xmp.prepare!(), cues.prepare!()]);
      expect(registry.activated.sort()).toEqual(["sichter.cues", "sichter.xmp"]);
      await xmp.prepare!();
      expect(activations.sort()).toEqual(["activating extension sichter.cues", "activating extension sichter.xmp"]);
    } finally {
      await registry.stop();
    }
  }, 60_000);

  it("built-in OCR and cues start on shots, motion waits for keyframes (its bursts come from the keyframe step)", () => {
    const registry = ExtensionRegistry.load({
      builtinDirs: [BUILTIN_EXTENSIONS_DIR],
      ...extensionDirs({ SICHTER_HOME: path.join(dir, "home") }),
      engineVersion: ENGINE_VERSION,
    });
    const startsAfter = Object.fromEntries(registry.analyzers().map((a) => [a.id, a.startsAfter]));
    expect(startsAfter).toEqual({ "sichter.cues": "shots", "sichter.motion": "keyframes", "sichter.ocr": "shots" });
  });
});

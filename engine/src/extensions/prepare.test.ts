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
    const registry = ExtensionRegistry.load({
      builtinDirs: [BUILTIN_EXTENSIONS_DIR],
      ...extensionDirs({ SICHTER_HOME: path.join(dir, "home") }),
      engineVersion: ENGINE_VERSION,
    });
    try {
      const catalog = registry.tagWriters().find((w) => w.id === "sichter.catalog")!;
      const cues = registry.analyzers().find((a) => a.id === "sichter.cues")!;
      expect(registry.activated).toEqual([]);
      await Promise.all([catalog.prepare!(), catalog.prepare!(), cues.prepare!()]);
      expect(registry.activated.sort()).toEqual(["sichter.catalog", "sichter.cues"]);
      await catalog.prepare!();
      expect(registry.activated).toHaveLength(2);
    } finally {
      await registry.stop();
    }
  }, 60_000);
});

import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../../test/fixtures.ts";
import { SqliteCatalog } from "./SqliteCatalog.ts";
import { ANALYZERS, makeTag, makeTagSet } from "../../test/support/tagSetFixture.ts";

const root = makeTempDir("sichter-catalog-concurrent-");
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("concurrent access", () => {
  it("a reader on another connection sees each commit and is not blocked by the writer", async () => {
    const file = path.join(root, "catalog.sqlite");
    const writer = SqliteCatalog.open(file);
    const reader = SqliteCatalog.open(file);
    try {
      expect(await reader.search("Rathaus")).toEqual([]);
      await writer.recordAnalysis(makeTagSet("/m/1.mxf", [makeTag("Rathaus")]), ANALYZERS);
      expect((await reader.search("Rathaus")).map((r) => r.clip.path)).toEqual(["/m/1.mxf"]);
      // A batch is one transaction and becomes visible to the reader as a whole.
      const batch = Array.from({ length: 50 }, (_, i) => ({
        tagSet: makeTagSet(`/m/batch-${i}.mxf`, [makeTag("Rathaus")]),
        analyzers: ANALYZERS,
      }));
      await writer.recordAnalyses(batch);
      expect(await reader.search("Rathaus", { limit: 100 })).toHaveLength(51);
    } finally {
      reader.dispose();
      writer.dispose();
    }
    await expect(writer.search("Rathaus")).rejects.toThrow(
      expect.objectContaining({ code: "SICHTER_E_CATALOG_UNAVAILABLE" }),
    );
  });

  it("uses the default location under SICHTER_HOME", async () => {
    const { defaultCatalogPath } = await import("./catalogPath.ts");
    expect(defaultCatalogPath({ SICHTER_HOME: root })).toBe(path.join(root, "data", "catalog.sqlite"));
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPostgresCluster, type PostgresCluster } from "../../../test/postgresCluster.ts";
import { PostgresCatalog } from "./PostgresCatalog.ts";
import { POSTGRES_SCHEMA_VERSION } from "./postgresMigrations.ts";

let cluster: PostgresCluster;
beforeAll(async () => {
  cluster = await startPostgresCluster();
}, 120_000);
afterAll(() => cluster?.stop());

describe("PostgresCatalog schema", () => {
  it("records each migration step in sichter_schema, and engines starting at once migrate once", async () => {
    const url = await cluster.createDatabase("fresh");
    const catalogs = await Promise.all([
      PostgresCatalog.open(url),
      PostgresCatalog.open(url),
      PostgresCatalog.open(url),
    ]);
    await Promise.all(catalogs.map((c) => c.close()));
    const { rows } = await cluster.sql("SELECT version FROM sichter_schema ORDER BY version", "fresh");
    expect(rows.map((r) => r.version)).toEqual(Array.from({ length: POSTGRES_SCHEMA_VERSION }, (_, i) => i + 1));
    const reopened = await PostgresCatalog.open(url);
    expect(await reopened.search("nichts")).toEqual([]);
    await reopened.close();
  });

  it("refuses a database of another application and leaves it untouched", async () => {
    const url = await cluster.createDatabase("foreign_app");
    await cluster.sql("CREATE TABLE invoices (id int PRIMARY KEY, total numeric)", "foreign_app");
    await expect(PostgresCatalog.open(url)).rejects.toMatchObject({
      code: "SICHTER_E_CATALOG_UNAVAILABLE",
      message: expect.stringContaining("another application"),
    });
    const { rows } = await cluster.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", "foreign_app");
    expect(rows.map((r) => r.tablename)).toEqual(["invoices"]);
  });

  it("refuses a schema a newer Sichter wrote with CATALOG_TOO_NEW", async () => {
    const url = await cluster.createDatabase("newer");
    await (await PostgresCatalog.open(url)).close();
    await cluster.sql(
      `INSERT INTO sichter_schema (version, description) VALUES (${POSTGRES_SCHEMA_VERSION + 1}, 'from the future')`,
      "newer",
    );
    await expect(PostgresCatalog.open(url)).rejects.toMatchObject({ code: "SICHTER_E_CATALOG_TOO_NEW" });
  });

  it("a write whose connection dies mid-way leaves nothing half-written", async () => {
    const url = await cluster.createDatabase("killed");
    const catalog = await PostgresCatalog.open(url);
    try {
      const { makeTag, makeTagSet, ANALYZERS } = await import("../../../test/support/tagSetFixture.ts");
      const before = await catalog.recordAnalysis(makeTagSet("/nas/a.mxf", [makeTag("Hafen")]), ANALYZERS);
      // A lock makes the next write wait mid-transaction; then its connection is killed from outside.
      await cluster.sql(
        "CREATE OR REPLACE FUNCTION slow_shots() RETURNS trigger AS $$ BEGIN PERFORM pg_sleep(30); RETURN NEW; END $$ LANGUAGE plpgsql",
        "killed",
      );
      await cluster.sql(
        "CREATE TRIGGER slow BEFORE INSERT ON shots FOR EACH ROW EXECUTE FUNCTION slow_shots()",
        "killed",
      );
      const write = catalog
        .recordAnalysis(
          makeTagSet("/nas/a.mxf", [makeTag("Schiff")], { analyzedAt: "2026-11-21T10:00:00Z" }),
          ANALYZERS,
        )
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      for (let waited = 0; ; waited += 100) {
        const { rows } = await cluster.sql(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE 'INSERT INTO shots%' AND state = 'active'",
          "killed",
        );
        if (rows[0].n > 0) break;
        if (waited > 60_000) throw new Error("the write never reached the shots");
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await cluster.sql(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'INSERT INTO shots%'",
        "killed",
      );
      expect(await write).toMatchObject({ code: "SICHTER_E_CATALOG_UNAVAILABLE" });
      await cluster.sql("DROP TRIGGER slow ON shots", "killed");
      expect((await catalog.runs(before.clipId)).map((r) => r.id)).toEqual([before.runId]);
      expect((await catalog.tags(before.clipId)).map((t) => t.label)).toEqual(["Hafen"]);
      expect(await catalog.shots(before.clipId)).toHaveLength(2);
      expect((await catalog.clip(before.clipId)).lastAnalysed).toBe("2026-11-20T10:00:00.000Z");
      // The pool replaced the dead connection: the catalog goes on working.
      await catalog.recordAnalysis(makeTagSet("/nas/b.mxf", [makeTag("Schiff")]), ANALYZERS);
      expect((await catalog.search("schiff")).map((r) => r.clip.path)).toEqual(["/nas/b.mxf"]);
    } finally {
      await catalog.close();
    }
  }, 120_000);
});

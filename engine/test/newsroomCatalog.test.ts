import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PostgresCatalog } from "../src/catalog/postgres/PostgresCatalog.ts";
import { SqliteCatalog } from "../src/catalog/SqliteCatalog.ts";
import { ANALYZERS, makeTag, makeTagSet } from "./support/tagSetFixture.ts";
import { startEngine, type EngineProcess } from "./engineProcess.ts";
import { makeClip, makeTempDir } from "./fixtures.ts";
import { startPostgresCluster, type PostgresCluster } from "./postgresCluster.ts";
import { runCli } from "./runCli.ts";

/**
 * SICHTER_CATALOG=postgres://… moves the catalog of the command line, the engine and its catalog
 * writer onto one shared PostgreSQL: what one editor's install analysed, another finds.
 */
let cluster: PostgresCluster;
let url: string;
let dir: string;
beforeAll(async () => {
  cluster = await startPostgresCluster();
  url = await cluster.createDatabase("newsroom");
  dir = fs.realpathSync(makeTempDir("sichter-newsroom-"));
}, 120_000);
afterAll(async () => {
  await cluster?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("the newsroom catalog on PostgreSQL", () => {
  it("an analysis from one install is found by another install's command line and engine, and no local catalog holds it", async () => {
    const clip = await makeClip(path.join(dir, "Interview Müller.mp4"), { seconds: 2, size: "160x90" });
    const editorA = { SICHTER_HOME: path.join(dir, "editor-a"), SICHTER_CATALOG: url };
    const analysed = await runCli(["analyze", "--no-write", clip], { env: editorA });
    expect(analysed.code, analysed.stderr).toBe(0);

    const shared = await PostgresCatalog.open(url);
    let clipId: number;
    try {
      const stored = await shared.findClip(clip);
      expect(stored).toMatchObject({ path: clip, frameCount: 50 });
      clipId = stored!.id;
      // A colleague's typed tag, so there is something to search for.
      await shared.addUserTag(clipId, { label: "Bürgermeisterin Müller", startFrame: 0, endFrame: 25 });
    } finally {
      await shared.close();
    }
    // Editor A's own SQLite file has jobs and the ledger at most, never the clip.
    const local = SqliteCatalog.open(path.join(dir, "editor-a", "data", "catalog.sqlite"));
    expect(await local.findClip(clip)).toBeUndefined();
    local.dispose();

    const editorB = { SICHTER_HOME: path.join(dir, "editor-b"), SICHTER_CATALOG: url };
    const found = await runCli(["search", "--json", "burgermeisterin"], { env: editorB });
    expect(found.code, found.stderr).toBe(0);
    expect(JSON.parse(found.stdout).results).toEqual([expect.objectContaining({ file: clip, clipId })]);

    let engine: EngineProcess | undefined;
    const before = process.env.SICHTER_CATALOG;
    process.env.SICHTER_CATALOG = url;
    try {
      engine = await startEngine(path.join(dir, "editor-c"));
      const client = engine.client();
      const { results } = await client.request("catalog.search", { query: "Mueller" });
      expect(results.map((r) => r.file)).toEqual([clip]);
      const { tags } = await client.request("catalog.clip", { clipId });
      const tag = tags.find((t) => t.label === "Bürgermeisterin Müller")!;
      const rejected = await client.request("tags.review", { tagId: tag.id, action: "reject" });
      expect(rejected).toMatchObject({ status: "rejected" });
      client.dispose();
    } finally {
      if (before === undefined) delete process.env.SICHTER_CATALOG;
      else process.env.SICHTER_CATALOG = before;
      engine?.child.kill("SIGTERM");
      await engine?.exited;
    }
    const again = await runCli(["search", "--json", "--status", "rejected", "burgermeisterin"], { env: editorA });
    expect(JSON.parse(again.stdout).results).toEqual([expect.objectContaining({ file: clip })]);
    // A loaded CI machine runs each command's start-up slowly; nothing here waits on time itself.
  }, 400_000);

  it("a search against a server that is not there fails with CATALOG_UNAVAILABLE naming it without its password", async () => {
    const gone = `postgres://sichter:geheim@127.0.0.1:${cluster.port + 1}/nowhere`;
    const r = await runCli(["search", "x"], {
      env: { SICHTER_HOME: path.join(dir, "editor-d"), SICHTER_CATALOG: gone },
    });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/SICHTER_E_CATALOG_UNAVAILABLE/);
    expect(r.stderr).toContain(`127.0.0.1:${cluster.port + 1}/nowhere`);
    expect(r.stderr).not.toContain("geheim");
  }, 60_000);
});

describe("a seeded shared catalog", () => {
  it("answers the same search from two catalogs open on it at once", async () => {
    const a = await PostgresCatalog.open(url);
    const b = await PostgresCatalog.open(url);
    try {
      await a.recordAnalysis(makeTagSet("/nas/news/landtag.mxf", [makeTag("Landtag Brandenburg")]), ANALYZERS);
      expect((await b.search("landt")).map((r) => r.clip.path)).toEqual(["/nas/news/landtag.mxf"]);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

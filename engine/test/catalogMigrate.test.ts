import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PostgresCatalog } from "../src/catalog/postgres/PostgresCatalog.ts";
import { SqliteCatalog } from "../src/catalog/SqliteCatalog.ts";
import { ANALYZERS, makeTag, makeTagSet } from "./support/tagSetFixture.ts";
import { makeTempDir } from "./fixtures.ts";
import { startPostgresCluster, type PostgresCluster } from "./postgresCluster.ts";
import { runCli } from "./runCli.ts";

let cluster: PostgresCluster;
let dir: string;
beforeAll(async () => {
  cluster = await startPostgresCluster();
  dir = makeTempDir("sichter-migrate-");
}, 120_000);
afterAll(async () => {
  await cluster?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const WORDS = ["Landtag", "Hochwasser", "Köln", "Bürgermeisterin", "Hafen", "Straßenbahn", "Wahl", "Oderbruch"];

/** A single editor's catalog as months of work leave it: re-analyses, decisions, typed tags, OCR, descriptions, pictures. */
async function generatedCatalog(home: string): Promise<void> {
  const file = path.join(home, "data", "catalog.sqlite");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const picture = path.join(dir, "keyframe.jpg");
  fs.writeFileSync(picture, "jpeg bytes");
  const catalog = SqliteCatalog.open(file);
  for (let i = 0; i < 24; i++) {
    const word = (k: number) => WORDS[(i + k) % WORDS.length]!;
    const tags = [0, 1, 2].map((k) =>
      makeTag(`${word(k)} ${i}`, { startFrame: k * 100, endFrame: k * 100 + 50, source: k === 2 ? "vision" : "ocr" }),
    );
    const { clipId } = await catalog.recordAnalysis(
      makeTagSet(`/archiv/2026/${i % 3 === 0 ? "politik" : "wetter"}/clip-${i}.mxf`, tags, {
        analyzedAt: `2026-0${1 + (i % 9)}-1${i % 10}T08:00:00.000Z`,
        ocrText: [{ startFrame: 10, endFrame: 60, text: `${word(3).toUpperCase()} LIVE ${i}` }],
      }),
      ANALYZERS,
      { description: i % 4 === 0 ? `Bericht über ${word(4)}` : "", thumbnails: [picture] },
    );
    const stored = await catalog.tags(clipId);
    if (i % 2 === 0) await catalog.reviewTag(stored[0]!.id, { action: "accept" });
    if (i % 3 === 0) await catalog.reviewTag(stored[1]!.id, { action: "reject" });
    if (i % 5 === 0)
      await catalog.reviewTag(stored[2]!.id, { action: "edit", label: `${word(5)} korrigiert`, startFrame: 201 });
    if (i % 4 === 1) await catalog.addUserTag(clipId, { label: `Notiz ${word(6)}`, startFrame: 5, endFrame: 9 });
    if (i % 6 === 0) {
      // A re-analysis: a second run, decisions kept, one suggestion replaced.
      await catalog.recordAnalysis(
        makeTagSet(
          `/archiv/2026/${i % 3 === 0 ? "politik" : "wetter"}/clip-${i}.mxf`,
          [...tags.slice(0, 2), makeTag(`Neu ${i}`)],
          {
            analyzedAt: "2026-11-30T08:00:00.000Z",
          },
        ),
        ANALYZERS,
      );
    }
  }
  catalog.dispose();
}

const TABLES: Record<string, string> = {
  clips: "SELECT * FROM clips ORDER BY id",
  analysis_runs: "SELECT * FROM analysis_runs ORDER BY id",
  shots: "SELECT * FROM shots ORDER BY clip_id, shot_index",
  keyframes: "SELECT * FROM keyframes ORDER BY id",
  tags: "SELECT * FROM tags ORDER BY id",
  ocr_text: "SELECT * FROM ocr_text ORDER BY id",
};

/** Both backends' rows in one shape: booleans as 0/1, JSON parsed, times as ISO strings. */
function normalised(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key === "analyzers" || key === "provenance") out[key] = typeof value === "string" ? JSON.parse(value) : value;
    else if (typeof value === "boolean") out[key] = value ? 1 : 0;
    else if (value instanceof Date) out[key] = value.toISOString();
    else out[key] = value;
  }
  return out;
}

describe("sichter catalog migrate", () => {
  it("moves a generated SQLite catalog into PostgreSQL, equal row by row, searchable alike, and refuses a second move", async () => {
    const home = path.join(dir, "home");
    await generatedCatalog(home);
    const url = await cluster.createDatabase("moved");
    const moved = await runCli(["catalog", "migrate", "--to", url, "--json"], { env: { SICHTER_HOME: home } });
    expect(moved.code, moved.stderr).toBe(0);
    const report = JSON.parse(moved.stdout) as { copied: Record<string, number>; thumbnails: number };

    const sqlite = SqliteCatalog.open(path.join(home, "data", "catalog.sqlite"));
    const postgres = await PostgresCatalog.open(url);
    try {
      for (const [table, query] of Object.entries(TABLES)) {
        const before = (sqlite.database.prepare(query).all() as Array<Record<string, unknown>>).map(normalised);
        const after = (await cluster.sql(query, "moved")).rows.map(normalised);
        expect(before.length, table).toBeGreaterThan(0);
        expect(report.copied[table], table).toBe(before.length);
        expect(after, table).toEqual(before);
      }
      // The keyframe pictures moved into the database, under the names the keyframes carry.
      const named = (
        await cluster.sql(
          "SELECT DISTINCT thumbnail FROM keyframes WHERE thumbnail IS NOT NULL ORDER BY thumbnail",
          "moved",
        )
      ).rows as Array<{ thumbnail: string }>;
      expect(named.length).toBeGreaterThan(0);
      expect(report.thumbnails).toBe(named.length);
      for (const { thumbnail } of named) expect(await postgres.thumbnail(thumbnail)).toEqual(Buffer.from("jpeg bytes"));
      for (const query of ["landtag", "koeln", "burgermeisterin live", "korrigiert", "notiz", "neu"]) {
        for (const filters of [
          {},
          { statuses: ["rejected" as const] },
          { pathPrefix: "/archiv/2026/politik/" },
          { sources: ["vision" as const] },
        ]) {
          const hits = async (c: SqliteCatalog | PostgresCatalog) =>
            (await c.search(query, filters)).map((r) => ({
              path: r.clip.path,
              hits: r.hits.map((h) => `${h.kind}:${h.label}:${h.status}`).sort(),
            }));
          expect(await hits(postgres), `${query} ${JSON.stringify(filters)}`).toEqual(await hits(sqlite));
        }
      }
      // New clips and tags continue after the copied ids.
      const next = await postgres.recordAnalysis(makeTagSet("/archiv/2026/neu.mxf", [makeTag("Neu")]), ANALYZERS);
      expect(next.clipId).toBe(25);
    } finally {
      sqlite.dispose();
      await postgres.close();
    }

    const again = await runCli(["catalog", "migrate", "--to", url], { env: { SICHTER_HOME: home } });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/SICHTER_E_CATALOG_UNAVAILABLE.*already holds 25 clips/);
  }, 240_000);

  it("says what it needs", async () => {
    const r = await runCli(["catalog", "migrate"], { env: { SICHTER_HOME: path.join(dir, "empty") } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/SICHTER_E_USAGE.*--to postgres:\/\//);
  });
});

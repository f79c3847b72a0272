import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SearchFilters } from "../Catalog.ts";
import { startPostgresCluster, type PostgresCluster } from "../../../test/postgresCluster.ts";
import { ANALYZERS, makeTag, makeTagSet } from "../../../test/support/tagSetFixture.ts";
import { PostgresCatalog } from "./PostgresCatalog.ts";
import { postgresConnection } from "./postgresConnection.ts";
import { bucketGroups, monthKeys, searchPostgres } from "./postgresSearch.ts";

let cluster: PostgresCluster;
let catalog: PostgresCatalog;
let pool: pg.Pool;

const CLIPS = 700;
const TAGS_PER_CLIP = 100;

beforeAll(async () => {
  cluster = await startPostgresCluster();
  const url = await cluster.createDatabase("ranges");
  catalog = await PostgresCatalog.open(url);
  pool = new pg.Pool(postgresConnection(url).config);
  // 70,000 texts in five id buckets: groups of 2, 2 and 1 buckets for a search with 1,000
  // candidates (limit 1 still asks for 1,000), or a rare word's texts past the first group by keys.
  // Words of every frequency: in each text, in every 7th, every 97th, only in the oldest clips.
  const items = Array.from({ length: CLIPS }, (_, i) => {
    const tags = Array.from({ length: TAGS_PER_CLIP }, (_, k) => {
      const n = i * TAGS_PER_CLIP + k;
      const words = ["Nachrichten"];
      if (n % 7 === 0) words.push("Landtagswahl");
      if (n % 11 === 0) words.push("Landtagssitzung");
      if (n % 97 === 0) words.push("Ministerpräsidentin");
      if (i < 3) words.push("Grubenunglück");
      if (n % 13 === 0) words.push("Plan B");
      return makeTag(words.join(" "), { source: k % 2 === 0 ? "vision" : "ocr" });
    });
    const year = 2024 + (i % 3);
    return {
      tagSet: makeTagSet(`/archiv/${year}/${["politik", "sport", "wetter"][Math.floor(i / 3) % 3]}/c${i}.mxf`, tags, {
        analyzedAt: `${year}-0${1 + (i % 9)}-15T10:00:00Z`,
      }),
      analyzers: ANALYZERS,
    };
  });
  await catalog.recordAnalyses(items);
  // Some rejected along the way, so a status filter has something to find at every age.
  await cluster.sql(
    "UPDATE tags SET status = 'rejected' WHERE id % 50 = 0; UPDATE search_docs d SET status = t.status FROM tags t WHERE t.id = d.tag_id",
    "ranges",
  );
}, 300_000);

afterAll(async () => {
  await pool?.end();
  await catalog?.close();
  await cluster?.stop();
});

describe("PostgreSQL search in id buckets", () => {
  const cases: Array<[string, SearchFilters]> = [
    ["nachrichten", { limit: 1 }],
    ["nachrichten", { limit: 50 }],
    ["nachrichten", { limit: 60 }],
    ["landtagswahl", {}],
    ["landtagsw", {}],
    ["landtagss", {}],
    ["landtags", { limit: 5 }],
    ["ministerprasidentin", {}],
    ["Ministerpräs", { sources: ["ocr"] }],
    ["grubenungl", {}],
    ["plan b", {}],
    ['"plan b"', {}],
    ["b", {}],
    ["nachrichten", { statuses: ["rejected"] }],
    ["landtagswahl", { statuses: ["rejected", "accepted"] }],
    ["nachrichten", { pathPrefix: "/archiv/2025/" }],
    ["nachrichten", { pathPrefix: "/archiv/2025/pol" }],
    ["landtagss", { pathPrefix: "/archiv/2026/wetter/", analysedSince: "2026-05-01" }],
    ["nachrichten", { analysedSince: "2026-09-01" }],
    // Too many months for month keys: the date is checked on the texts alone.
    ["landtagswahl", { analysedSince: "2021-03-01", sources: ["vision", "ocr"] }],
  ];

  it.each(cases)("%s %j: the same answer as reading every match at once", async (query, filters) => {
    const ranged = await searchPostgres(pool, query, filters);
    const plain = await searchPostgres(pool, query, filters, { oneRange: true });
    expect(ranged).toEqual(plain);
    expect(ranged.length).toBeGreaterThan(0);
  });

  it("finds the oldest clips' rare word past the newest ranges, and prefixes longer than a key exactly", async () => {
    const found = await searchPostgres(pool, "grubenunglück", { limit: 100 });
    expect(found.map((r) => r.clip.path).sort()).toEqual([
      "/archiv/2024/politik/c0.mxf",
      "/archiv/2025/politik/c1.mxf",
      "/archiv/2026/politik/c2.mxf",
    ]);
    // "Landtagsw" and "Landtagss" share their first 8 letters; the words decide.
    const wahl = await searchPostgres(pool, "landtagsw", { limit: 100 });
    expect(wahl.flatMap((r) => r.hits.map((h) => h.label)).every((l) => /Landtagswahl/.test(l))).toBe(true);
  });

  it("a clip's folders and analysis date follow it when it moves and is analysed again", async () => {
    const { clipId } = await catalog.recordAnalysis(
      makeTagSet("/eingang/neu/z.mxf", [makeTag("Zeppelinlandung")], { analyzedAt: "2026-01-01T10:00:00Z" }),
      ANALYZERS,
    );
    await catalog.reviewTag((await catalog.tags(clipId))[0]!.id, { action: "accept" });
    await cluster.sql(
      `UPDATE clips SET path = '/archiv/2027/z.mxf', last_analysed = '2027-02-01T00:00:00Z' WHERE id = ${clipId}`,
      "ranges",
    );
    const paths = async (filters: SearchFilters): Promise<string[]> =>
      (await searchPostgres(pool, "zeppelin", filters)).map((r) => r.clip.path);
    expect(await paths({ pathPrefix: "/archiv/2027/" })).toEqual(["/archiv/2027/z.mxf"]);
    expect(await paths({ pathPrefix: "/eingang/" })).toEqual([]);
    expect(await paths({ analysedSince: "2027-01-01" })).toEqual(["/archiv/2027/z.mxf"]);
  });
});

describe("the id buckets a search reads", () => {
  it("are groups of 2, 2, about 4, 8 … buckets newest first down to id 0, each named by few bucket keys", () => {
    const groups = bucketGroups(20 * 16_384 + 5);
    expect(groups).toEqual([
      { buckets: [":b14-20", ":b14-19"], low: 19 * 16_384 },
      { buckets: [":b14-18", ":b14-17"], low: 17 * 16_384 },
      // Buckets 12 to 15 are one bucket of 4 (16 bits: 65,536 ids).
      { buckets: [":b14-16", ":b16-3"], low: 12 * 16_384 },
      { buckets: [":b16-2", ":b16-1"], low: 4 * 16_384 },
      { buckets: [":b16-0"], low: 0 },
    ]);
    expect(bucketGroups(0)).toEqual([{ buckets: [":b14-0"], low: 0 }]);
  });

  it("name larger buckets for the older groups of a large catalog", () => {
    const groups = bucketGroups(10_000_000);
    expect(groups.at(-1)!.low).toBe(0);
    expect(Math.max(...groups.map((g) => g.buckets.length))).toBeLessThanOrEqual(4);
    expect(groups.flatMap((g) => g.buckets).some((key) => key.startsWith(":b22-"))).toBe(true);
  });
});

describe("the month keys of a date filter", () => {
  it("run from the filter's month to the newest analysis's, in UTC, and stop being keys past three years", () => {
    const now = new Date();
    const later = `${now.getUTCFullYear() + 1}-02-10T00:00:00Z`;
    const keys = monthKeys(`${now.getUTCFullYear() + 1}-01-31T23:30:00-02:00`, later)!;
    expect(keys).toEqual([`:m${now.getUTCFullYear() + 1}02`]);
    expect(
      monthKeys(`${now.getUTCFullYear() - 1}-${String(now.getUTCMonth() + 1).padStart(2, "0")}-01T00:00:00Z`, null),
    ).toHaveLength(13);
    expect(monthKeys("2001-01-01T00:00:00Z", null)).toBeUndefined();
  });
});

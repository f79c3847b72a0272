import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../../test/fixtures.ts";
import { MIGRATIONS, SCHEMA_VERSION } from "./migrations.ts";
import { openCatalogDatabase } from "./openCatalogDatabase.ts";
import { SqliteCatalog } from "./SqliteCatalog.ts";

const root = makeTempDir("sichter-catalog-open-");
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshPath = (): string => path.join(root, `c${++n}`, "catalog.sqlite");

describe("openCatalogDatabase", () => {
  it("creates the folder and migrates an empty catalog to the current version in WAL mode", () => {
    const file = freshPath();
    const db = openCatalogDatabase(file);
    expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining(["clips", "shots", "keyframes", "tags", "ocr_text", "analysis_runs", "search_fts"]),
    );
    db.close();
    // Reopening is a no-op, not a second migration.
    openCatalogDatabase(file).close();
  });

  it("runs only the steps a catalog has not seen yet, each with its version bump", () => {
    const file = freshPath();
    openCatalogDatabase(file, MIGRATIONS).close();
    const later = [
      ...MIGRATIONS,
      {
        version: SCHEMA_VERSION + 1,
        description: "test step",
        up: (db: Database.Database) => db.exec("CREATE TABLE extra (x)"),
      },
    ];
    const db = openCatalogDatabase(file, later);
    expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION + 1);
    db.close();
  });

  it("leaves the catalog at the old version when a step fails", () => {
    const file = freshPath();
    openCatalogDatabase(file).close();
    const broken = [
      ...MIGRATIONS,
      {
        version: SCHEMA_VERSION + 1,
        description: "fails",
        up: (db: Database.Database) => db.exec("CREATE TABLE half (x); SELECT * FROM missing"),
      },
    ];
    expect(() => openCatalogDatabase(file, broken)).toThrow(
      expect.objectContaining({ code: "SICHTER_E_CATALOG_UNAVAILABLE" }),
    );
    const db = new Database(file);
    expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half'").pluck().get()).toBe(0);
    db.close();
  });

  it("refuses a catalog written by a newer Sichter with CATALOG_TOO_NEW", () => {
    const file = freshPath();
    openCatalogDatabase(file).close();
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    db.close();
    expect(() => SqliteCatalog.open(file)).toThrow(
      expect.objectContaining({
        code: "SICHTER_E_CATALOG_TOO_NEW",
        params: { path: file, found: SCHEMA_VERSION + 5, known: SCHEMA_VERSION },
      }),
    );
  });

  it("refuses a file that is not SQLite with CATALOG_UNAVAILABLE and leaves it untouched", () => {
    const file = freshPath();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const garbage = Buffer.from("this is my shopping list, not a database\n".repeat(200));
    fs.writeFileSync(file, garbage);
    const before = fs.statSync(file).mtimeMs;
    let caught: unknown;
    try {
      SqliteCatalog.open(file);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: "SICHTER_E_CATALOG_UNAVAILABLE" });
    expect((caught as Error).message).toContain("not a SQLite database");
    expect(fs.readFileSync(file).equals(garbage)).toBe(true);
    expect(fs.statSync(file).mtimeMs).toBe(before);
    expect(fs.readdirSync(path.dirname(file))).toEqual(["catalog.sqlite"]);
  });

  it("refuses another application's SQLite database without migrating it", () => {
    const file = freshPath();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const other = new Database(file);
    other.exec("CREATE TABLE notes (text)");
    other.close();
    expect(() => SqliteCatalog.open(file)).toThrow(expect.objectContaining({ code: "SICHTER_E_CATALOG_UNAVAILABLE" }));
    const db = new Database(file);
    expect(db.pragma("user_version", { simple: true })).toBe(0);
    db.close();
  });

  it("step 2 re-indexes a version-1 catalog's texts with their source and status", async () => {
    const file = freshPath();
    const v1 = openCatalogDatabase(file, MIGRATIONS.slice(0, 1));
    // Rows as a version-1 Sichter wrote them: texts in tags/ocr_text/clips, the index without facets.
    v1.exec(`
      INSERT INTO clips (id, path, fingerprint, frame_rate, drop_frame, start_timecode, frame_count, duration_seconds,
                         width, height, description, first_seen, last_analysed)
      VALUES (1, '/a.mov', 'f', '25/1', 0, '00:00:00:00', 250, 10, 1920, 1080, 'Sitzung im Landtag', '2026-01-01', '2026-01-01');
      INSERT INTO tags (id, clip_id, label, kind, language, source, confidence, start_frame, end_frame, status, provenance, created_at)
      VALUES (1, 1, 'Hochwasser', 'keyword', 'de', 'vision', 0.9, 0, 100, 'suggested', '[]', '2026-01-01'),
             (2, 1, 'Köln', 'keyword', 'de', 'ocr', 0.9, 100, 200, 'rejected', '[]', '2026-01-01');
      INSERT INTO ocr_text (id, clip_id, start_frame, end_frame, text) VALUES (1, 1, 50, 75, 'Brücke gesperrt');
      INSERT INTO search_docs (id, clip_id, tag_id, ocr_id, source, status) VALUES
        (1, 1, 1, NULL, 'vision', 'suggested'), (2, 1, 2, NULL, 'ocr', 'rejected'),
        (3, 1, NULL, 1, 'ocr', 'suggested'), (4, 1, NULL, NULL, 'description', 'suggested');
      INSERT INTO search_fts (rowid, text) VALUES (1, 'hochwasser'), (2, 'koln'), (3, 'brucke gesperrt'), (4, 'sitzung im landtag');
    `);
    v1.close();

    const catalog = SqliteCatalog.open(file);
    const labels = async (query: string, filters = {}): Promise<string[]> =>
      (await catalog.search(query, filters)).flatMap((r) => r.hits.map((h) => h.label));
    expect(await labels("hochwasser")).toEqual(["Hochwasser"]);
    expect(await labels("Brucke")).toEqual(["Brücke gesperrt"]);
    expect(await labels("Landt")).toEqual(["Sitzung im Landtag"]);
    expect(await labels("koeln")).toEqual([]);
    expect(await labels("koeln", { statuses: ["rejected"] })).toEqual(["Köln"]);
    expect(await labels("hochwasser", { sources: ["ocr"] })).toEqual([]);
    catalog.dispose();
  });
});

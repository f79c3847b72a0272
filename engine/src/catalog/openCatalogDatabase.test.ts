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
    expect(tables).toEqual(expect.arrayContaining(["clips", "shots", "keyframes", "tags", "ocr_text", "analysis_runs", "search_fts"]));
    db.close();
    // Reopening is a no-op, not a second migration.
    openCatalogDatabase(file).close();
  });

  it("runs only the steps a catalog has not seen yet, each with its version bump", () => {
    const file = freshPath();
    openCatalogDatabase(file, MIGRATIONS).close();
    const later = [
      ...MIGRATIONS,
      { version: SCHEMA_VERSION + 1, description: "test step", up: (db: Database.Database) => db.exec("CREATE TABLE extra (x)") },
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
      { version: SCHEMA_VERSION + 1, description: "fails", up: (db: Database.Database) => db.exec("CREATE TABLE half (x); SELECT * FROM missing") },
    ];
    expect(() => openCatalogDatabase(file, broken)).toThrow(expect.objectContaining({ code: "SICHTER_E_CATALOG_UNAVAILABLE" }));
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
});

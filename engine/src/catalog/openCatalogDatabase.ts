import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { ErrorCode } from "@sichter/shared/errors";
import { SichterError } from "../core/SichterError.ts";
import { catalogReadOnly, ensureCatalogWritable } from "./catalogWritability.ts";
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from "./migrations.ts";

/** Marks a SQLite file as a Sichter catalog ("Sich"), so we never migrate someone else's database. */
export const SICHTER_APPLICATION_ID = 0x53696368;

const SQLITE_HEADER = Buffer.from("SQLite format 3\0", "latin1");

/**
 * Opens (creating if needed) and migrates the catalog at `file`. Every refusal happens before
 * anything is written, so a file that is not ours is left byte-for-byte untouched.
 *
 * A catalog that cannot be written is refused (CATALOG_READ_ONLY), not opened with a warning: the
 * engine's job queue and every analysis write to it, so a read-only engine would accept work and
 * fail each job later, and SQLite would leave a read-only -shm that keeps the catalog unwritable
 * after the user fixed its mode. `warn` hears what was repaired instead (see ensureCatalogWritable).
 */
export function openCatalogDatabase(
  file: string,
  migrations: readonly Migration[] = MIGRATIONS,
  warn: (message: string) => void = () => {},
): Database.Database {
  checkHeader(file);
  for (const repaired of ensureCatalogWritable(file)) {
    warn(
      `${repaired} was read-only (left by a start while the catalog was read-only); it has the catalog's mode again`,
    );
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (error) {
    throw unavailable(file, error);
  }
  try {
    checkOwnerAndVersion(db, file, migrations);
    // WAL: readers never block the writer and a killed writer leaves the last commit intact.
    db.pragma("journal_mode = WAL");
    // NORMAL in WAL mode is still crash-consistent; only the last commits may be lost on power loss.
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    // Another process (CLI batch next to the engine) may hold the write lock for a moment.
    db.pragma("busy_timeout = 5000");
    checkSqliteCanWrite(db, file);
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof SichterError) throw error;
    throw unavailable(file, error);
  }
}

function checkHeader(file: string): void {
  let handle: number;
  try {
    handle = fs.openSync(file, "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return; // a new catalog
    throw unavailable(file, error);
  }
  try {
    const header = Buffer.alloc(SQLITE_HEADER.length);
    const read = fs.readSync(handle, header, 0, header.length, 0);
    // An empty file is what an interrupted first start may leave; SQLite initialises it safely.
    if (read === 0) return;
    if (read < header.length || !header.equals(SQLITE_HEADER)) {
      throw new SichterError(ErrorCode.CATALOG_UNAVAILABLE, {
        path: file,
        detail: "the file is not a SQLite database (left untouched; move it away or pass another catalog path)",
      });
    }
  } finally {
    fs.closeSync(handle);
  }
}

function checkOwnerAndVersion(db: Database.Database, file: string, migrations: readonly Migration[]): void {
  const known = migrations[migrations.length - 1]?.version ?? 0;
  const found = db.pragma("user_version", { simple: true }) as number;
  const appId = db.pragma("application_id", { simple: true }) as number;
  const tables = db.prepare("SELECT count(*) AS n FROM sqlite_schema").get() as { n: number };
  if ((appId !== 0 && appId !== SICHTER_APPLICATION_ID) || (appId === 0 && tables.n > 0)) {
    throw new SichterError(ErrorCode.CATALOG_UNAVAILABLE, {
      path: file,
      detail: "the file is a SQLite database of another application (left untouched)",
    });
  }
  if (found > known) {
    throw new SichterError(ErrorCode.CATALOG_TOO_NEW, { path: file, found, known });
  }
}

/**
 * What SQLite itself says, beyond file modes: a lock (chattr +i), a read-only mount or an access
 * rule the mode check cannot see. A write that is rolled back: nothing reaches the file.
 */
function checkSqliteCanWrite(db: Database.Database, file: string): void {
  const version = db.pragma("user_version", { simple: true }) as number;
  try {
    db.exec("BEGIN IMMEDIATE");
    try {
      db.pragma(`user_version = ${version}`);
    } finally {
      if (db.inTransaction) db.exec("ROLLBACK");
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== "string" || !code.startsWith("SQLITE_READONLY")) throw error;
    // The modes may explain it now (another process changed them); otherwise SQLite's own words.
    ensureCatalogWritable(file);
    const detail = error instanceof Error ? error.message : String(error);
    throw catalogReadOnly(file, [
      {
        file,
        problem: `(the catalog) cannot be written, SQLite says: ${detail} (${code})`,
        fix: "check that its disk is not mounted read-only and that neither it nor its -wal and -shm files are locked against changes (e.g. chattr -i)",
      },
    ]);
  }
}

function migrate(db: Database.Database, migrations: readonly Migration[]): void {
  for (const step of migrations) {
    // IMMEDIATE takes the write lock before reading the version, so two processes opening a new
    // catalog at once cannot both run the same step.
    db.transaction(() => {
      const current = db.pragma("user_version", { simple: true }) as number;
      if (step.version <= current) return;
      step.up(db);
      db.pragma(`application_id = ${SICHTER_APPLICATION_ID}`);
      db.pragma(`user_version = ${step.version}`);
    }).immediate();
  }
}

function unavailable(file: string, error: unknown): SichterError {
  const detail = error instanceof Error ? error.message : String(error);
  return new SichterError(ErrorCode.CATALOG_UNAVAILABLE, { path: file, detail }, { cause: error });
}

export { SCHEMA_VERSION };

/**
 * Child process of the catalog writability tests, run as a user whom file modes bind (see
 * unprivileged.ts). Usage: node --import tsx catalogChild.ts <mode> <catalog file> [count]
 *   open          open the catalog as Sichter does, record one analysis; print the outcome as JSON
 *   old-open      open it as an engine before the writability check did (plain SQLite, WAL)
 *   write-and-die record `count` analyses, then die by SIGKILL so they stay in the -wal
 */
import Database from "better-sqlite3";
import { SqliteCatalog } from "../src/catalog/SqliteCatalog.ts";
import { ANALYZERS, makeTagSet } from "./support/tagSetFixture.ts";

const [mode, file, count = "1"] = process.argv.slice(2);
if (!mode || !file) throw new Error("usage: catalogChild.ts <open|old-open|write-and-die> <catalog file> [count]");

if (mode === "old-open") {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("user_version", { simple: true });
  db.close();
} else if (mode === "write-and-die") {
  const catalog = SqliteCatalog.open(file);
  // No checkpoint: the analyses must be in the -wal only when the process dies.
  catalog.database.pragma("wal_autocheckpoint = 0");
  for (let i = 0; i < Number(count); i++) await catalog.recordAnalysis(makeTagSet(`/wal/clip-${i}.mxf`, []), ANALYZERS);
  process.kill(process.pid, "SIGKILL");
} else {
  const warnings: string[] = [];
  try {
    const catalog = SqliteCatalog.open(file, { warn: (message) => warnings.push(message) });
    const before = catalog.database.prepare("SELECT count(*) FROM clips").pluck().get();
    await catalog.recordAnalysis(makeTagSet(`/written/${Date.now()}.mxf`, []), ANALYZERS);
    catalog.dispose();
    console.log(JSON.stringify({ ok: true, warnings, clipsBefore: before }));
  } catch (error) {
    const e = error as { code?: string; message?: string };
    console.log(JSON.stringify({ ok: false, warnings, code: e.code, message: e.message }));
  }
}

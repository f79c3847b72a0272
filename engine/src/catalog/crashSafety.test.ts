import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../../test/fixtures.ts";
import { SqliteCatalog } from "./SqliteCatalog.ts";
import { CRASH_TAGS_PER_RUN as TAGS_PER_RUN } from "../../test/support/tagSetFixture.ts";

const root = makeTempDir("sichter-catalog-crash-");
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const writer = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../test/support/crashWriter.ts");

/** Starts the writer, waits until it has committed a while, then kills it without warning. */
function killMidWrite(file: string, delayMs: number): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", writer, file], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.stdout.on("data", (c: Buffer) => {
      if (c.toString().includes("ready")) setTimeout(() => child.kill("SIGKILL"), delayMs);
    });
    child.on("error", reject);
    child.on("close", (code, signal) =>
      signal ? resolve(signal) : reject(new Error(`writer exited ${code}: ${stderr}`)),
    );
  });
}

describe("crash safety", () => {
  it("a catalog whose writer is SIGKILLed mid-write reopens consistent", async () => {
    const file = path.join(root, "catalog.sqlite");
    for (const delay of [0, 37, 150]) {
      expect(await killMidWrite(file, delay)).toBe("SIGKILL");
      // The hot WAL left by the killed writer is replayed on open.
      const catalog = SqliteCatalog.open(file);
      catalog.dispose();
      const db = new Database(file, { readonly: true });
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(db.prepare("SELECT count(*) FROM pragma_foreign_key_check").pluck().get()).toBe(0);
      // Every committed run is whole: each clip has exactly one run's suggestions ...
      const perClip = db.prepare("SELECT count(*) FROM tags WHERE status = 'suggested' GROUP BY clip_id").pluck().all();
      expect(perClip.length).toBe(5);
      expect(new Set(perClip)).toEqual(new Set([TAGS_PER_RUN]));
      // ... and the search index holds exactly one row per tag and OCR line.
      const texts = db.prepare("SELECT (SELECT count(*) FROM tags) + (SELECT count(*) FROM ocr_text)").pluck().get();
      expect(db.prepare("SELECT count(*) FROM search_docs").pluck().get()).toBe(texts);
      db.close();
      const rw = new Database(file);
      expect(() =>
        rw.prepare("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)").run(),
      ).not.toThrow();
      rw.close();
    }
  }, 120_000);
});

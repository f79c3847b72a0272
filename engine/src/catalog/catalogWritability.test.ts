import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../../test/fixtures.ts";
import { asUnprivileged, handToUnprivileged } from "../../test/unprivileged.ts";

// Every open runs in a child process as a user whom file modes bind (root ignores them).
const CHILD = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../test/catalogChild.ts");
const root = makeTempDir("sichter-catalog-mode-");
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
let n = 0;

interface Opened {
  ok: boolean;
  warnings: string[];
  code?: string;
  message?: string;
  clipsBefore?: number;
}

function child(
  mode: string,
  file: string,
  count = 1,
): Promise<{ stdout: string; stderr: string; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const run = spawn(process.execPath, ["--import", "tsx", CHILD, mode, file, String(count)], {
      ...asUnprivileged,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    run.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    run.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    run.on("error", reject);
    run.on("close", (_code, signal) => resolve({ stdout, stderr, signal }));
  });
}

async function open(file: string): Promise<Opened> {
  const { stdout, stderr } = await child("open", file);
  if (!stdout.trim()) throw new Error(`the child printed nothing: ${stderr}`);
  return JSON.parse(stdout) as Opened;
}

/** A catalog the unprivileged user created and closed (no -wal or -shm left). */
async function newCatalog(): Promise<{ dir: string; file: string; wal: string; shm: string }> {
  const dir = path.join(root, `c${++n}`);
  fs.mkdirSync(dir);
  handToUnprivileged(dir, root);
  const file = path.join(dir, "catalog.sqlite");
  expect(await open(file)).toMatchObject({ ok: true });
  return { dir, file, wal: `${file}-wal`, shm: `${file}-shm` };
}

const modeOf = (file: string): number => fs.statSync(file).mode & 0o777;

/** What an engine before the check left after starting on a read-only catalog: SQLite's read-only -wal and -shm. */
async function leftByReadOnlyStart(c: { file: string; wal: string; shm: string }): Promise<void> {
  fs.chmodSync(c.file, 0o444);
  await child("old-open", c.file);
  expect([modeOf(c.wal), modeOf(c.shm)]).toEqual([0o444, 0o444]);
}

describe("a catalog that cannot be written", () => {
  it("is refused at open with CATALOG_READ_ONLY naming it and the fix, and SQLite leaves no read-only -wal or -shm", async () => {
    const c = await newCatalog();
    fs.chmodSync(c.file, 0o444);
    const opened = await open(c.file);
    expect(opened).toMatchObject({ ok: false, code: "SICHTER_E_CATALOG_READ_ONLY" });
    expect(opened.message).toContain(
      `${c.file} (the catalog) is read-only (mode 0444): make it writable, e.g. chmod u+w "${c.file}"`,
    );
    expect(fs.readdirSync(c.dir)).toEqual(["catalog.sqlite"]);
  });

  it("names every file whose mode is wrong, the -wal and -shm too, and changes none of them", async () => {
    const c = await newCatalog();
    await leftByReadOnlyStart(c);
    const opened = await open(c.file);
    expect(opened).toMatchObject({ ok: false, code: "SICHTER_E_CATALOG_READ_ONLY" });
    expect(opened.message).toContain(`${c.file} (the catalog) is read-only`);
    expect(opened.message).toContain(
      `${c.wal} (the catalog's write-ahead log) is read-only (mode 0444): make it writable, e.g. chmod u+w "${c.wal}"; do not delete it`,
    );
    expect(opened.message).toContain(`${c.shm} (the catalog's shared-memory index) is read-only (mode 0444)`);
    expect(opened.message).toContain("it holds no data, so it may also be deleted while no Sichter is running");
    expect([modeOf(c.file), modeOf(c.wal), modeOf(c.shm)]).toEqual([0o444, 0o444, 0o444]);
  });

  it("is refused when its folder cannot take the -wal and -shm SQLite must create, naming the folder", async () => {
    const c = await newCatalog();
    fs.chmodSync(c.dir, 0o555);
    try {
      const opened = await open(c.file);
      expect(opened).toMatchObject({ ok: false, code: "SICHTER_E_CATALOG_READ_ONLY" });
      expect(opened.message).toContain(
        `${c.dir} (the catalog's folder) is not writable, and SQLite must create catalog.sqlite-wal, catalog.sqlite-shm there`,
      );
    } finally {
      fs.chmodSync(c.dir, 0o755);
    }
  });
});

describe("a catalog made writable again", () => {
  it("opens although an earlier start left a read-only -shm and -wal: they get the catalog's mode back, with a warning", async () => {
    const c = await newCatalog();
    await leftByReadOnlyStart(c);
    fs.chmodSync(c.file, 0o644);
    const opened = await open(c.file);
    expect(opened).toMatchObject({ ok: true, clipsBefore: 1 });
    expect(opened.warnings).toEqual([
      expect.stringContaining(`${c.wal} was read-only`),
      expect.stringContaining(`${c.shm} was read-only`),
    ]);
  });

  it("keeps what a read-only -wal holds: nothing of it is lost by the repair", async () => {
    const c = await newCatalog();
    const died = await child("write-and-die", c.file, 5);
    expect(died.signal).toBe("SIGKILL");
    expect(fs.statSync(c.wal).size).toBeGreaterThan(0);
    fs.chmodSync(c.wal, 0o444);
    fs.chmodSync(c.shm, 0o444);
    const opened = await open(c.file);
    expect(opened).toMatchObject({ ok: true, clipsBefore: 1 + 5 });
    expect(opened.warnings).toHaveLength(2);
  });
});

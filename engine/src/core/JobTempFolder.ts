import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Disposable } from "./Disposable.ts";
import { processIsAlive } from "./processIsAlive.ts";

const PREFIX = "job-";
const OWNER_FILE = "owner.json";
/** Folders of a live engine older than this are leftovers too (a hung or reused pid). */
const MAX_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * One folder per job for temporary frames. Disposing removes it, whatever the job's outcome; a
 * folder whose owning process died (SIGKILL, power loss) is removed by the next startup sweep.
 */
export class JobTempFolder implements Disposable {
  private disposed = false;

  private constructor(readonly path: string) {}

  static create(tempRoot: string): JobTempFolder {
    fs.mkdirSync(tempRoot, { recursive: true, mode: 0o700 });
    const dir = path.join(tempRoot, `${PREFIX}${randomBytes(8).toString("hex")}`);
    fs.mkdirSync(dir, { mode: 0o700 });
    fs.writeFileSync(path.join(dir, OWNER_FILE), JSON.stringify({ pid: process.pid, created: Date.now() }));
    return new JobTempFolder(dir);
  }

  file(name: string): string {
    return path.join(this.path, name);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    fs.rmSync(this.path, { recursive: true, force: true });
  }
}

/** Removes job folders left by processes that no longer run. Returns the removed paths. */
export function sweepStaleJobFolders(tempRoot: string, now = Date.now()): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(tempRoot, { withFileTypes: true });
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || !entry.name.startsWith(PREFIX)) continue;
    const dir = path.join(tempRoot, entry.name);
    if (isStale(dir, now)) {
      fs.rmSync(dir, { recursive: true, force: true });
      removed.push(dir);
    }
  }
  return removed;
}

function isStale(dir: string, now: number): boolean {
  try {
    const owner = JSON.parse(fs.readFileSync(path.join(dir, OWNER_FILE), "utf8")) as { pid: number; created: number };
    if (now - owner.created > MAX_AGE_MS) return true;
    return !processIsAlive(owner.pid);
  } catch {
    // No readable owner file: killed between mkdir and write, or foreign. Only old ones are safe to take.
    const { mtimeMs } = fs.statSync(dir);
    return now - mtimeMs > 60_000;
  }
}

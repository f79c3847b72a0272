import { open, readFile, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { processIsAlive } from "@sichter/engine";

const LOCK_FILE = ".generating.lock";
const POLL_MS = 500;

/**
 * Serialises generation into one folder across processes: vitest runs test files in parallel
 * workers and each calls ensureSamples; two ffmpegs writing the same clip would waste minutes and
 * race on the rename. A lock left by a dead process is taken over.
 */
export async function withSampleLock<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const path = join(dir, LOCK_FILE);
  for (;;) {
    try {
      const handle = await open(path, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number.parseInt(await readFile(path, "utf8").catch(() => ""), 10);
      const stale = Number.isInteger(owner) && owner > 0 ? !processIsAlive(owner) : await olderThan(path, 10_000);
      if (stale) {
        await rm(path, { force: true });
        continue;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
  try {
    return await work();
  } finally {
    await rm(path, { force: true });
  }
}

/** A lock without a readable pid is only trusted briefly: its writer may have died before writing it. */
async function olderThan(path: string, ms: number): Promise<boolean> {
  const info = await stat(path).catch(() => undefined);
  return info !== undefined && Date.now() - info.mtimeMs > ms;
}

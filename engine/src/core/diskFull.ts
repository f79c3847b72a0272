import fs from "node:fs";
import path from "node:path";

/** errno codes of a full disk or a used-up quota, and SQLite's code for "database or disk is full". */
const FULL_CODES: ReadonlySet<string> = new Set(["ENOSPC", "EDQUOT", "SQLITE_FULL"]);

/**
 * The same conditions as text: what the C library says for ENOSPC and EDQUOT (ffmpeg and exiftool
 * print it) and SQLite's message for SQLITE_FULL. An error that crossed a process boundary (an
 * extension host, a tool's stderr) keeps only its text.
 */
const FULL_TEXTS = [/no space left on device/i, /disk quota exceeded/i, /database or disk is full/i];

/** Causes followed before giving up; a cycle of causes must not hang the engine. */
const MAX_DEPTH = 8;

/** Whether `error`, or any error in its chain of causes, says the disk (or quota) is full. */
export function isDiskFull(error: unknown): boolean {
  return chain(error).some((e) => {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && FULL_CODES.has(code)) return true;
    const message = e instanceof Error ? e.message : typeof e === "string" ? e : "";
    return FULL_TEXTS.some((text) => text.test(message));
  });
}

/**
 * Every path the errors of the chain name: a system error's own `path` and `dest` (open, mkdir,
 * copy; a failed `write` names none) and the `path` param of our own errors (which may be an input
 * file on another disk, so callers weigh them with fullestFolder).
 */
export function pathsOf(error: unknown): string[] {
  const out: string[] = [];
  for (const e of chain(error)) {
    const record = e as { path?: unknown; dest?: unknown; params?: { path?: unknown } };
    for (const value of [record.path, record.dest, record.params?.path]) {
      if (typeof value === "string" && value.length > 0) out.push(value);
    }
  }
  return out;
}

/** The message of the innermost error: what the system or SQLite said, without our wrapping. */
export function innermostMessage(error: unknown): string {
  const last = chain(error).at(-1);
  return last instanceof Error ? last.message : String(last);
}

/**
 * Of the places a failed write may have gone to, the one whose disk has the least room left; on a
 * tie the earlier (more specific) one. A path not made yet counts by its nearest existing parent;
 * undefined when none can be read.
 */
export function fullestFolder(candidates: readonly string[]): string | undefined {
  // One reading per disk: two readings of one disk a moment apart differ, and must not decide.
  const freeByDevice = new Map<number, number>();
  let fullest: { folder: string; free: number } | undefined;
  for (const folder of candidates) {
    const disk = diskOf(folder);
    if (!disk) continue;
    let free = freeByDevice.get(disk.device);
    if (free === undefined) {
      free = disk.free();
      freeByDevice.set(disk.device, free);
    }
    if (fullest === undefined || free < fullest.free) fullest = { folder, free };
  }
  return fullest?.folder;
}

/** The device of the nearest existing folder, and how to read its free bytes. */
function diskOf(folder: string): { device: number; free: () => number } | undefined {
  for (let dir = path.resolve(folder); ; dir = path.dirname(dir)) {
    try {
      const device = fs.statSync(dir).dev;
      return {
        device,
        free: () => {
          const stats = fs.statfsSync(dir);
          return stats.bavail * stats.bsize;
        },
      };
    } catch {
      if (path.dirname(dir) === dir) return undefined;
    }
  }
}

function chain(error: unknown): unknown[] {
  const out: unknown[] = [];
  for (let e = error, depth = 0; e !== undefined && e !== null && depth < MAX_DEPTH; depth++) {
    out.push(e);
    e = e instanceof Error ? e.cause : undefined;
  }
  return out;
}

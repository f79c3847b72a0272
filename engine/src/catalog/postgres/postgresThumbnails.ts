import fs from "node:fs";
import path from "node:path";
import { thumbnailName } from "../ThumbnailStore.ts";
import type { Queryable } from "./postgresRows.ts";

/**
 * Keyframe thumbnails of the newsroom catalog live in the database (table `thumbnails`, schema
 * step 3), not in a folder of the machine that analysed the clip: a worker's pictures must show
 * in every editor's panel, also when the media is offline there or seen under another path. They
 * are the analysis's small JPEGs (a few dozen KB); a picture over THUMBNAIL_BUDGET_BYTES is not
 * stored (its keyframe shows none), so one odd file cannot bloat the shared database.
 */
export const THUMBNAIL_BUDGET_BYTES = 256 * 1024;

/**
 * Inside the catalog write's transaction: the clip's pictures of earlier runs go, this run's come,
 * all or nothing with the rest of the analysis. Returns the stored names by keyframe index (null
 * where a picture is missing, unreadable or over the budget: a thumbnail is a convenience).
 */
export async function storeThumbnailsPostgres(
  db: Queryable,
  clipId: number,
  runId: number,
  frames: readonly number[],
  pictures: readonly (string | undefined)[],
): Promise<Array<string | null>> {
  await db.query("DELETE FROM thumbnails WHERE clip_id = $1", [clipId]);
  const names: Array<string | null> = [];
  const kept: Array<{ name: string; jpeg: Buffer }> = [];
  frames.forEach((frame, i) => {
    const jpeg = readPicture(pictures[i]);
    if (!jpeg) return void names.push(null);
    const name = thumbnailName(clipId, runId, frame);
    names.push(name);
    kept.push({ name, jpeg });
  });
  for (const { name, jpeg } of kept) {
    await db.query(
      "INSERT INTO thumbnails (name, clip_id, jpeg) VALUES ($1, $2, $3) ON CONFLICT (name) DO UPDATE SET jpeg = EXCLUDED.jpeg",
      [name, clipId, jpeg],
    );
  }
  return names;
}

/** One stored picture by the name a keyframe carries, or undefined. */
export async function readThumbnailPostgres(db: Queryable, name: string): Promise<Buffer | undefined> {
  const { rows } = await db.query<{ jpeg: Buffer }>("SELECT jpeg FROM thumbnails WHERE name = $1", [name]);
  return rows[0]?.jpeg;
}

function readPicture(file: string | undefined): Buffer | undefined {
  if (file === undefined) return undefined;
  try {
    if (fs.statSync(file).size > THUMBNAIL_BUDGET_BYTES) return undefined;
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * The pictures of a moved SQLite catalog (`sichter catalog migrate`), from its thumbnails folder
 * into the table, in the caller's transaction: the keyframes keep their names. A picture missing
 * on disk or over the budget stays missing, as it was. Returns how many were copied.
 */
export async function copyThumbnailFiles(target: Queryable, folder: string): Promise<number> {
  const root = path.resolve(folder);
  const { rows } = await target.query<{ name: string; clip_id: number }>(
    "SELECT DISTINCT thumbnail AS name, clip_id FROM keyframes WHERE thumbnail IS NOT NULL ORDER BY thumbnail",
  );
  let copied = 0;
  for (const { name, clip_id } of rows) {
    const file = path.resolve(root, name);
    // Names come from the moved file: one that would leave the folder is never read.
    if (!file.startsWith(root + path.sep)) continue;
    const jpeg = readPicture(file);
    if (!jpeg) continue;
    await target.query(
      "INSERT INTO thumbnails (name, clip_id, jpeg) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING",
      [name, clip_id, jpeg],
    );
    copied++;
  }
  return copied;
}

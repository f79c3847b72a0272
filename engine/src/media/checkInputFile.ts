import { constants as fsConstants } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { ErrorCode } from "@sichter/shared/errors";
import { SichterError } from "../core/SichterError.ts";
import { fileAccessError } from "./fileAccessError.ts";

/**
 * Resolves a user-given media path to a readable regular file, turning every way that can fail into
 * a stable code before ffprobe ever sees the path (ffprobe's own messages for these are vague),
 * including paths that cannot name a file at all (a NUL, a name over 255 bytes).
 * Symlinks are resolved so the rest of the engine works on the real file.
 */
export async function checkInputFile(input: string): Promise<{ path: string; size: number }> {
  const absolute = path.resolve(input);
  let real: string;
  try {
    real = await fs.realpath(absolute);
  } catch (error) {
    throw fileAccessError(error, absolute);
  }
  let stat;
  try {
    stat = await fs.stat(real);
  } catch (error) {
    throw fileAccessError(error, absolute);
  }
  if (!stat.isFile()) throw new SichterError(ErrorCode.NOT_A_FILE, { path: absolute });
  try {
    await fs.access(real, fsConstants.R_OK);
    // access() answers from permission bits; root passes it for any file, and some network shares
    // lie. Opening proves it.
    const handle = await fs.open(real, "r");
    await handle.close();
  } catch (error) {
    throw fileAccessError(error, absolute);
  }
  if (stat.size === 0) throw new SichterError(ErrorCode.PROBE_EMPTY_FILE, { path: absolute });
  return { path: real, size: stat.size };
}

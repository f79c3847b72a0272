import { constants } from "node:fs";
import fs from "node:fs/promises";
import { type ErrorCode, SichterError } from "@sichter/engine/extension-api";

/**
 * Refuses to replace a file the user made read-only (a sidecar or media file without write
 * permission). The write itself would not notice: it goes to a temp copy, rename(2) replaces the
 * original whatever its mode, and root passes every permission check. So the mode is read here: no
 * write bit at all, or none this user holds, means "leave it as it is". A missing file is no
 * refusal (there is nothing to protect yet).
 */
export async function refuseReadOnly(
  file: string,
  code: typeof ErrorCode.XMP_SIDECAR_READ_ONLY | typeof ErrorCode.XMP_MEDIA_READ_ONLY,
  shownPath: string = file,
): Promise<void> {
  let mode: number;
  try {
    mode = (await fs.stat(file)).mode;
  } catch {
    return;
  }
  if ((mode & 0o222) === 0 || !(await writableByUser(file))) throw new SichterError(code, { path: shownPath });
}

async function writableByUser(file: string): Promise<boolean> {
  try {
    await fs.access(file, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

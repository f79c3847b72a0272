import fs from "node:fs/promises";
import {
  type TagPlan,
  ErrorCode,
  type CancellationToken,
  throwIfCancelled,
  SichterError,
  isSichterError,
  probeMedia,
} from "@sichter/engine/extension-api";
import { buildWriteTags } from "./buildWriteTags.ts";
import { detectEmbeddableContainer } from "./embedContainer.ts";
import { exiftoolWrite } from "./exiftoolWrite.ts";
import { readCleanly } from "./readCleanly.ts";
import { refuseReadOnly } from "./refuseReadOnly.ts";
import { tempSibling } from "./tempSibling.ts";
import { verifyKeywords } from "./verifyKeywords.ts";
import type { WriteReport } from "./XmpTypes.ts";

/**
 * Embeds the plan's XMP into a MOV or MP4. Stronger than exiftool's own temp-and-rename: exiftool
 * writes a complete new copy (`-o`) next to the original, that copy must probe as video and read
 * back every keyword, and only then does one rename(2) replace the original. Any failure or
 * cancellation before the rename leaves the original byte-identical and removes the copy. A
 * read-only media file is refused before anything is written.
 */
export async function embedXmp(
  mediaPath: string,
  shownPath: string,
  plan: TagPlan,
  language: string,
  token: CancellationToken,
): Promise<WriteReport> {
  await detectEmbeddableContainer(mediaPath, shownPath);
  await refuseReadOnly(mediaPath, ErrorCode.XMP_MEDIA_READ_ONLY, shownPath);
  const existing = await readCleanly(mediaPath, shownPath);
  const planned = buildWriteTags(plan, existing, language);
  throwIfCancelled(token);

  const stat = await fs.stat(mediaPath);
  const temp = tempSibling(mediaPath);
  try {
    await exiftoolWrite(mediaPath, planned.tags, { outputFile: temp, shownPath });
    throwIfCancelled(token);
    await verifyCopy(temp, plan.keywords, shownPath, token);
    throwIfCancelled(token);
    // The copy is a new inode: give it the original's permissions before it takes its place.
    await fs.chmod(temp, stat.mode & 0o7777);
    await fs.rename(temp, mediaPath);
  } finally {
    await fs.rm(temp, { force: true });
  }
  return {
    sidecar: null,
    sidecarNaming: null,
    embedded: true,
    keywordsAdded: planned.keywordsAdded,
    markersWritten: planned.markersWritten,
  };
}

async function verifyCopy(
  copy: string,
  keywords: readonly string[],
  shownPath: string,
  token: CancellationToken,
): Promise<void> {
  try {
    await probeMedia(copy, token);
  } catch (error) {
    if (isSichterError(error, ErrorCode.CANCELLED)) throw error;
    const detail = `the rewritten file does not probe: ${error instanceof Error ? error.message : String(error)}`;
    throw new SichterError(ErrorCode.XMP_WRITE_FAILED, { path: shownPath, detail }, { cause: error });
  }
  await verifyKeywords(copy, keywords, shownPath);
}

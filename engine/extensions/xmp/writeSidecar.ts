import fs from "node:fs/promises";
import { type TagPlan, ErrorCode, type CancellationToken, throwIfCancelled } from "@sichter/engine/extension-api";
import { buildWriteTags } from "./buildWriteTags.ts";
import { exiftoolWrite } from "./exiftoolWrite.ts";
import { readCleanly } from "./readCleanly.ts";
import { refuseReadOnly } from "./refuseReadOnly.ts";
import { resolveSidecarPath } from "./sidecarPath.ts";
import { tempSibling } from "./tempSibling.ts";
import { verifyKeywords } from "./verifyKeywords.ts";
import type { WriteReport, XmpContent } from "./XmpTypes.ts";

const EMPTY: XmpContent = {
  keywords: [],
  description: null,
  descriptions: {},
  logComment: null,
  controlledTerms: [],
  markers: [],
  tracks: [],
};

/**
 * Writes the plan into the media's sidecar, merging with what the sidecar holds. The media file is
 * only read (for its name and folder), never opened for writing; a read-only sidecar is refused.
 */
export async function writeSidecar(
  mediaPath: string,
  plan: TagPlan,
  language: string,
  token: CancellationToken,
): Promise<WriteReport> {
  const location = await resolveSidecarPath(mediaPath);
  await refuseReadOnly(location.path, ErrorCode.XMP_SIDECAR_READ_ONLY);
  const existing = (await exists(location.path)) ? await readCleanly(location.path) : EMPTY;
  const planned = buildWriteTags(plan, existing, language);
  // A running exiftool write is not interrupted (that is what leaves `*_exiftool_tmp` files behind);
  // cancellation is honoured before it starts and before its result replaces anything.
  throwIfCancelled(token);
  // exiftool reports some losses only as warnings, after it has written. So it works on a copy,
  // and the copy replaces the sidecar (one rename) only once it is clean and reads back: a failed
  // or cancelled write leaves the old sidecar byte-identical.
  const temp = tempSibling(location.path);
  try {
    if (existing !== EMPTY) await fs.copyFile(location.path, temp);
    await exiftoolWrite(temp, planned.tags, { shownPath: location.path });
    await verifyKeywords(temp, plan.keywords, location.path);
    throwIfCancelled(token);
    await fs.rename(temp, location.path);
  } finally {
    await fs.rm(temp, { force: true });
  }
  return {
    sidecar: location.path,
    sidecarNaming: location.naming,
    embedded: false,
    keywordsAdded: planned.keywordsAdded,
    markersWritten: planned.markersWritten,
  };
}

/** A zero-byte sidecar (an interrupted copy, a `touch`) holds nothing to merge: treat it as absent. */
async function exists(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).size > 0;
  } catch {
    return false;
  }
}

import { ErrorCode, SichterError } from "@sichter/engine/extension-api";
import { readXmpWithWarnings } from "./readXmp.ts";
import type { XmpContent } from "./XmpTypes.ts";

/**
 * Existing XMP (a sidecar or a media file's) as the base of a merge. XMP that exiftool could not
 * read without complaint (malformed RDF, a truncated packet) would lose data in a merge: refuse it.
 */
export async function readCleanly(file: string, shownPath = file): Promise<XmpContent> {
  const { content, warnings } = await readXmpWithWarnings(file);
  if (warnings.length > 0) {
    throw new SichterError(ErrorCode.XMP_WRITE_FAILED, {
      path: shownPath,
      detail: `existing metadata: ${warnings.join("; ")}`,
    });
  }
  return content;
}

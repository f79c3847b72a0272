import path from "node:path";
import { type TagPlan, CancellationToken, throwIfCancelled, checkInputFile } from "@sichter/engine/extension-api";
import { embedXmp } from "./embedXmp.ts";
import { writeSidecar } from "./writeSidecar.ts";
import type { WriteReport, WriteXmpOptions } from "./XmpTypes.ts";

/**
 * The XMP tag writer: puts a TagPlan's keywords, description, log comment and markers into a
 * sidecar (default) or into a MOV/MP4, merging with the metadata already there. Failures carry
 * stable codes: FILE_NOT_FOUND / PERMISSION_DENIED for the media, XMP_UNSUPPORTED_FORMAT,
 * XMP_SIDECAR_READ_ONLY / XMP_MEDIA_READ_ONLY (the user's read-only file is left alone),
 * XMP_WRITE_FAILED, CANCELLED.
 */
export async function writeXmp(
  plan: TagPlan,
  options: WriteXmpOptions = { target: "sidecar" },
  token: CancellationToken = CancellationToken.None,
): Promise<WriteReport> {
  throwIfCancelled(token);
  const media = await checkInputFile(plan.clipPath);
  const language = options.language ?? "en";
  if (options.target === "embed") {
    return embedXmp(media.path, path.resolve(plan.clipPath), plan, language, token);
  }
  // The sidecar sits beside the path the user gave (not the symlink's target), where their NLE looks.
  return writeSidecar(path.resolve(plan.clipPath), plan, language, token);
}

import path from "node:path";
import { TagSet } from "@sichter/shared/model";
import { ErrorCode } from "@sichter/shared/errors";
import { SichterError } from "../core/SichterError.ts";
import type { RecordOptions } from "./Catalog.ts";

/**
 * Checks an analysis before it touches the catalog. Everything here is a bug in the caller (an
 * analyzer emitting a reversed range, a thumbnail outside the thumbs folder), so it is INTERNAL,
 * but it is refused before the transaction so one bad clip cannot leave odd rows behind.
 */
export function validateAnalysis(tagSet: TagSet, options: RecordOptions = {}): void {
  const parsed = TagSet.safeParse(tagSet);
  if (!parsed.success) invalid(tagSet, parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  for (const range of [...tagSet.tags, ...tagSet.ocrText, ...tagSet.shots]) {
    if (range.endFrame < range.startFrame)
      invalid(tagSet, `range ${range.startFrame}..${range.endFrame} ends before it starts`);
  }
  for (const picture of options.thumbnails ?? []) {
    // Pictures are files the pipeline kept; the catalog names its copies itself.
    if (picture !== undefined && (!path.isAbsolute(picture) || path.extname(picture).toLowerCase() !== ".jpg")) {
      invalid(tagSet, `a keyframe picture must be an absolute path of a JPEG file: ${picture}`);
    }
  }
}

function invalid(tagSet: TagSet, detail: string): never {
  throw new SichterError(ErrorCode.INTERNAL, {
    detail: `analysis of ${tagSet.clip?.path} cannot be recorded: ${detail}`,
  });
}

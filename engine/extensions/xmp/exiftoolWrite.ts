import fs from "node:fs/promises";
import path from "node:path";
import { ErrorCode, SichterError } from "@sichter/engine/extension-api";
import type { WriteTags } from "exiftool-vendored";
import { sharedExifTool } from "./sharedExifTool.ts";

/**
 * One exiftool write with Sichter's rules: `-overwrite_original` (exiftool still writes a temp file
 * and renames it, but keeps no `*_original` copy) unless an explicit output file is given, and any
 * warning counts as failure, because exiftool reports dropped struct fields and skipped values only
 * as warnings. A `*_exiftool_tmp` left by a failed or killed write is removed.
 */
export async function exiftoolWrite(
  file: string,
  tags: Record<string, unknown>,
  options: { outputFile?: string; shownPath: string },
): Promise<void> {
  const writeArgs = options.outputFile === undefined ? ["-overwrite_original"] : ["-o", options.outputFile];
  try {
    const result = await sharedExifTool().write(file, tags as WriteTags, {
      writeArgs,
      ignoreMinorErrors: false,
      useMWG: false,
    });
    const warnings = result.warnings ?? [];
    if (warnings.length > 0) {
      throw new SichterError(ErrorCode.XMP_WRITE_FAILED, { path: options.shownPath, detail: warnings.join("; ") });
    }
  } catch (error) {
    throw toWriteError(error, options.shownPath);
  } finally {
    await fs.rm(`${options.outputFile ?? file}_exiftool_tmp`, { force: true });
  }
}

function toWriteError(error: unknown, shownPath: string): SichterError {
  if (error instanceof SichterError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  // The container check runs first; this is the last line of defence for files it let through.
  if (/movie fragments|not yet supported|Can't currently write/i.test(detail)) {
    return new SichterError(
      ErrorCode.XMP_UNSUPPORTED_FORMAT,
      { format: path.extname(shownPath).slice(1).toUpperCase() || "unknown", path: shownPath },
      { cause: error },
    );
  }
  return new SichterError(ErrorCode.XMP_WRITE_FAILED, { path: shownPath, detail }, { cause: error });
}

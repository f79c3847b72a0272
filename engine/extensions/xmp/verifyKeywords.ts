import { ErrorCode, SichterError } from "@sichter/engine/extension-api";
import { keywordsToAdd } from "./mergeKeywords.ts";
import { readXmp } from "./readXmp.ts";

/** Reads the file back and fails unless every planned keyword is there (in some spelling). */
export async function verifyKeywords(file: string, wanted: readonly string[], shownPath = file): Promise<void> {
  const { keywords } = await readXmp(file);
  const missing = keywordsToAdd(keywords, wanted);
  if (missing.length > 0) {
    throw new SichterError(ErrorCode.XMP_WRITE_FAILED, {
      path: shownPath,
      detail: `keywords did not read back: ${missing.join(", ")}`,
    });
  }
}

import fs from "node:fs";
import type { z } from "zod";
import { ErrorCode } from "@sichter/shared/errors";
import { SichterError } from "./SichterError.ts";

/**
 * A user's JSON settings file from the config folder, checked against its schema. A missing file is
 * undefined (the caller's defaults); a broken one is CONFIG_INVALID naming the file and the first
 * wrong field, never silently the defaults.
 */
export function readSettingsFile<Schema extends z.ZodType>(file: string, schema: Schema): z.output<Schema> | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new SichterError(ErrorCode.PERMISSION_DENIED, { path: file }, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SichterError(ErrorCode.CONFIG_INVALID, { file, detail: `not JSON: ${(error as Error).message}` });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SichterError(ErrorCode.CONFIG_INVALID, {
      file,
      detail: `${issue.path.join(".") || "(root)"}: ${issue.message}`,
    });
  }
  return parsed.data;
}

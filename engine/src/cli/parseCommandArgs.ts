import { parseArgs, type ParseArgsConfig } from "node:util";
import { ErrorCode } from "@sichter/shared/errors";
import { SichterError } from "../core/SichterError.ts";

/** node:util parseArgs with its errors turned into SICHTER_E_USAGE and a hint to --help. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig["options"]>>(
  command: string,
  args: string[],
  options: T,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new SichterError(ErrorCode.USAGE, { detail: `${detail} (see: sichter ${command} --help)` });
  }
}

export function usageError(detail: string): SichterError {
  return new SichterError(ErrorCode.USAGE, { detail });
}

import fs from "node:fs";
import { ErrorCode } from "@sichter/shared/errors";
import { SichterError } from "../core/SichterError.ts";
import { toolEnvVar, type Tool } from "./binaries.ts";

/**
 * Why a tool binary could not be started. A binary this user may not run (installed by another user
 * with mode 0744, say) is told apart from a missing one: the fix is a chmod, not a reinstall.
 */
export function toolStartError(tool: Tool, binary: string, error: NodeJS.ErrnoException): SichterError {
  const envVar = toolEnvVar(tool);
  if (error.code === "EACCES") {
    return new SichterError(
      ErrorCode.TOOL_NOT_EXECUTABLE,
      { tool, binary, mode: modeOf(binary), envVar },
      { cause: error },
    );
  }
  return new SichterError(ErrorCode.TOOL_MISSING, { tool, binary, envVar }, { cause: error });
}

/** The permission bits in octal (744), or "unknown" when a folder above already refuses the look. */
function modeOf(file: string): string {
  try {
    return (fs.statSync(file).mode & 0o7777).toString(8);
  } catch {
    return "unknown";
  }
}

import { ErrorCode } from "@sichter/shared/errors";
import { SichterError } from "../core/SichterError.ts";
import type { Tool } from "./binaries.ts";

/**
 * The error for a tool run that a signal from outside ended (the OOM killer, an admin's kill, a
 * crash), or null when the run ended on its own. Callers would otherwise read the missing output
 * as a broken file ("damaged or truncated?") and send an editor hunting for a fault in good footage.
 * Signals Sichter sends itself (cancellation, a caller's kill) never reach this.
 */
export function toolKilledError(
  tool: Tool,
  args: readonly string[],
  code: number | null,
  signal: NodeJS.Signals | null,
): SichterError | null {
  const ending = signal ?? caughtSignal(tool, code);
  if (!ending) return null;
  return new SichterError(ErrorCode.TOOL_KILLED, { tool, signal: ending, path: inputOf(args) });
}

/**
 * ffmpeg catches SIGINT, SIGTERM and SIGXCPU and exits with status 255, which it uses for nothing
 * else; ffprobe catches none and dies by the signal itself.
 */
function caughtSignal(tool: Tool, code: number | null): string | null {
  return tool === "ffmpeg" && code === 255 ? "SIGTERM, SIGINT or SIGXCPU" : null;
}

/** The file a run reads: what follows `--` (ffprobe) or the first `-i` (ffmpeg). */
function inputOf(args: readonly string[]): string {
  const afterDashes = args.indexOf("--");
  if (afterDashes >= 0 && afterDashes + 1 < args.length) return args[afterDashes + 1]!;
  const input = args.indexOf("-i");
  return input >= 0 && input + 1 < args.length ? args[input + 1]! : "its input";
}

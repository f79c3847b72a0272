import { ErrorCode } from "@sichter/shared/errors";
import { SichterError } from "../core/SichterError.ts";

/** How long extension processes may have no work before they end, unless the environment says otherwise. */
export const DEFAULT_EXTENSION_IDLE_SECONDS = 60;

/**
 * The idle time of extension processes in milliseconds, from `SICHTER_EXTENSION_IDLE_SECONDS`
 * (seconds, fractions allowed; 0 keeps them running until the engine stops, which is undefined here).
 */
export function extensionIdleMs(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.SICHTER_EXTENSION_IDLE_SECONDS;
  if (raw === undefined || raw.trim() === "") return DEFAULT_EXTENSION_IDLE_SECONDS * 1000;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new SichterError(ErrorCode.USAGE, {
      detail: `SICHTER_EXTENSION_IDLE_SECONDS must be a number of seconds (0 keeps extension processes running), not "${raw}"`,
    });
  }
  return seconds === 0 ? undefined : Math.round(seconds * 1000);
}

import { ErrorCode } from "@sichter/shared/errors";
import { SichterError } from "../core/SichterError.ts";
import type { ConfigurationContribution } from "./manifest/index.ts";

/**
 * A setting typed on the command line, read by what the extension declares: `10` is a number
 * only where a number is expected, so a model called "4" stays text. Arrays and objects are JSON.
 */
export function settingValue(
  configuration: ConfigurationContribution | undefined,
  extension: string,
  key: string,
  text: string,
): unknown {
  const property = configuration?.properties[key];
  if (!property) {
    const known = Object.keys(configuration?.properties ?? {});
    throw new SichterError(ErrorCode.USAGE, {
      detail: `${extension} has no setting "${key}" (settings: ${known.join(", ") || "none"})`,
    });
  }
  switch (property.type) {
    case "string":
      return text;
    case "number":
    case "integer": {
      const value = Number(text);
      if (text.trim() === "" || !Number.isFinite(value))
        throw new SichterError(ErrorCode.USAGE, { detail: `${key} needs a number, not "${text}"` });
      return value;
    }
    case "boolean":
      if (text === "true" || text === "false") return text === "true";
      throw new SichterError(ErrorCode.USAGE, { detail: `${key} needs true or false, not "${text}"` });
    default:
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new SichterError(ErrorCode.USAGE, { detail: `${key} needs JSON (an ${property.type}), not "${text}"` });
      }
  }
}

/** Values shown back to the user: a setting that looks like a secret is masked. */
export function shownSetting(key: string, value: unknown): unknown {
  return /key|token|secret|password/i.test(key) && typeof value === "string" && !/env$/i.test(key)
    ? `${"*".repeat(Math.min(8, value.length))}`
    : value;
}

import { ErrorCode } from "@sichter/shared/errors";
import { SichterError } from "../../core/SichterError.ts";

/**
 * Reads a provider's settings with defaults. The engine validates them against the manifest
 * first; these checks turn a settings file edited by hand (or a setting left empty) into
 * PROVIDER_NOT_CONFIGURED naming the setting, instead of a request the service refuses.
 */
export class SettingReader {
  constructor(
    private readonly provider: string,
    private readonly configuration: Readonly<Record<string, unknown>>,
  ) {}

  fail(detail: string): SichterError {
    return new SichterError(ErrorCode.PROVIDER_NOT_CONFIGURED, { provider: this.provider, detail });
  }

  /** A trimmed non-empty string, the fallback, or undefined when neither is there. */
  text(key: string, fallback?: string): string | undefined {
    const value = this.configuration[key] ?? fallback;
    if (value === undefined) return undefined;
    if (typeof value !== "string" || value.trim() === "")
      throw this.fail(`the setting ${key} must be a non-empty string`);
    return value.trim();
  }

  integer(key: string, fallback: number, min: number, max: number): number {
    const value = this.configuration[key] ?? fallback;
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
      throw this.fail(`the setting ${key} must be a whole number from ${min} to ${max}`);
    }
    return value;
  }

  /** An absolute URL without trailing slashes (paths are appended to it). */
  baseUrl(key: string, fallback: string): string {
    const url = this.text(key, fallback)!.replace(/\/+$/, "");
    if (!URL.canParse(url)) throw this.fail(`the setting ${key} must be an absolute URL`);
    return url;
  }
}

import path from "node:path";
import { z } from "zod";
import { readSettingsFile } from "../../core/readSettingsFile.ts";
import { MAX_LONG_SIDE, MIN_LONG_SIDE } from "./imageLimits.ts";

/**
 * The user's privacy settings (`<config>/privacy.json`). Which providers may be asked at all is
 * decided by enabling their extensions; this file only tightens how: a smaller image size, a
 * company CA, contact sheets.
 */
export const PrivacySettings = z.strictObject({
  /** Long side of every image that leaves, in pixels; the design's ceiling is 768. */
  maxLongSide: z.int().min(MIN_LONG_SIDE).max(MAX_LONG_SIDE).default(MAX_LONG_SIDE),
  /** A PEM file with an extra CA (a self-hosted gateway); added to the public roots, never replacing them. */
  caFile: z.string().min(1).optional(),
  contactSheets: z
    .strictObject({
      enabled: z.boolean().default(true),
      /** Keyframes per sheet; 9 tiles (3 x 3) keep the drawn labels readable at 768 px. */
      tilesPerSheet: z.int().min(2).max(16).default(9),
    })
    .prefault({}),
  /** Keyframes this close (bits of perceptual hash) to one already sent are not sent again. */
  duplicateBits: z.int().min(0).max(32).default(10),
  /** Requests per provider at once. */
  concurrency: z.int().min(1).max(8).default(2),
  /** One request's deadline, in seconds (a hanging server is a timeout, then retried). */
  requestTimeoutSeconds: z.int().min(1).max(600).default(60),
});
export type PrivacySettings = z.infer<typeof PrivacySettings>;

export function privacySettingsPath(configDir: string): string {
  return path.join(configDir, "privacy.json");
}

/** Missing file: the defaults. A broken one is an error naming the field, never silently the defaults. */
export function loadPrivacySettings(configDir: string): PrivacySettings {
  return readSettingsFile(privacySettingsPath(configDir), PrivacySettings) ?? PrivacySettings.parse({});
}

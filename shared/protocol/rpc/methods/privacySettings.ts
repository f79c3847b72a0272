import { z } from "zod";
import { requestParams } from "../requestParams.ts";
import { EngineMode, WireKeywordProvider } from "./engineInfo.ts";

/**
 * `privacy.settings`: what would leave the machine if a cloud provider ran, before anything does.
 * A panel shows it next to the mode and the providers, so a user reads the limits the engine will
 * enforce (its privacy settings), not a promise of the panel's own.
 */
export const PrivacySettingsParams = requestParams({});
export type PrivacySettingsParams = z.infer<typeof PrivacySettingsParams>;

/** How keyframes are sent: the only thing that ever leaves the machine, and only in `cloud` mode. */
export const WireOutboundImages = z.object({
  /** Long side of every image sent, in pixels (the design's ceiling is 768; settings may lower it). */
  maxLongSide: z.int().positive(),
  /** Re-encoded from raw pixels, with no EXIF, XMP or GPS. */
  format: z.literal("jpeg"),
  /** Several keyframes tiled into one image, so fewer images leave; `tilesPerSheet` keyframes at most. */
  contactSheets: z.object({ enabled: z.boolean(), tilesPerSheet: z.int().positive() }),
  /** Keyframes this close (bits of perceptual hash) to one already sent are not sent again. */
  duplicateBits: z.int().nonnegative(),
});
export type WireOutboundImages = z.infer<typeof WireOutboundImages>;

export const PrivacySettingsResult = z.object({
  mode: EngineMode,
  providers: z.array(WireKeywordProvider).max(1000),
  images: WireOutboundImages,
});
export type PrivacySettingsResult = z.infer<typeof PrivacySettingsResult>;

import { z } from "zod";
import { WireLimits } from "./limits.ts";

/** Small building blocks the method schemas share, each with its wire bound. */

export const WirePath = z.string().min(1).max(WireLimits.path);

export const WireName = z.string().min(1).max(WireLimits.name);

export const WireText = z.string().max(WireLimits.text);

export const WireLabel = z.string().min(1).max(WireLimits.label);

/** Frame number counted from the clip's first frame. */
export const FrameNumber = z.int().nonnegative();

/** Catalog row ids (clips, tags) are positive integers. */
export const CatalogId = z.int().positive();

export const JobId = z.string().min(1).max(WireLimits.id);
export type JobId = z.infer<typeof JobId>;

export const Timestamp = z.iso.datetime();

/**
 * Any SICHTER_E_* code. Deliberately not an enum of today's codes: an older panel must still
 * accept (and show the message of) a code a newer engine introduced.
 */
export const WireErrorCode = z.string().regex(/^SICHTER_E_[A-Z0-9_]{1,64}$/);

/** What went wrong, as stored on a job or sent in a notification. */
export const WireError = z.object({
  code: WireErrorCode,
  message: WireText,
});
export type WireError = z.infer<typeof WireError>;

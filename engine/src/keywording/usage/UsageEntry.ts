import { z } from "zod";
import { ContributionId } from "../../extensionApi/ContributionId.ts";
import { Currency } from "./Currency.ts";

const Count = z.number().int().nonnegative();
const Amount = z.number().nonnegative();

/**
 * One provider request batch as the ledger stores it. Strict on purpose: the ledger is for billing
 * and holds no user, IP address, file name, path or job id (DESIGN.md, privacy), so a caller that
 * passes such a field (`file`, `ip`, `jobId`) is refused rather than having it silently dropped.
 * `provider` must be a contribution id, so no free text (a path, a host) can ride in on it.
 */
export const UsageEntry = z
  .strictObject({
    /** When the batch was sent (default: now); stored rounded down to the minute. */
    at: z.date().optional(),
    provider: ContributionId,
    requests: Count,
    /** Pictures sent; a contact sheet counts 1. */
    images: Count,
    /** Keyframes those pictures carried (a 2 x 2 sheet: 4). */
    keyframes: Count,
    bytesSent: Count,
    inputTokens: Count,
    outputTokens: Count,
    /** In `currency`, from the price table (PriceTable.ts estimateCost). */
    estimatedCost: Amount,
    currency: Currency,
    /** Seconds of footage the batch covered, for "per minute of footage" figures. */
    footageSeconds: Amount,
  })
  .refine((e) => e.keyframes >= e.images, {
    path: ["keyframes"],
    message: "every picture carries at least one keyframe: keyframes >= images",
  });

export type UsageEntry = z.input<typeof UsageEntry>;

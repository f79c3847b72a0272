import { z } from "zod";
import { WireLimits } from "./limits.ts";

/**
 * LSP-style progress token. Any request may carry one in `params.progressToken`; the engine then
 * reports that request's progress as `$/progress` notifications carrying the same token
 * (`begin`, any number of `report`, `end`). Without a token the engine sends no `$/progress` for
 * the request; job-level progress still arrives as `job.progress`.
 */
export const ProgressToken = z.union([z.string().min(1).max(WireLimits.id), z.int()]);
export type ProgressToken = z.infer<typeof ProgressToken>;

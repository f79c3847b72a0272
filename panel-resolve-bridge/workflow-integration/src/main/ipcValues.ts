import { z } from "zod";
import { TagPlan } from "@sichter/shared/model";
import { ErrorCode, SichterRpcError, describeIssues } from "@sichter/shared/protocol";
import type { IpcAnswer } from "../ipcChannels.ts";

/** A clip reference as the page sends it back (see @sichter/ui's ClipReference). */
export const ClipReferenceValue = z.strictObject({
  mediaPath: z.string().min(1).max(4096),
  name: z.string().max(1024),
  hostItemId: z.string().max(256).optional(),
  source: z.strictObject({ inFrame: z.int().nonnegative(), outFrame: z.int().nonnegative() }).optional(),
  sequence: z
    .strictObject({
      sequenceName: z.string().max(1024),
      frameRate: z.string().regex(/^\d+\/\d+$/),
      startFrame: z.int(),
      endFrame: z.int(),
      track: z.int().nonnegative(),
    })
    .optional(),
});

export const TagPlanValue = TagPlan;
export const FrameValue = z.int().nonnegative();
export const ClipSourceValue = z.enum(["selection", "playhead"]);
/** Auto-mark's plans by media path, as [path, plan] pairs. */
export const SequencePlansValue = z.array(z.tuple([z.string().min(1).max(4096), TagPlan])).max(10_000);

/** The page's name for one auto-mark run: its progress events carry it, its cancel names it. */
export const RunIdValue = z.string().min(1).max(64);

/** Checks what the page sent; the page is the less trusted side of the bridge. */
export function checked<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success)
    throw SichterRpcError.of(ErrorCode.INVALID_PARAMS, {
      method: what,
      detail: describeIssues(result.error.issues, value, what),
    });
  return result.data;
}

/** Runs a handler and answers in the IPC envelope, a failure with its SICHTER_E_* code. */
export async function answer<T>(work: () => Promise<T> | T): Promise<IpcAnswer<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof SichterRpcError)
      return { ok: false, error: { code: error.code, message: error.message, data: error.data } };
    return {
      ok: false,
      error: { code: ErrorCode.INTERNAL, message: error instanceof Error ? error.message : String(error) },
    };
  }
}

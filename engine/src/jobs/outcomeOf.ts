import { ErrorCode, WireLimits } from "@sichter/shared/protocol";
import { isSichterError, SichterError, toSichterError } from "../core/SichterError.ts";
import type { JobOutcome } from "./JobStore.ts";
import type { StopReason } from "./RunningJob.ts";

/** What a runner's promise settled with. */
export type Settlement = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Turns a settled run into what is stored. A result that arrived is kept even after a cancel (the
 * analysis did land in the catalog); an error after a shutdown's cancel is most likely that cancel
 * (a killed ffmpeg), so the job goes back to the queue instead of failing.
 */
export function outcomeOf(
  settlement: Settlement,
  run: { stopReason: StopReason | undefined; cancelled: boolean; fraction: number },
): JobOutcome | { state: "queued" } {
  if (settlement.ok) {
    const result = serialise(settlement.value);
    if (result instanceof SichterError) return failed(result, run.fraction);
    return { state: "completed", fraction: 1, result };
  }
  if (run.stopReason === "shutdown") return { state: "queued" };
  if (isSichterError(settlement.error, ErrorCode.CANCELLED) || run.cancelled) {
    return { state: "cancelled", fraction: run.fraction };
  }
  return failed(toSichterError(settlement.error), run.fraction);
}

function failed(error: SichterError, fraction: number): JobOutcome {
  return { state: "failed", fraction, error: { code: error.code, message: error.message.slice(0, WireLimits.text) } };
}

function serialise(value: unknown): string | SichterError {
  try {
    // undefined has no JSON text; a runner with nothing to report still completed.
    return JSON.stringify(value) ?? "null";
  } catch (error) {
    const detail = `the job's result cannot be stored as JSON: ${error instanceof Error ? error.message : String(error)}`;
    return new SichterError(ErrorCode.INTERNAL, { detail }, { cause: error });
  }
}

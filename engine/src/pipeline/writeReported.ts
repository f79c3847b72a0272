import type { ErrorCode } from "@sichter/shared/errors";
import { type CancellationToken, throwIfCancelled } from "../core/Cancellation.ts";
import { type SichterError, toSichterError } from "../core/SichterError.ts";
import type { AnalyzerFailure } from "./analyzeClip.ts";
import type { TagWriter, TagWriterInput, TagWriterResult } from "../extensionApi/TagWriter.ts";

/** One tag writer's line in a clip's report: where it wrote, or where it meant to and why it did not. */
export interface WriterReport {
  id: string;
  /** The sidecar, the media file, `catalog:<id>`, a MAM's asset; null when the writer names none. */
  target: string | null;
  error?: { code: ErrorCode; message: string };
}

/** A writer that failed, with its error as thrown (its own code and parameters, for a localised line). */
export interface NotWritten {
  readonly writer: string;
  readonly error: SichterError;
}

/** Where a writer's outcome is recorded: the clip's report, and the failures beside it. */
export interface WriterOutcomes {
  readonly report: { writers: WriterReport[]; failures: AnalyzerFailure[] };
  readonly notWritten: NotWritten[];
}

/**
 * Runs one writer after the clip is catalogued. Its failure (a read-only sidecar, a MAM that is
 * down) takes nothing back: it is recorded in the report, with its code and the file it concerns,
 * and the caller goes on. Cancellation still ends the job.
 */
export async function writeReported(
  writer: TagWriter,
  input: TagWriterInput,
  token: CancellationToken,
  outcomes: WriterOutcomes,
): Promise<TagWriterResult | undefined> {
  try {
    const result = await writer.write(input, token);
    outcomes.report.writers.push({ id: writer.id, target: result.target });
    return result;
  } catch (error) {
    throwIfCancelled(token);
    const e = toSichterError(error);
    const target = typeof e.params.path === "string" ? e.params.path : null;
    outcomes.report.writers.push({ id: writer.id, target, error: { code: e.code, message: e.message } });
    outcomes.report.failures.push({ analyzer: writer.id, code: e.code, message: e.message });
    outcomes.notWritten.push({ writer: writer.id, error: e });
    return undefined;
  }
}

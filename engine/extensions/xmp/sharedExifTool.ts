import { ExifTool } from "exiftool-vendored";

/**
 * How long one exiftool task may run. exiftool rewrites a whole media file through a temp copy
 * when it embeds XMP, so a multi-GB MOV on a slow share needs minutes; exiftool-vendored's 30 s
 * default would kill the task half way and could leave a `*_exiftool_tmp` file behind.
 */
const TASK_TIMEOUT_MS = 15 * 60_000;

let instance: ExifTool | undefined;

/**
 * The one exiftool process pool of the engine, started on first use: starting perl + exiftool
 * costs about a second, so every read and write shares it. Callers end it with `disposeExifTool`
 * (tests in afterAll), otherwise the child process keeps Node alive.
 */
export function sharedExifTool(): ExifTool {
  if (instance === undefined || instance.ended) {
    instance = new ExifTool({
      taskTimeoutMillis: TASK_TIMEOUT_MS,
      // batch-cluster recycles a process only between tasks and insists its age limit exceeds
      // the task timeout.
      maxProcAgeMillis: 2 * TASK_TIMEOUT_MS,
      // A retried write is not idempotent in general and a retried read after a timeout would take
      // as long again: fail once and say so.
      taskRetries: 0,
      // "-m" would turn exiftool's minor errors into silent warnings; we want to see every one.
      ignoreMinorErrors: false,
      // MWG composite tags would also write EXIF/IPTC copies; Sichter writes XMP only.
      useMWG: false,
    });
  }
  return instance;
}

/** Ends the shared exiftool process (a new one is started by the next `sharedExifTool()`). */
export async function disposeExifTool(): Promise<void> {
  const current = instance;
  instance = undefined;
  if (current !== undefined && !current.ended) await current.end();
}

import type { SichterClient } from "@sichter/shared/protocol";

/**
 * Analyses `file` through the engine's protocol and waits for that job's end, for tests whose subject
 * is what comes after the analysis (the analyse button has its own test). `write` as clip.analyze
 * takes it: "sidecar" writes the suggestions as XMP, as `sichter analyze` does. `language` is the
 * suggestions' language; "de" is the engine's own default.
 */
export async function analyseThroughEngine(
  client: SichterClient,
  file: string,
  write: "sidecar" | "none" = "none",
  language: "de" | "en" = "en",
): Promise<void> {
  let jobId: string | null = null;
  const ended = new Map<string, string | null>();
  let settle: (() => void) | null = null;
  const check = (): void => {
    if (jobId !== null && ended.has(jobId)) settle?.();
  };
  const done = client.onNotification("job.done", (p) => {
    ended.set(p.jobId, null);
    check();
  });
  const failed = client.onNotification("job.failed", (p) => {
    ended.set(p.jobId, `${p.error.code} ${p.error.message}`);
    check();
  });
  try {
    const finished = new Promise<void>((resolve) => (settle = resolve));
    ({ jobId } = await client.request("clip.analyze", { path: file, options: { write, language } }));
    check();
    await finished;
    const failure = ended.get(jobId);
    if (failure) throw new Error(`analysis of ${file} failed: ${failure}`);
  } finally {
    done.dispose();
    failed.dispose();
  }
}

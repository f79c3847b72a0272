import { ErrorCode, type Disposable, type Job } from "@sichter/shared/protocol";
import type { EngineCalls } from "../../engine/EngineCalls.ts";
import { watchJob, type JobWatch } from "../../engine/watchJob.ts";
import { createReducerStore, type Store } from "../Store.ts";
import { toUiError } from "../UiError.ts";
import { analysisReducer, initialAnalysis, type AnalysisState } from "./analysisReducer.ts";

export interface AnalyzeRequest {
  readonly path: string;
  /** Language of generated labels. */
  readonly language: "de" | "en";
}

/**
 * Runs one analysis at a time for the panel: `clip.analyze` (the catalog only; writing XMP is the
 * separate "apply" step), the job's progress into the reducer, `job.cancel` on request. `onEnd` is
 * told when a job completed, so the review can load the new result.
 */
export class AnalysisController implements Disposable {
  readonly #engine: EngineCalls;
  readonly #store = createReducerStore(analysisReducer, initialAnalysis);
  #watch: JobWatch | null = null;
  readonly #completed = new Set<(path: string) => void>();

  constructor(engine: EngineCalls) {
    this.#engine = engine;
  }

  get state(): Store<AnalysisState> {
    return this.#store;
  }

  onCompleted(listener: (path: string) => void): Disposable {
    this.#completed.add(listener);
    return { dispose: () => void this.#completed.delete(listener) };
  }

  async analyze(request: AnalyzeRequest): Promise<void> {
    const before = this.#store.get();
    if (before.phase === "starting" || before.phase === "running") return;
    this.#store.dispatch({ type: "start", path: request.path });
    let jobId: string;
    try {
      ({ jobId } = await this.#engine.request("clip.analyze", {
        path: request.path,
        options: { language: request.language, write: "none" },
      }));
    } catch (error) {
      this.#store.dispatch({ type: "failed", jobId: null, error: toUiError(error) });
      return;
    }
    this.#store.dispatch({ type: "queued", jobId });
    this.#follow(jobId, request.path);
  }

  /** Asks the engine to stop the running job; the job's end (cancelled) arrives as usual. */
  async cancel(): Promise<void> {
    const state = this.#store.get();
    if (state.phase !== "running" || state.cancelling) return;
    this.#store.dispatch({ type: "cancel" });
    try {
      const job = await this.#engine.request("job.cancel", { jobId: state.jobId });
      this.#ended(job, state.path);
    } catch (error) {
      this.#store.dispatch({ type: "failed", jobId: state.jobId, error: toUiError(error) });
    }
  }

  /**
   * Follows an analysis of `path` that already runs in the engine (the page was reloaded, or
   * another panel started it), so its progress shows and cancel works here too.
   */
  async attach(path: string): Promise<void> {
    if (this.#store.get().phase === "starting" || this.#store.get().phase === "running") return;
    let jobs;
    try {
      ({ jobs } = await this.#engine.request("job.list", { states: ["queued", "running"] }));
    } catch {
      // Nothing to show then; a new analysis still works.
      return;
    }
    const job = jobs.find((j) => j.clipPath === path);
    if (!job) return;
    this.#store.dispatch({ type: "attached", path, jobId: job.id, stage: job.stage, fraction: job.fraction });
    const state = this.#store.get();
    if (state.phase === "running" && state.jobId === job.id) this.#follow(job.id, path);
  }

  /** Re-checks a running job after a reconnect: its end may have happened while the panel was away. */
  resync(): void {
    const state = this.#store.get();
    if (state.phase !== "running") return;
    this.#follow(state.jobId, state.path);
  }

  reset(): void {
    this.#store.dispatch({ type: "reset" });
  }

  dispose(): void {
    this.#watch?.dispose();
    this.#watch = null;
    this.#completed.clear();
  }

  #follow(jobId: string, path: string): void {
    this.#watch?.dispose();
    const watch = watchJob(this.#engine, jobId, (stage, fraction) =>
      this.#store.dispatch({ type: "progress", jobId, stage, fraction }),
    );
    this.#watch = watch;
    watch.finished.then(
      (job) => this.#ended(job, path),
      (error: unknown) => {
        if (this.#watch !== watch) return;
        const uiError = toUiError(error);
        // A lost connection is not the job's end: the reconnect re-syncs it.
        if (uiError.code !== ErrorCode.CONNECTION_CLOSED && uiError.code !== ErrorCode.CANCELLED) {
          this.#store.dispatch({ type: "failed", jobId, error: uiError });
        }
      },
    );
  }

  #ended(job: Job, path: string): void {
    if (job.state === "completed") {
      const before = this.#store.get();
      this.#store.dispatch({ type: "completed", jobId: job.id });
      if (before.phase === "running" && before.jobId === job.id)
        for (const listener of [...this.#completed]) listener(path);
    } else if (job.state === "cancelled") {
      this.#store.dispatch({ type: "cancelled", jobId: job.id });
    } else if (job.state === "failed" || job.state === "interrupted") {
      const error = job.error ?? { code: ErrorCode.INTERNAL, message: job.state };
      this.#store.dispatch({ type: "failed", jobId: job.id, error: toUiError(error) });
    }
  }
}

import type { Job, WireTransparencyRecord } from "@sichter/shared/protocol";
import type { EngineCalls } from "../../engine/EngineCalls.ts";
import { createStore, type Store } from "../Store.ts";
import { toUiError, type UiError } from "../UiError.ts";

/** The engine's jobs shown at once, newest first. */
export const JOBS_SHOWN = 20;

export interface JobTransparency {
  readonly job: Job;
  /** job.privacy's records; empty: nothing left this machine for this job. */
  readonly records: readonly WireTransparencyRecord[];
}

export interface TransparencyState {
  readonly load: "idle" | "loading" | "loaded" | "failed";
  readonly jobs: readonly JobTransparency[];
  readonly error: UiError | null;
}

export const initialTransparency: TransparencyState = { load: "idle", jobs: [], error: null };

/**
 * "What was sent": the engine's recent jobs (job.list) each with its transparency record
 * (job.privacy), read fresh whenever the view opens. Queued jobs have sent nothing yet and are left out.
 */
export class TransparencyController {
  readonly #engine: EngineCalls;
  readonly #store = createStore<TransparencyState>(initialTransparency);
  #sequence = 0;

  constructor(engine: EngineCalls) {
    this.#engine = engine;
  }

  get state(): Store<TransparencyState> {
    return this.#store;
  }

  async load(): Promise<void> {
    const sequence = ++this.#sequence;
    this.#store.update((state) => ({ ...state, load: "loading", error: null }));
    try {
      const { jobs } = await this.#engine.request("job.list", { limit: JOBS_SHOWN });
      const started = jobs.filter((job) => job.state !== "queued");
      const answers = await Promise.all(started.map((job) => this.#engine.request("job.privacy", { jobId: job.id })));
      if (sequence !== this.#sequence) return;
      this.#store.set({
        load: "loaded",
        jobs: started.map((job, i) => ({ job, records: answers[i]!.records })),
        error: null,
      });
    } catch (error) {
      if (sequence !== this.#sequence) return;
      this.#store.update((state) => ({ ...state, load: "failed", error: toUiError(error) }));
    }
  }
}

import { ErrorCode, type Disposable, type Job, type WireError } from "@sichter/shared/protocol";
import type { EngineCalls } from "../../engine/EngineCalls.ts";
import type { ClipReference } from "../../host/ClipReference.ts";
import { isFinal } from "../../engine/watchJob.ts";
import { paramsFromMessage } from "../../i18n/paramsFromMessage.ts";
import { createReducerStore, type Store } from "../Store.ts";
import { toUiError, type UiError } from "../UiError.ts";
import {
  autoMarkReducer,
  initialAutoMark,
  isFinalClip,
  runFinished,
  type AutoMarkClip,
  type AutoMarkRun,
  type AutoMarkState,
} from "./autoMarkReducer.ts";
import type { AutoMarkStorage } from "./autoMarkStorage.ts";
import { eachAtMost } from "./eachAtMost.ts";

/** A media file to mark, and the name the user knows it by. */
export interface AutoMarkTarget {
  readonly path: string;
  readonly name: string;
}

/** Requests in flight at once: hundreds of clips queue in moments without tripping the engine's rate limit. */
const IN_FLIGHT = 8;
/** The most jobs `job.list` answers with. */
const LIST_LIMIT = 1000;
/** Clock difference tolerated when a reload matches a clip to a job created after the run started. */
const CLOCK_SLACK_MS = 2000;

/**
 * Auto-mark: every clip of a folder or sequence queued at once (`clip.analyze` per clip; the engine
 * joins a clip that is already being analysed), followed together in one state (per clip and
 * overall), cancelled together (`job.cancel`), ending in a summary with each failure's code. The run
 * is kept in storage: after a reload or reconnect `resume` finds its jobs again (`job.list`) and
 * follows them (`job.subscribe`).
 */
export class AutoMarkController implements Disposable {
  readonly #engine: EngineCalls;
  readonly #storage: AutoMarkStorage;
  readonly #store = createReducerStore(autoMarkReducer, initialAutoMark);
  readonly #subscriptions: Disposable[];

  constructor(engine: EngineCalls, storage: AutoMarkStorage) {
    this.#engine = engine;
    this.#storage = storage;
    this.#subscriptions = [
      engine.onNotification("job.progress", (p) =>
        this.#store.dispatch({ type: "progress", jobId: p.jobId, stage: p.stage, fraction: p.fraction }),
      ),
      engine.onNotification("job.done", (p) => this.#jobNow(p.job)),
      engine.onNotification("job.failed", (p) => this.#jobNow(p.job, p.error)),
    ];
  }

  get state(): Store<AutoMarkState> {
    return this.#store;
  }

  /** Queues every target at once; nothing happens while another run is still going. */
  async start(source: string, targets: readonly AutoMarkTarget[], language: "de" | "en"): Promise<void> {
    const seen = new Set<string>();
    const clips = targets.filter((target) => !seen.has(target.path) && seen.add(target.path)).map(sendingClip);
    if (clips.length === 0) {
      this.#store.dispatch({ type: "empty" });
      return;
    }
    const run: AutoMarkRun = { source, language, startedAt: new Date().toISOString(), clips, cancelling: false };
    this.#store.dispatch({ type: "start", run });
    if (this.#store.get().run !== run) return;
    this.#storage.save(run);
    await this.#send(clips);
  }

  /**
   * Marks the host's active sequence (Premiere, Resolve: `HostAdapter.sequenceClips`), each media
   * file once however often the sequence uses it.
   */
  async startSequence(sequenceClips: () => Promise<readonly ClipReference[]>, language: "de" | "en"): Promise<void> {
    let clips: readonly ClipReference[];
    try {
      clips = await sequenceClips();
    } catch (error) {
      this.#store.dispatch({ type: "failed", error: toUiError(error) });
      return;
    }
    const source = clips.find((clip) => clip.sequence)?.sequence?.sequenceName ?? "";
    await this.start(
      source,
      clips.map((clip) => ({ path: clip.mediaPath, name: clip.name })),
      language,
    );
  }

  /** Asks the engine to stop every job of the run that has not ended; their ends arrive as usual. */
  async cancel(): Promise<void> {
    const run = this.#store.get().run;
    if (!run || runFinished(run) || run.cancelling) return;
    this.#store.dispatch({ type: "cancelling" });
    const live = run.clips.filter((clip) => clip.jobId !== null && !isFinalClip(clip));
    // Queued jobs first: they end at once and must not start meanwhile.
    live.sort((a, b) => Number(a.state === "running") - Number(b.state === "running"));
    await eachAtMost(live, IN_FLIGHT, (clip) => this.#cancelJob(clip.jobId!));
  }

  /**
   * After the page loaded or the connection came back: takes up the stored run, finds the jobs of
   * its clips (`job.list`; a clip whose request never got an answer is matched by path, or sent
   * again), and follows the ones still going (`job.subscribe`, which this connection needs to hear them).
   */
  async resume(): Promise<void> {
    let run = this.#store.get().run;
    if (!run) {
      const stored = this.#storage.load();
      if (!stored) return;
      this.#store.dispatch({ type: "start", run: stored });
      run = stored;
    }
    if (runFinished(run)) return;
    let jobs: readonly Job[];
    try {
      ({ jobs } = await this.#engine.request("job.list", { limit: LIST_LIMIT }));
    } catch {
      // Not connected (yet): the next connection resumes.
      return;
    }
    const since = Date.parse(run.startedAt) - CLOCK_SLACK_MS;
    const unsent: AutoMarkClip[] = [];
    for (const clip of run.clips) {
      if (isFinalClip(clip)) continue;
      const job =
        clip.jobId !== null
          ? jobs.find((j) => j.id === clip.jobId)
          : jobs.find((j) => j.clipPath === clip.path && Date.parse(j.createdAt) >= since);
      if (clip.jobId === null) {
        if (!job) {
          unsent.push(clip);
          continue;
        }
        this.#store.dispatch({ type: "queued", path: clip.path, jobId: job.id });
      }
      if (job) this.#jobNow(job);
    }
    this.#storage.save(this.#store.get().run!);
    const following = this.#store.get().run!.clips.filter((clip) => clip.jobId !== null && !isFinalClip(clip));
    await Promise.all([eachAtMost(following, IN_FLIGHT, (clip) => this.#subscribe(clip.jobId!)), this.#send(unsent)]);
  }

  /** Closes the summary of a finished run. */
  dismiss(): void {
    const run = this.#store.get().run;
    if (run && !runFinished(run)) return;
    this.#store.dispatch({ type: "dismiss" });
    this.#storage.clear();
  }

  dispose(): void {
    for (const subscription of this.#subscriptions.splice(0)) subscription.dispose();
  }

  async #send(clips: readonly AutoMarkClip[]): Promise<void> {
    if (clips.length === 0) return;
    const language = this.#store.get().run!.language;
    await eachAtMost(clips, IN_FLIGHT, async (clip) => {
      try {
        const { jobId } = await this.#engine.request("clip.analyze", {
          path: clip.path,
          options: { language, write: "none" },
        });
        this.#store.dispatch({ type: "queued", path: clip.path, jobId });
        // Cancelled while this request was on its way: the job goes too.
        if (this.#store.get().run?.cancelling) await this.#cancelJob(jobId);
      } catch (error) {
        this.#store.dispatch({ type: "requestFailed", path: clip.path, error: toUiError(error) });
      }
    });
    const run = this.#store.get().run;
    if (run) this.#storage.save(run);
  }

  async #subscribe(jobId: string): Promise<void> {
    try {
      this.#jobNow(await this.#engine.request("job.subscribe", { jobId }));
    } catch (error) {
      this.#lost(jobId, error);
    }
  }

  async #cancelJob(jobId: string): Promise<void> {
    try {
      this.#jobNow(await this.#engine.request("job.cancel", { jobId }));
    } catch (error) {
      this.#lost(jobId, error);
    }
  }

  /** A job the engine no longer knows failed with that answer; a lost connection is no answer (resume follows). */
  #lost(jobId: string, error: unknown): void {
    const uiError = toUiError(error);
    if (uiError.code === ErrorCode.CONNECTION_CLOSED || uiError.code === ErrorCode.REQUEST_TIMEOUT) return;
    if (uiError.code === ErrorCode.JOB_NOT_FOUND) {
      this.#store.dispatch({ type: "job", job: lostJob(jobId), error: uiError });
    } else {
      this.#store.dispatch({ type: "failed", error: uiError });
    }
  }

  #jobNow(job: Job, error?: WireError): void {
    this.#store.dispatch({ type: "job", job, error: isFinal(job) ? jobError(job, error) : null });
  }
}

function sendingClip(target: AutoMarkTarget): AutoMarkClip {
  return { path: target.path, name: target.name, jobId: null, state: "sending", stage: null, fraction: 0, error: null };
}

/**
 * A failed job's error as the panel shows it. A job's stored error carries code and the engine's
 * English text only; its params are read back from that text, so the message is told in German too.
 */
function jobError(job: Job, notified?: WireError): UiError | null {
  if (job.state !== "failed" && job.state !== "interrupted") return null;
  const wire = job.error ?? notified ?? { code: ErrorCode.INTERNAL, message: job.state };
  return { code: wire.code, params: paramsFromMessage(wire.code, wire.message), message: wire.message };
}

/** Stands for a job the engine answered JOB_NOT_FOUND for (its catalog was replaced, say). */
function lostJob(jobId: string): Job {
  const now = new Date().toISOString();
  return {
    id: jobId,
    clipPath: "",
    state: "failed",
    stage: null,
    fraction: 0,
    createdAt: now,
    startedAt: null,
    finishedAt: now,
    error: null,
  };
}

import type { TagPlan } from "@sichter/shared/model";
import type { Disposable } from "@sichter/shared/protocol";
import type { EngineCalls } from "../../engine/EngineCalls.ts";
import type { HostAdapter, SequenceMarkReport, UiLocale } from "../../host/HostAdapter.ts";
import { createStore, type Store } from "../Store.ts";
import { toUiError, type UiError } from "../UiError.ts";
import type { AutoMarkController } from "./AutoMarkController.ts";
import { runFinished } from "./autoMarkReducer.ts";
import { eachAtMost } from "./eachAtMost.ts";

/**
 * Writing the markers of a sequence's auto-mark into the host. `idle`: nothing asked.
 * `analysing`: the run's analyses are going. `planning`: tags.plan per analysed media. `writing`:
 * the host's markSequence (with `done` of `total` instances). `done`: `report` holds every instance
 * (and `error` the first plan the engine could not give, if any).
 * `failed`: `error`. `unavailable`: the host cannot write them (Premiere CEP): the analyses are in
 * the catalog all the same. `cancelled`: the run was cancelled; nothing was written.
 */
export type SequenceMarkPhase =
  "idle" | "analysing" | "planning" | "writing" | "done" | "failed" | "unavailable" | "cancelled";

export interface SequenceMarkState {
  readonly phase: SequenceMarkPhase;
  readonly done: number;
  readonly total: number;
  readonly report: SequenceMarkReport | null;
  readonly error: UiError | null;
}

export const idleSequenceMark: SequenceMarkState = { phase: "idle", done: 0, total: 0, report: null, error: null };

/** Requests in flight at once for the plans, as for the analyses. */
const IN_FLIGHT = 8;

export interface SequenceMarkRequest {
  readonly language: UiLocale;
  /** The plan as the user's settings want it (marker sources, colours); the engine's when absent. */
  readonly preparePlan?: (plan: TagPlan) => TagPlan;
}

/**
 * Auto-mark of the host's active sequence, end to end: the AutoMarkController analyses each media
 * once; when every analysis has ended, the plans of the analysed ones (`tags.plan`) go to the
 * host's `markSequence`, whose per-instance report the summary shows. A cancelled run writes
 * nothing; `cancel` while writing hands the host its token.
 */
export class SequenceMarkController implements Disposable {
  readonly #engine: EngineCalls;
  readonly #host: HostAdapter;
  readonly #autoMark: AutoMarkController;
  readonly #store = createStore<SequenceMarkState>(idleSequenceMark);
  #token: AbortController | null = null;
  #waiting: (() => void) | null = null;

  constructor(engine: EngineCalls, host: HostAdapter, autoMark: AutoMarkController) {
    this.#engine = engine;
    this.#host = host;
    this.#autoMark = autoMark;
  }

  get state(): Store<SequenceMarkState> {
    return this.#store;
  }

  /** Whether this host writes auto-mark markers at all. */
  get available(): boolean {
    return this.#host.capabilities.markSequence === true && typeof this.#host.markSequence === "function";
  }

  /** Analyses the active sequence and, once every analysis has ended, writes its markers. */
  async start(request: SequenceMarkRequest): Promise<void> {
    if (this.#busy()) return;
    const before = this.#autoMark.state.get().run;
    await this.#autoMark.startSequence(() => this.#host.sequenceClips(), request.language);
    const run = this.#autoMark.state.get().run;
    // No new run (an empty sequence, one still going, a failed start): nothing to write.
    if (!run || run === before) return;
    if (!this.available) {
      this.#store.set({ ...idleSequenceMark, phase: "unavailable" });
      return;
    }
    this.#token = new AbortController();
    const token = this.#token;
    this.#store.set({ ...idleSequenceMark, phase: "analysing" });
    await this.#analysesEnded();
    const ended = this.#autoMark.state.get().run;
    if (token.signal.aborted || !ended || ended.cancelling) {
      this.#store.set({ ...idleSequenceMark, phase: "cancelled" });
      return;
    }
    await this.#write(
      ended.clips.filter((clip) => clip.state === "completed").map((clip) => clip.path),
      request,
      token.signal,
    );
  }

  /** Stops a sequence's marking: the analyses (AutoMarkController.cancel) and the host's write, if it listens. */
  async cancel(): Promise<void> {
    this.#token?.abort();
    await this.#autoMark.cancel();
  }

  /** Forgets the last report (the summary was closed). */
  dismiss(): void {
    if (!this.#busy()) this.#store.set(idleSequenceMark);
  }

  dispose(): void {
    this.#token?.abort();
    this.#waiting?.();
  }

  #busy(): boolean {
    const phase = this.#store.get().phase;
    return phase === "analysing" || phase === "planning" || phase === "writing";
  }

  #analysesEnded(): Promise<void> {
    return new Promise((resolve) => {
      const check = (): boolean => {
        const run = this.#autoMark.state.get().run;
        return !run || runFinished(run);
      };
      if (check()) return resolve();
      const stop = this.#autoMark.state.subscribe(() => {
        if (check()) finish();
      });
      const finish = (): void => {
        stop();
        this.#waiting = null;
        resolve();
      };
      this.#waiting = finish;
    });
  }

  async #write(paths: readonly string[], request: SequenceMarkRequest, token: AbortSignal): Promise<void> {
    this.#store.set({ ...idleSequenceMark, phase: "planning", total: paths.length });
    const plans = new Map<string, TagPlan>();
    let planError: UiError | null = null;
    try {
      await eachAtMost(paths, IN_FLIGHT, async (path) => {
        try {
          const { plan } = await this.#engine.request("tags.plan", { path, language: request.language });
          plans.set(path, request.preparePlan ? request.preparePlan(plan) : plan);
        } catch (error) {
          // Without its plan the host reports the media's instances as skipped; the summary shows why.
          planError ??= toUiError(error);
        }
      });
      this.#store.set({ ...idleSequenceMark, phase: "writing" });
      const report = await this.#host.markSequence!(
        plans,
        (done, total) => this.#store.set({ ...this.#store.get(), done, total }),
        token,
      );
      this.#store.set({ ...this.#store.get(), phase: "done", report, error: planError });
    } catch (error) {
      this.#store.set({ ...idleSequenceMark, phase: "failed", error: toUiError(error) });
    }
  }
}

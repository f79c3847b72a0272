import type { TagPlan } from "@sichter/shared/model";
import type { ClipReference } from "../../host/ClipReference.ts";
import type { HostAdapter, UiLocale } from "../../host/HostAdapter.ts";
import type { EngineCalls } from "../../engine/EngineCalls.ts";
import { createReducerStore, type Store } from "../Store.ts";
import { toUiError } from "../UiError.ts";
import { applyReducer, initialApply, type ApplyState } from "./applyReducer.ts";

export interface ApplyRequest {
  /** Language of what is written (description, vision keywords). */
  readonly language: UiLocale;
  /** The plan as the user's settings want it (sources, colours); the engine's plan when absent. */
  readonly preparePlan?: (plan: TagPlan) => TagPlan;
}

/**
 * Writes a clip's reviewed tags into the host: the engine's plan of the accepted tags
 * (`tags.plan`) goes to the host adapter's `applyTagPlan` (in the browser host the engine writes it
 * as XMP with `tags.apply`), and the per-item report is kept per clip. Applying again is always
 * allowed: writers change only Sichter's own keywords and markers.
 */
export class ApplyController {
  readonly #engine: EngineCalls;
  readonly #host: HostAdapter;
  readonly #store = createReducerStore(applyReducer, initialApply);

  constructor(engine: EngineCalls, host: HostAdapter) {
    this.#engine = engine;
    this.#host = host;
  }

  get state(): Store<ApplyState> {
    return this.#store;
  }

  /** Whether the host can embed at all; the view offers it only for files the engine can embed into. */
  get canEmbed(): boolean {
    return this.#host.capabilities.apply.embed === true;
  }

  /**
   * Whether the host makes an apply one undo step (HostCapabilities.undoGrouping); false: the view
   * says so near apply (UndoGroupingNote).
   */
  get undoGrouping(): boolean | undefined {
    return this.#host.capabilities.undoGrouping;
  }

  setEmbed(embed: boolean): void {
    this.#store.dispatch({ type: "embed", embed });
  }

  async apply(clip: ClipReference, request: ApplyRequest, embeddable: boolean): Promise<void> {
    const path = clip.mediaPath;
    if (this.#store.get().runs[path]?.phase === "applying") return;
    const embed = this.canEmbed && embeddable && this.#store.get().embed;
    this.#store.dispatch({ type: "start", path, embed });
    try {
      const { plan } = await this.#engine.request("tags.plan", { path, language: request.language });
      const report = await this.#host.applyTagPlan(request.preparePlan ? request.preparePlan(plan) : plan, clip, {
        language: request.language,
        embed,
      });
      this.#store.dispatch({ type: "reported", path, report, at: new Date().toISOString() });
    } catch (error) {
      this.#store.dispatch({ type: "failed", path, error: toUiError(error), at: new Date().toISOString() });
    }
  }
}

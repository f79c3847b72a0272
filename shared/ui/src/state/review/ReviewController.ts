import { ErrorCode, type Disposable, type StoredTag } from "@sichter/shared/protocol";
import type { TagStatus } from "@sichter/shared/model";
import type { EngineCalls } from "../../engine/EngineCalls.ts";
import { createReducerStore, type Store } from "../Store.ts";
import { toUiError } from "../UiError.ts";
import { initialReview, reviewReducer, type ReviewAction, type ReviewState } from "./reviewReducer.ts";

export type Decision = "accept" | "reject" | "reset";

const STATUS_OF: Record<Decision, TagStatus> = { accept: "accepted", reject: "rejected", reset: "suggested" };

/**
 * The review of one catalogued clip: loads its stored tags (`catalog.clip`), and sends every
 * decision, edit and added tag to `tags.review`, showing it at once and replacing it with the
 * engine's answer (or taking it back with the error when the engine refuses).
 */
export class ReviewController implements Disposable {
  readonly #engine: EngineCalls;
  readonly #store = createReducerStore(reviewReducer, initialReview);

  constructor(engine: EngineCalls) {
    this.#engine = engine;
  }

  get state(): Store<ReviewState> {
    return this.#store;
  }

  dispatch(action: ReviewAction): void {
    this.#store.dispatch(action);
  }

  async load(path: string): Promise<void> {
    this.#store.dispatch({ type: "loading", path });
    try {
      const { clip, shots, keyframes, tags } = await this.#engine.request("catalog.clip", { path });
      this.#store.dispatch({ type: "loaded", path, clip, shots, keyframes, tags });
    } catch (error) {
      const uiError = toUiError(error);
      if (uiError.code === ErrorCode.NOT_IN_CATALOG) this.#store.dispatch({ type: "notAnalysed", path });
      else this.#store.dispatch({ type: "loadFailed", path, error: uiError });
    }
  }

  async decide(tagId: number, decision: Decision): Promise<void> {
    const before = this.#tag(tagId);
    if (!before || before.status === STATUS_OF[decision] || this.#store.get().pending.includes(tagId)) return;
    this.#store.dispatch({ type: "decide", tagId, status: STATUS_OF[decision] });
    await this.#send(before, () => this.#engine.request("tags.review", { tagId, action: decision }));
  }

  /** Ends the label edit: an existing tag gets the new label (and counts as accepted), "new" adds one. */
  async commitEdit(): Promise<void> {
    const state = this.#store.get();
    const edit = state.editing;
    if (!edit) return;
    const label = edit.label.trim();
    this.#store.dispatch({ type: "editEnd" });
    if (label === "") return;
    if (edit.target === "new") {
      const clip = state.clip;
      if (!clip) return;
      try {
        // A tag a person adds here is about the whole clip; a range comes with the player.
        const tag = await this.#engine.request("tags.review", {
          clipId: clip.id,
          add: { label, startFrame: 0, endFrame: Math.max(1, clip.frameCount) },
        });
        this.#store.dispatch({ type: "stored", tag });
      } catch (error) {
        this.#store.dispatch({ type: "failed", error: toUiError(error) });
      }
      return;
    }
    const before = this.#tag(edit.target);
    if (!before || before.label === label) return;
    this.#store.dispatch({ type: "decide", tagId: before.id, status: "accepted", label });
    await this.#send(before, () => this.#engine.request("tags.review", { tagId: before.id, action: "edit", label }));
  }

  dispose(): void {}

  async #send(before: StoredTag, call: () => Promise<StoredTag>): Promise<void> {
    try {
      this.#store.dispatch({ type: "stored", tag: await call() });
    } catch (error) {
      this.#store.dispatch({ type: "revert", tag: before, error: toUiError(error) });
    }
  }

  #tag(tagId: number): StoredTag | undefined {
    return this.#store.get().tags.find((tag) => tag.id === tagId);
  }
}

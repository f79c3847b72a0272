import type { SearchResultItem } from "@sichter/shared/protocol";
import type { EngineCalls } from "../../engine/EngineCalls.ts";
import { clipFromPath, type ClipReference } from "../../host/ClipReference.ts";
import { createReducerStore, type Store } from "../Store.ts";
import { toUiError } from "../UiError.ts";
import { previewKeyframe } from "./previewKeyframe.ts";
import { initialSearch, searchReducer, type SearchState } from "./searchReducer.ts";

/** Pictures looked up at once: the results show at once, their pictures follow without a burst of requests. */
const PREVIEW_LOOKUPS = 4;

/** Shows a clip at a frame: the host's `reveal`. */
export type RevealClip = (clip: ClipReference, frame: number) => Promise<void>;

/**
 * Catalog search: the engine folds umlauts and case and matches prefixes; the panel sends what was
 * typed. Each result's picture (the keyframe nearest its best hit) follows from `catalog.clip`.
 * Opening a result reveals its clip at the hit's frame.
 */
export class SearchController {
  readonly #engine: EngineCalls;
  readonly #reveal: RevealClip | null;
  readonly #store = createReducerStore(searchReducer, initialSearch);

  constructor(engine: EngineCalls, reveal: RevealClip | null = null) {
    this.#engine = engine;
    this.#reveal = reveal;
  }

  get state(): Store<SearchState> {
    return this.#store;
  }

  async search(query: string): Promise<void> {
    const trimmed = query.trim();
    if (trimmed === "") {
      this.#store.dispatch({ type: "clear" });
      return;
    }
    const sequence = this.#store.get().sequence + 1;
    this.#store.dispatch({ type: "sent", query: trimmed, sequence });
    let results: readonly SearchResultItem[];
    try {
      ({ results } = await this.#engine.request("catalog.search", { query: trimmed }));
    } catch (error) {
      this.#store.dispatch({ type: "failed", sequence, error: toUiError(error) });
      return;
    }
    this.#store.dispatch({ type: "answered", sequence, results });
    await this.#lookUpPreviews(results, sequence);
  }

  /**
   * Shows the result's clip at the start of its hit number `hit` (its best by default). True when the
   * host showed it; otherwise the state holds why not.
   */
  async open(result: SearchResultItem, hit = 0): Promise<boolean> {
    const frame = result.hits[hit]?.startFrame ?? result.hits[0]?.startFrame ?? 0;
    this.#store.dispatch({ type: "openFailed", error: null });
    try {
      if (!this.#reveal) throw new Error("this panel has no way to show a clip");
      await this.#reveal(clipFromPath(result.file), frame);
      return true;
    } catch (error) {
      this.#store.dispatch({ type: "openFailed", error: toUiError(error) });
      return false;
    }
  }

  async #lookUpPreviews(results: readonly SearchResultItem[], sequence: number): Promise<void> {
    const waiting = [...results];
    const lookUp = async (): Promise<void> => {
      for (let result = waiting.shift(); result && this.#store.get().sequence === sequence; result = waiting.shift()) {
        this.#store.dispatch({
          type: "preview",
          sequence,
          clipId: result.clipId,
          thumbnail: await this.#preview(result),
        });
      }
    };
    await Promise.all(Array.from({ length: PREVIEW_LOOKUPS }, lookUp));
  }

  async #preview(result: SearchResultItem): Promise<string | null> {
    const frame = result.hits[0]?.startFrame ?? 0;
    try {
      const { shots, keyframes } = await this.#engine.request("catalog.clip", { clipId: result.clipId });
      return previewKeyframe(shots, keyframes, frame)?.thumbnail ?? null;
    } catch {
      // A picture only: the result stands without it (the clip may have left the catalog meanwhile).
      return null;
    }
  }
}

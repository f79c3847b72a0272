import type { EngineCalls } from "../../engine/EngineCalls.ts";
import { createReducerStore, type Store } from "../Store.ts";
import { toUiError } from "../UiError.ts";
import { initialSearch, searchReducer, type SearchState } from "./searchReducer.ts";

/** Catalog search: the engine folds umlauts and case and matches prefixes; the panel sends what was typed. */
export class SearchController {
  readonly #engine: EngineCalls;
  readonly #store = createReducerStore(searchReducer, initialSearch);

  constructor(engine: EngineCalls) {
    this.#engine = engine;
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
    try {
      const { results } = await this.#engine.request("catalog.search", { query: trimmed });
      this.#store.dispatch({ type: "answered", sequence, results });
    } catch (error) {
      this.#store.dispatch({ type: "failed", sequence, error: toUiError(error) });
    }
  }
}

import type { SearchResultItem } from "@sichter/shared/protocol";
import type { UiError } from "../UiError.ts";

export interface SearchState {
  readonly query: string;
  readonly status: "idle" | "searching" | "done" | "failed";
  /** The query the results answer (the box may have changed since). */
  readonly answered: string | null;
  readonly results: readonly SearchResultItem[];
  readonly error: UiError | null;
  /** Number of the latest search sent; answers to older ones are dropped. */
  readonly sequence: number;
}

export type SearchAction =
  | { readonly type: "sent"; readonly query: string; readonly sequence: number }
  | { readonly type: "answered"; readonly sequence: number; readonly results: readonly SearchResultItem[] }
  | { readonly type: "failed"; readonly sequence: number; readonly error: UiError }
  | { readonly type: "clear" };

export const initialSearch: SearchState = { query: "", status: "idle", answered: null, results: [], error: null, sequence: 0 };

export function searchReducer(state: SearchState, action: SearchAction): SearchState {
  switch (action.type) {
    case "sent":
      return { ...state, query: action.query, status: "searching", error: null, sequence: action.sequence };
    case "answered":
      return action.sequence === state.sequence ? { ...state, status: "done", answered: state.query, results: action.results } : state;
    case "failed":
      return action.sequence === state.sequence ? { ...state, status: "failed", error: action.error } : state;
    case "clear":
      return { ...initialSearch, sequence: state.sequence + 1 };
  }
}

import type { SearchResultItem } from "@sichter/shared/protocol";
import type { UiError } from "../UiError.ts";

export interface SearchState {
  readonly query: string;
  readonly status: "idle" | "searching" | "done" | "failed";
  /** The query the results answer (the box may have changed since). */
  readonly answered: string | null;
  readonly results: readonly SearchResultItem[];
  /**
   * Per result (by clip id): the engine path of the keyframe picture nearest its best hit, null when
   * the clip has none; absent while it is being looked up.
   */
  readonly previews: Readonly<Record<number, string | null>>;
  readonly error: UiError | null;
  /** Why the last result could not be opened (the host refused to show it). */
  readonly openError: UiError | null;
  /** Number of the latest search sent; answers to older ones are dropped. */
  readonly sequence: number;
}

export type SearchAction =
  | { readonly type: "sent"; readonly query: string; readonly sequence: number }
  | { readonly type: "answered"; readonly sequence: number; readonly results: readonly SearchResultItem[] }
  | { readonly type: "preview"; readonly sequence: number; readonly clipId: number; readonly thumbnail: string | null }
  | { readonly type: "failed"; readonly sequence: number; readonly error: UiError }
  | { readonly type: "openFailed"; readonly error: UiError | null }
  | { readonly type: "clear" };

export const initialSearch: SearchState = {
  query: "",
  status: "idle",
  answered: null,
  results: [],
  previews: {},
  error: null,
  openError: null,
  sequence: 0,
};

export function searchReducer(state: SearchState, action: SearchAction): SearchState {
  switch (action.type) {
    case "sent":
      return {
        ...state,
        query: action.query,
        status: "searching",
        error: null,
        openError: null,
        sequence: action.sequence,
      };
    case "answered":
      return action.sequence === state.sequence
        ? { ...state, status: "done", answered: state.query, results: action.results, previews: {} }
        : state;
    case "preview":
      return action.sequence === state.sequence
        ? { ...state, previews: { ...state.previews, [action.clipId]: action.thumbnail } }
        : state;
    case "failed":
      return action.sequence === state.sequence ? { ...state, status: "failed", error: action.error } : state;
    case "openFailed":
      return { ...state, openError: action.error };
    case "clear":
      return { ...initialSearch, sequence: state.sequence + 1 };
  }
}

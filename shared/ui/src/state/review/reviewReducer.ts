import type { CatalogClipInfo, CatalogKeyframe, StoredTag } from "@sichter/shared/protocol";
import type { Shot, TagStatus } from "@sichter/shared/model";
import type { UiError } from "../UiError.ts";
import { listedOrder } from "./groupTags.ts";

/** A label being typed: a new one for the clip, or a change of an existing tag. */
export interface ReviewEdit {
  readonly target: number | "new";
  readonly label: string;
}

export type ReviewLoad = "idle" | "loading" | "loaded" | "not-analysed" | "failed";

export interface ReviewState {
  readonly load: ReviewLoad;
  readonly path: string | null;
  readonly clip: CatalogClipInfo | null;
  /** The latest analysis' shots and keyframes (with thumbnails), for the filmstrip and the player's markers. */
  readonly shots: readonly Shot[];
  readonly keyframes: readonly CatalogKeyframe[];
  readonly tags: readonly StoredTag[];
  readonly focusedId: number | null;
  readonly editing: ReviewEdit | null;
  /** Tags whose decision was sent and not yet answered. */
  readonly pending: readonly number[];
  readonly error: UiError | null;
}

export type FocusMove = "next" | "previous" | "first" | "last";

export type ReviewAction =
  | { readonly type: "loading"; readonly path: string }
  | {
      readonly type: "loaded";
      readonly path: string;
      readonly clip: CatalogClipInfo;
      readonly shots: readonly Shot[];
      readonly keyframes: readonly CatalogKeyframe[];
      readonly tags: readonly StoredTag[];
    }
  | { readonly type: "notAnalysed"; readonly path: string }
  | { readonly type: "loadFailed"; readonly path: string; readonly error: UiError }
  | { readonly type: "focus"; readonly tagId: number }
  | { readonly type: "move"; readonly move: FocusMove }
  /** Shown at once, before the engine answers (the answer replaces it; a failure reverts it). */
  | { readonly type: "decide"; readonly tagId: number; readonly status: TagStatus; readonly label?: string }
  | { readonly type: "stored"; readonly tag: StoredTag }
  | { readonly type: "revert"; readonly tag: StoredTag; readonly error: UiError }
  | { readonly type: "editStart"; readonly target: number | "new" }
  | { readonly type: "editChange"; readonly label: string }
  | { readonly type: "editEnd" }
  | { readonly type: "failed"; readonly error: UiError }
  | { readonly type: "dismissError" };

export const initialReview: ReviewState = {
  load: "idle",
  path: null,
  clip: null,
  shots: [],
  keyframes: [],
  tags: [],
  focusedId: null,
  editing: null,
  pending: [],
  error: null,
};

export function reviewReducer(state: ReviewState, action: ReviewAction): ReviewState {
  switch (action.type) {
    case "loading":
      return {
        ...initialReview,
        load: "loading",
        path: action.path,
        ...(state.path === action.path && {
          clip: state.clip,
          shots: state.shots,
          keyframes: state.keyframes,
          tags: state.tags,
          focusedId: state.focusedId,
        }),
      };
    case "loaded": {
      if (action.path !== state.path) return state;
      const stillThere = action.tags.some((tag) => tag.id === state.focusedId);
      return {
        ...state,
        load: "loaded",
        clip: action.clip,
        shots: action.shots,
        keyframes: action.keyframes,
        tags: action.tags,
        focusedId: stillThere ? state.focusedId : (listedOrder(action.tags)[0]?.id ?? null),
        error: null,
      };
    }
    case "notAnalysed":
      return action.path === state.path ? { ...initialReview, load: "not-analysed", path: action.path } : state;
    case "loadFailed":
      return action.path === state.path ? { ...state, load: "failed", error: action.error } : state;
    case "focus":
      return state.tags.some((tag) => tag.id === action.tagId) ? { ...state, focusedId: action.tagId } : state;
    case "move":
      return { ...state, focusedId: moveFocus(state, action.move) };
    case "decide":
      return {
        ...state,
        tags: state.tags.map((tag) =>
          tag.id === action.tagId
            ? { ...tag, status: action.status, ...(action.label !== undefined && { label: action.label }) }
            : tag,
        ),
        pending: state.pending.includes(action.tagId) ? state.pending : [...state.pending, action.tagId],
        error: null,
      };
    case "stored": {
      const known = state.tags.some((tag) => tag.id === action.tag.id);
      return {
        ...state,
        tags: known
          ? state.tags.map((tag) => (tag.id === action.tag.id ? action.tag : tag))
          : [...state.tags, action.tag],
        pending: state.pending.filter((id) => id !== action.tag.id),
        focusedId: known ? state.focusedId : action.tag.id,
      };
    }
    case "revert":
      return {
        ...state,
        tags: state.tags.map((tag) => (tag.id === action.tag.id ? action.tag : tag)),
        pending: state.pending.filter((id) => id !== action.tag.id),
        error: action.error,
      };
    case "editStart": {
      if (action.target === "new") return { ...state, editing: { target: "new", label: "" } };
      const tag = state.tags.find((t) => t.id === action.target);
      return tag ? { ...state, focusedId: tag.id, editing: { target: tag.id, label: tag.label } } : state;
    }
    case "editChange":
      return state.editing ? { ...state, editing: { ...state.editing, label: action.label } } : state;
    case "editEnd":
      return { ...state, editing: null };
    case "failed":
      return { ...state, error: action.error };
    case "dismissError":
      return { ...state, error: null };
  }
}

function moveFocus(state: ReviewState, move: FocusMove): number | null {
  const order = listedOrder(state.tags);
  if (order.length === 0) return null;
  const at = order.findIndex((tag) => tag.id === state.focusedId);
  const index =
    move === "first"
      ? 0
      : move === "last"
        ? order.length - 1
        : at === -1
          ? 0
          : move === "next"
            ? Math.min(order.length - 1, at + 1)
            : Math.max(0, at - 1);
  return order[index]!.id;
}

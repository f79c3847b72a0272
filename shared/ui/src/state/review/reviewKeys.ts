import type { FocusMove } from "./reviewReducer.ts";

/** What a key does in the tag list (documented in the panel's key help and the README). */
export type ReviewCommand =
  | { readonly type: "move"; readonly move: FocusMove }
  | { readonly type: "accept" }
  | { readonly type: "reject" }
  | { readonly type: "reset" }
  | { readonly type: "edit" }
  | { readonly type: "add" }
  /** Show the tag's first frame in the player (or the filmstrip). */
  | { readonly type: "seek" }
  /** Show or hide the list of keys. */
  | { readonly type: "help" };

export interface KeyInput {
  readonly key: string;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  readonly altKey?: boolean;
}

/**
 * The review's keys: arrows or j/k move, Home/End jump, a accepts, r rejects, u undoes the decision,
 * e (or F2) edits the label, n adds a tag, Enter shows the tag's first frame, ? shows the keys. Keys
 * with Ctrl, Cmd or Alt stay the host's (undo, copy, the NLE's own shortcuts).
 */
export function reviewCommandFor(input: KeyInput): ReviewCommand | null {
  if (input.ctrlKey || input.metaKey || input.altKey) return null;
  switch (input.key) {
    case "ArrowDown":
    case "j":
      return { type: "move", move: "next" };
    case "ArrowUp":
    case "k":
      return { type: "move", move: "previous" };
    case "Home":
      return { type: "move", move: "first" };
    case "End":
      return { type: "move", move: "last" };
    case "a":
    case "A":
      return { type: "accept" };
    case "r":
    case "R":
      return { type: "reject" };
    case "u":
    case "U":
      return { type: "reset" };
    case "e":
    case "E":
    case "F2":
      return { type: "edit" };
    case "Enter":
      return { type: "seek" };
    case "?":
      return { type: "help" };
    case "n":
    case "N":
      return { type: "add" };
    default:
      return null;
  }
}

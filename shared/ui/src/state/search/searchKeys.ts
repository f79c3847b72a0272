/** Where a key sends the focus in the search: the box, a result item (by index), or nowhere (not ours). */
export type SearchFocus = { readonly to: "box" } | { readonly to: "item"; readonly index: number } | null;

/**
 * The search's keyboard: ↓ in the box goes to the first result; in the results ↑ ↓ move (↑ on the
 * first goes back to the box), Home and End jump, Esc returns to the box. Enter is the focused
 * button's own. `at` is the focused item's index, or null for the box.
 */
export function searchKey(key: string, at: number | null, count: number): SearchFocus {
  if (at === null) return key === "ArrowDown" && count > 0 ? { to: "item", index: 0 } : null;
  switch (key) {
    case "ArrowDown":
      return { to: "item", index: Math.min(count - 1, at + 1) };
    case "ArrowUp":
      return at === 0 ? { to: "box" } : { to: "item", index: at - 1 };
    case "Home":
      return { to: "item", index: 0 };
    case "End":
      return { to: "item", index: count - 1 };
    case "Escape":
      return { to: "box" };
    default:
      return null;
  }
}

import { useSyncExternalStore } from "react";
import type { Store } from "../state/Store.ts";

/**
 * Renders with one value picked from a store, and again only when that value changes (compared
 * with Object.is, so pick primitives or kept objects): a view that needs a player's fallback is not
 * drawn again at every frame the video plays.
 */
export function useStoreValue<T, V>(store: Store<T>, pick: (state: T) => V): V {
  return useSyncExternalStore(
    store.subscribe,
    () => pick(store.get()),
    () => pick(store.get()),
  );
}

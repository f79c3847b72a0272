import { useSyncExternalStore } from "react";
import type { Store } from "../state/Store.ts";

/** Renders with the store's value and again whenever it changes. */
export function useStore<T>(store: Store<T>): T {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}

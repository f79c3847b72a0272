import { describe, expect, it } from "vitest";
import { createReducerStore, createStore } from "./Store.ts";

describe("Store", () => {
  it("tells listeners about changes only, and stops after unsubscribe", () => {
    const store = createStore(1);
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    store.set(1);
    store.set(2);
    store.update((n) => n + 1);
    unsubscribe();
    store.set(10);
    expect([store.get(), calls]).toEqual([10, 2]);
  });

  it("drives a reducer", () => {
    const store = createReducerStore((state: string[], action: string) => [...state, action], []);
    store.dispatch("a");
    store.dispatch("b");
    expect(store.get()).toEqual(["a", "b"]);
  });
});

/**
 * A value that changes and tells who listens: the one bridge between the UI's plain TS logic and
 * React (`useStore`). No React here, so the logic is tested in Node without a DOM.
 */
export interface Store<T> {
  get(): T;
  subscribe(listener: () => void): () => void;
}

export interface WritableStore<T> extends Store<T> {
  set(value: T): void;
  update(change: (value: T) => T): void;
}

export function createStore<T>(initial: T): WritableStore<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  const set = (next: T): void => {
    if (Object.is(next, value)) return;
    value = next;
    for (const listener of [...listeners]) listener();
  };
  return {
    get: () => value,
    set,
    update: (change) => set(change(value)),
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

/** A store driven by a reducer: the state logic lives in the pure `reduce`, tested on its own. */
export interface ReducerStore<S, A> extends Store<S> {
  dispatch(action: A): void;
}

export function createReducerStore<S, A>(reduce: (state: S, action: A) => S, initial: S): ReducerStore<S, A> {
  const store = createStore(initial);
  return {
    get: store.get,
    subscribe: store.subscribe,
    dispatch: (action) => store.update((state) => reduce(state, action)),
  };
}

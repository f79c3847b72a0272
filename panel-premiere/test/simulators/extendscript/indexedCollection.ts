/**
 * A DOM collection as ExtendScript hands it out: numbered entries and a count property
 * (`numItems`, `numTracks`), no array methods.
 */
export function indexedCollection<T>(
  items: readonly T[],
  countName: string,
): { readonly [index: number]: T } & Record<string, unknown> {
  return new Proxy({} as { readonly [index: number]: T } & Record<string, unknown>, {
    get: (_target, key) => {
      if (key === countName) return items.length;
      if (typeof key === "string" && /^\d+$/.test(key)) return items[Number(key)];
      return undefined;
    },
  });
}

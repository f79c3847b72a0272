import { describe, expect, it } from "vitest";
import { storageTokenStore, type KeyValueStorage } from "./TokenStore.ts";

function mapStorage(): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

describe("storageTokenStore", () => {
  it("keeps the token in storage across store instances (page reloads)", () => {
    const storage = mapStorage();
    storageTokenStore(storage).set("secret");
    expect(storageTokenStore(storage).get()).toBe("secret");
    storageTokenStore(storage).clear();
    expect(storageTokenStore(storage).get()).toBeNull();
  });

  it("falls back to memory when storage refuses (private windows, policies)", () => {
    const refusing: KeyValueStorage = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
      removeItem: () => {},
    };
    const store = storageTokenStore(refusing);
    store.set("secret");
    expect(store.get()).toBe("secret");
  });
});

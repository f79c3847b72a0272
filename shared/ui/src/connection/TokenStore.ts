/** Where the panel keeps the engine's access token between visits. */
export interface TokenStore {
  get(): string | null;
  set(token: string): void;
  clear(): void;
}

/** The part of Web Storage the store uses (browser, CEP and UXP all have localStorage). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const KEY = "sichter.engineToken";

/**
 * The token in localStorage: per origin, so the page of each engine port keeps its own. Storage can
 * be switched off (private windows, policies); then the token lives only as long as the page.
 */
export function storageTokenStore(storage: KeyValueStorage | null): TokenStore {
  let memory: string | null = null;
  return {
    get: () => {
      try {
        return storage?.getItem(KEY) ?? memory;
      } catch {
        return memory;
      }
    },
    set: (token) => {
      memory = token;
      try {
        storage?.setItem(KEY, token);
      } catch {
        // Kept in memory only.
      }
    },
    clear: () => {
      memory = null;
      try {
        storage?.removeItem(KEY);
      } catch {
        // Nothing stored.
      }
    },
  };
}

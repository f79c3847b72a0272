import { ErrorCode, type WireKeywordProvider, type WireOutboundImages } from "@sichter/shared/protocol";
import type { EngineCalls } from "../../engine/EngineCalls.ts";
import { createStore, type Store } from "../Store.ts";
import { toUiError, type UiError } from "../UiError.ts";

export interface PrivacyState {
  readonly load: "idle" | "loading" | "loaded" | "failed";
  readonly mode: "local-only" | "cloud" | null;
  readonly providers: readonly WireKeywordProvider[];
  /** The limits every outbound image obeys; null from an engine that cannot tell (before privacy.settings). */
  readonly images: WireOutboundImages | null;
  readonly error: UiError | null;
}

export const initialPrivacy: PrivacyState = { load: "idle", mode: null, providers: [], images: null, error: null };

/**
 * The engine's privacy mode, its keyword providers and what would leave the machine, read from the
 * engine (`privacy.settings`, or `engine.info` from an older engine) each time the settings open:
 * the engine decides, the panel shows it before anything is sent.
 */
export class PrivacyController {
  readonly #engine: EngineCalls;
  readonly #store = createStore<PrivacyState>(initialPrivacy);

  constructor(engine: EngineCalls) {
    this.#engine = engine;
  }

  get state(): Store<PrivacyState> {
    return this.#store;
  }

  async load(): Promise<void> {
    this.#store.update((state) => ({ ...state, load: "loading", error: null }));
    try {
      const answer = await this.#engine.request("privacy.settings", {});
      this.#store.set({
        load: "loaded",
        mode: answer.mode,
        providers: answer.providers,
        images: answer.images,
        error: null,
      });
    } catch (error) {
      const failure = toUiError(error);
      if (failure.code !== ErrorCode.METHOD_NOT_FOUND) {
        this.#store.update((state) => ({ ...state, load: "failed", error: failure }));
        return;
      }
      await this.#loadFromEngineInfo();
    }
  }

  async #loadFromEngineInfo(): Promise<void> {
    try {
      const { privacy } = await this.#engine.request("engine.info", {});
      this.#store.set({ load: "loaded", mode: privacy.mode, providers: privacy.providers, images: null, error: null });
    } catch (error) {
      this.#store.update((state) => ({ ...state, load: "failed", error: toUiError(error) }));
    }
  }
}

/** Providers whose keyframes leave the machine when they run, and that are switched on. */
export function cloudProvidersOn(state: Pick<PrivacyState, "providers">): WireKeywordProvider[] {
  return state.providers.filter((provider) => provider.cloud && provider.enabled);
}

import type { EngineCalls } from "../../engine/EngineCalls.ts";
import { createReducerStore, type Store } from "../Store.ts";
import { toUiError } from "../UiError.ts";
import { initialMedia, mediaReducer, type MediaState } from "./mediaReducer.ts";

/** The engine probes at most this many files per request. */
const PROBE_BATCH = 100;

/**
 * Browses the engine's allowed media folders (`media.list`) and fills in duration and timecode of
 * files not probed before (`media.probe`), so a listing shows at once and its details follow.
 */
export class MediaBrowserController {
  readonly #engine: EngineCalls;
  readonly #store = createReducerStore(mediaReducer, initialMedia);

  constructor(engine: EngineCalls) {
    this.#engine = engine;
  }

  get state(): Store<MediaState> {
    return this.#store;
  }

  /** Lists `folder`, or the allowed folders when it is null. */
  async open(folder: string | null): Promise<void> {
    const sequence = this.#store.get().sequence + 1;
    this.#store.dispatch({ type: "opening", folder, sequence });
    let listed;
    try {
      listed = await this.#engine.request("media.list", folder === null ? {} : { folder });
    } catch (error) {
      this.#store.dispatch({ type: "failed", sequence, error: toUiError(error) });
      return;
    }
    this.#store.dispatch({ type: "listed", sequence, ...listed });
    const unprobed = listed.files.filter((file) => file.probe === null).map((file) => file.path);
    for (let at = 0; at < unprobed.length && this.#store.get().sequence === sequence; at += PROBE_BATCH) {
      try {
        const { items } = await this.#engine.request("media.probe", { paths: unprobed.slice(at, at + PROBE_BATCH) });
        const probes = new Map(items.flatMap((item) => (item.probe ? [[item.path, item.probe] as const] : [])));
        this.#store.dispatch({ type: "probed", sequence, probes });
      } catch {
        // Details only: the listing stands without them.
        return;
      }
    }
  }

  /** Lists the current folder again (after an analysis its files' state changed). */
  refresh(): Promise<void> {
    return this.open(this.#store.get().folder);
  }
}

import { createStore, type Store } from "../Store.ts";

/** A frame of a clip the clip view is asked to show. */
export interface FrameRequest {
  readonly path: string;
  /** 0-based from the media's first frame, as the engine counts. */
  readonly frame: number;
  /** Grows with every request, so asking for the same frame again seeks again (the user may have moved on). */
  readonly serial: number;
}

/** What can be asked to show a frame of a clip: the panel's FrameFocus, or a player itself. */
export interface FrameSeek {
  seek(path: string, frame: number): void;
}

/**
 * Where the clip view should be: set by a host's `reveal` (the browser host's; Premiere and Resolve
 * show the frame in their own monitors) and followed by whatever in the clip view shows a position
 * (player, filmstrip, the line naming the frame). App state, so search and host never reach into a
 * view.
 */
export class FrameFocus implements FrameSeek {
  readonly #store = createStore<FrameRequest | null>(null);
  #serial = 0;

  get state(): Store<FrameRequest | null> {
    return this.#store;
  }

  seek(path: string, frame: number): void {
    if (!Number.isFinite(frame)) throw new RangeError(`not a frame: ${frame}`);
    this.#store.set({ path, frame: Math.max(0, Math.round(frame)), serial: ++this.#serial });
  }

  /** The request for `path`, or null when the last one was about another clip. */
  requestFor(path: string): FrameRequest | null {
    const request = this.#store.get();
    return request?.path === path ? request : null;
  }
}

import type { EngineCalls } from "../../engine/EngineCalls.ts";
import { createReducerStore, type Store } from "../Store.ts";
import { toUiError } from "../UiError.ts";
import { initialPlayer, playerReducer, type PlayerState } from "./playerReducer.ts";

/** The clip the player is for: its media path, and its catalog id once it has been analysed. */
export interface PlayerClip {
  readonly path: string;
  readonly clipId: number | null;
}

/**
 * The clip view's player: asks the engine (`media.probe`) where the clip streams and whether
 * Chromium can play it, and keeps the frame on screen and the frame asked for, so the video, the
 * filmstrip and the timeline's markers follow one position.
 */
export class PlayerController {
  readonly #engine: EngineCalls;
  readonly #store = createReducerStore(playerReducer, initialPlayer);

  constructor(engine: EngineCalls) {
    this.#engine = engine;
  }

  get state(): Store<PlayerState> {
    return this.#store;
  }

  /**
   * Probes the clip, by catalog id when it has one (a catalogued clip plays from anywhere), else by
   * path (in the allowed media folders). A clip already probed is kept: its video keeps playing when
   * an analysis gives it an id.
   */
  async load(clip: PlayerClip): Promise<void> {
    const state = this.#store.get();
    if (state.path === clip.path && (state.load === "loading" || state.load === "ready")) return;
    this.#store.dispatch({ type: "loading", path: clip.path });
    try {
      const { items } = await this.#engine.request(
        "media.probe",
        clip.clipId === null ? { paths: [clip.path] } : { clipIds: [clip.clipId] },
      );
      const item = items[0];
      const probe = item?.probe;
      if (!item || !probe) {
        // The engine's code and text for this file (MEDIA_NOT_ALLOWED, PROBE_NOT_VIDEO, ...).
        this.#store.dispatch({
          type: "failed",
          path: clip.path,
          error: toUiError(item?.error ?? new Error("media.probe answered without the clip")),
        });
        return;
      }
      this.#store.dispatch({
        type: "probed",
        path: clip.path,
        stream: item.stream,
        playable: probe.browserPlayable,
        issue: probe.playbackIssue,
        container: probe.container,
        codec: probe.codec,
        timing: {
          frameRate: probe.frameRate,
          dropFrame: probe.dropFrame,
          startTimecode: probe.startTimecode,
          frameCount: probe.frameCount,
          durationSeconds: probe.durationSeconds,
        },
      });
    } catch (error) {
      this.#store.dispatch({ type: "failed", path: clip.path, error: toUiError(error) });
    }
  }

  /** Shows `frame` of the clip at `path` (now, or once that clip is loaded). */
  seek(path: string, frame: number): void {
    if (!Number.isFinite(frame)) throw new RangeError(`not a frame: ${frame}`);
    this.#store.dispatch({ type: "seek", path, frame: Math.max(0, Math.round(frame)) });
  }

  /** The video shows `frame` now (it played or was scrubbed there). */
  shown(path: string, frame: number): void {
    this.#store.dispatch({ type: "shown", path, frame });
  }

  /** The browser could not play what the probe thought it could: the filmstrip takes over. */
  decodeFailed(path: string): void {
    this.#store.dispatch({ type: "decodeFailed", path });
  }
}

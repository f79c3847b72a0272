import type { PlaybackIssue } from "@sichter/shared/protocol";
import type { ClipTiming } from "../../format/clipFacts.ts";
import type { UiError } from "../UiError.ts";

/**
 * Why the panel shows the filmstrip instead of the video: what the engine's probe found (container,
 * codec, pixel format), or "decode" when Chromium tried and could not play the file after all.
 */
export type FallbackReason = PlaybackIssue | "decode";

/** A frame someone asked to see (a tag, a marker, a keyframe, a search hit); `serial` grows each time. */
export interface SeekRequest {
  readonly path: string;
  readonly frame: number;
  readonly serial: number;
}

export interface PlayerState {
  readonly path: string | null;
  readonly load: "idle" | "loading" | "ready" | "failed";
  /** Where the engine streams the clip (`/media/…`, without the token). */
  readonly stream: string | null;
  /** Null while loading or when the clip cannot play in the panel (see `fallback`). */
  readonly fallback: FallbackReason | null;
  /** ffprobe's container and codec names ("mov", "h264"), for what may be embedded and for the fallback sentence. */
  readonly container: string | null;
  readonly codec: string | null;
  /** Rate, start timecode and length from the probe, so the player works before an analysis too. */
  readonly timing: ClipTiming | null;
  readonly error: UiError | null;
  readonly seek: SeekRequest | null;
  /** The frame on screen: the video's, or the last one asked for while there is no video. */
  readonly frame: number | null;
}

export type PlayerAction =
  | { readonly type: "loading"; readonly path: string }
  | {
      readonly type: "probed";
      readonly path: string;
      readonly stream: string;
      readonly playable: boolean;
      readonly issue: PlaybackIssue | null;
      readonly container: string;
      readonly codec: string;
      readonly timing: ClipTiming;
    }
  | { readonly type: "failed"; readonly path: string; readonly error: UiError }
  | { readonly type: "decodeFailed"; readonly path: string }
  | { readonly type: "seek"; readonly path: string; readonly frame: number }
  | { readonly type: "shown"; readonly path: string; readonly frame: number };

export const initialPlayer: PlayerState = {
  path: null,
  load: "idle",
  stream: null,
  fallback: null,
  container: null,
  codec: null,
  timing: null,
  error: null,
  seek: null,
  frame: null,
};

export function playerReducer(state: PlayerState, action: PlayerAction): PlayerState {
  switch (action.type) {
    case "loading":
      // A seek asked for before the clip loaded (a search hit opening it) waits for it.
      return {
        ...initialPlayer,
        path: action.path,
        load: "loading",
        seek: state.seek,
        frame: state.seek?.path === action.path ? state.seek.frame : null,
      };
    case "probed":
      if (action.path !== state.path) return state;
      return {
        ...state,
        load: "ready",
        stream: action.stream,
        // An unplayable file without a reason from the probe is still one the browser cannot decode.
        fallback: action.playable ? null : (action.issue ?? "decode"),
        container: action.container,
        codec: action.codec,
        timing: action.timing,
        error: null,
      };
    case "failed":
      return action.path === state.path ? { ...state, load: "failed", error: action.error } : state;
    case "decodeFailed":
      return action.path === state.path && state.fallback === null ? { ...state, fallback: "decode" } : state;
    case "seek":
      return {
        ...state,
        seek: { path: action.path, frame: action.frame, serial: (state.seek?.serial ?? 0) + 1 },
        frame: action.path === state.path ? action.frame : state.frame,
      };
    case "shown":
      return action.path === state.path && action.frame !== state.frame ? { ...state, frame: action.frame } : state;
  }
}

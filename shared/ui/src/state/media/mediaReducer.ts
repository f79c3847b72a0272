import type { MediaFileEntry, MediaFolderEntry, MediaProbeInfo } from "@sichter/shared/protocol";
import type { UiError } from "../UiError.ts";

/**
 * The media browser over the folders the engine allows. `folder` null is the list of allowed
 * folders itself. Probes arrive after the listing (the engine never waits for ffprobe to list).
 */
export interface MediaState {
  readonly load: "idle" | "loading" | "loaded" | "failed";
  readonly folder: string | null;
  readonly parent: string | null;
  readonly folders: readonly MediaFolderEntry[];
  readonly files: readonly MediaFileEntry[];
  readonly truncated: boolean;
  readonly error: UiError | null;
  /** Number of the latest listing asked for; answers to older ones are dropped. */
  readonly sequence: number;
}

export type MediaAction =
  | { readonly type: "opening"; readonly folder: string | null; readonly sequence: number }
  | {
      readonly type: "listed";
      readonly sequence: number;
      readonly folder: string | null;
      readonly parent: string | null;
      readonly folders: readonly MediaFolderEntry[];
      readonly files: readonly MediaFileEntry[];
      readonly truncated: boolean;
    }
  | { readonly type: "probed"; readonly sequence: number; readonly probes: ReadonlyMap<string, MediaProbeInfo> }
  | { readonly type: "failed"; readonly sequence: number; readonly error: UiError };

export const initialMedia: MediaState = {
  load: "idle",
  folder: null,
  parent: null,
  folders: [],
  files: [],
  truncated: false,
  error: null,
  sequence: 0,
};

export function mediaReducer(state: MediaState, action: MediaAction): MediaState {
  switch (action.type) {
    case "opening":
      return { ...state, load: "loading", sequence: action.sequence, error: null };
    case "listed":
      if (action.sequence !== state.sequence) return state;
      return {
        ...state,
        load: "loaded",
        folder: action.folder,
        parent: action.parent,
        folders: action.folders,
        files: action.files,
        truncated: action.truncated,
      };
    case "probed":
      if (action.sequence !== state.sequence) return state;
      return {
        ...state,
        files: state.files.map((file) =>
          file.probe === null && action.probes.has(file.path)
            ? { ...file, probe: action.probes.get(file.path)! }
            : file,
        ),
      };
    case "failed":
      return action.sequence === state.sequence ? { ...state, load: "failed", error: action.error } : state;
  }
}

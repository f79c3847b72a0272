import type { Disposable } from "@sichter/shared/protocol";
import type { TagPlan } from "@sichter/shared/model";
import type { ApplyReport } from "./ApplyReport.ts";
import type { ClipReference } from "./ClipReference.ts";

export type { Disposable };

export type HostTheme = "light" | "dark";

/** The UI languages; keyword language is a separate setting. */
export type UiLocale = "de" | "en";

/**
 * What a host can do. The UI offers only what is true here, so an adapter never has to fake an
 * operation its host lacks.
 */
export interface HostCapabilities {
  /** The host tells the panel when its selection changes (otherwise the panel offers a refresh). */
  readonly currentClipEvents: boolean;
  /** The panel picks the current clip itself from the engine's media folders (the browser host). */
  readonly mediaBrowser: boolean;
  /** `sequenceClips()` lists the clips of an active sequence or timeline. */
  readonly sequenceClips: boolean;
  /** `reveal()` shows a clip at a frame in the host (Source Monitor, viewer, player). */
  readonly reveal: boolean;
  /** `importMedia()` brings a file into the host's project. */
  readonly importMedia: boolean;
  /** What `applyTagPlan` writes in this host. */
  readonly apply: {
    readonly markers: boolean;
    readonly xmp: boolean;
    readonly projectColumn: boolean;
    /**
     * `ApplyOptions.embed` is honoured: the XMP can go into the media file (MOV/MP4) instead of a
     * sidecar (the browser host, where the engine writes it). Absent: the host decides where.
     */
    readonly embed?: boolean;
  };
}

export interface ApplyOptions {
  readonly signal?: AbortSignal;
  /** Language of what is written (description, vision keywords); the host's default otherwise. */
  readonly language?: UiLocale;
  /** Embed XMP into the media file where the writer allows it, instead of a sidecar (browser host). */
  readonly embed?: boolean;
}

/**
 * The one interface between the Sichter panel and the application it runs in (the browser page the
 * engine serves, Premiere through UXP or CEP, DaVinci Resolve). The UI talks to the engine only
 * through the protocol client and to the host only through this; host code lives in host folders.
 * Methods a capability marks as absent reject; the UI does not call them.
 */
export interface HostAdapter {
  /** Short stable id of the host, e.g. "browser", "premiere-uxp". */
  readonly id: string;
  readonly capabilities: HostCapabilities;

  /** The clip the editor works on now (selection, clip under the playhead), or null. */
  currentClip(): Promise<ClipReference | null>;
  /** Called with the new current clip whenever it changes; dispose to stop. */
  onCurrentClipChange(listener: (clip: ClipReference | null) => void): Disposable;
  /**
   * Sets the current clip from the panel's own media browser; only hosts with
   * `capabilities.mediaBrowser` have it.
   */
  selectClip?(clip: ClipReference | null): void;

  /** The clips of the active sequence or timeline, in timeline order. */
  sequenceClips(): Promise<readonly ClipReference[]>;
  /**
   * Writes a tag plan into the host (markers, XMP, project column: whatever its capabilities say),
   * as one undoable step where the host has undo, and reports every item.
   */
  applyTagPlan(plan: TagPlan, clip: ClipReference, options?: ApplyOptions): Promise<ApplyReport>;
  /** Shows `clip` at `frame` (0-based from the media's first frame). */
  reveal(clip: ClipReference, frame: number): Promise<void>;
  /** Imports a media file into the host's project and answers with its reference. */
  importMedia(mediaPath: string): Promise<ClipReference>;

  theme(): HostTheme;
  onThemeChange(listener: (theme: HostTheme) => void): Disposable;
  /** The host's UI language, reduced to the ones Sichter speaks. */
  locale(): UiLocale;
}

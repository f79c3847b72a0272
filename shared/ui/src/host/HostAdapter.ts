import type { Disposable } from "@sichter/shared/protocol";
import type { TagPlan } from "@sichter/shared/model";
import type { ApplyError, ApplyReport } from "./ApplyReport.ts";
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
  /**
   * An apply is one undo step in the host (Premiere UXP's transaction). False where the host undoes
   * it piece by piece or not at all (Premiere CEP's ExtendScript, Resolve's scripting API): the panel
   * says so near apply. Absent: the host has no undo of its own (the browser host).
   */
  readonly undoGrouping?: boolean;
  /**
   * The current clip can follow either the host's selection or the clip under the playhead, switched
   * with `setClipSource` (Premiere: Project panel selection or active sequence; Resolve: media pool
   * selection or the current timeline's video item). Absent or false: the host decides alone.
   */
  readonly clipSource?: boolean;
  /** `markSequence()` writes auto-mark markers into the active sequence or timeline. */
  readonly markSequence?: boolean;
}

/** Where the current clip comes from in hosts with `capabilities.clipSource`. */
export type ClipSource = "selection" | "playhead";

/**
 * Called as a sequence is marked: clip instances handled so far of all. Hosts call it at least once
 * at the end.
 */
export type SequenceMarkProgress = (done: number, total: number) => void;

/**
 * One clip instance of an auto-marked sequence. `written`: its markers were written or changed now;
 * `unchanged`: they were already there; `skipped`: nothing written, `reason` says why; `failed`:
 * see `error`.
 */
export interface SequenceMarkItem {
  /** The instance's name as the timeline shows it. */
  readonly name: string;
  readonly mediaPath: string;
  readonly status: "written" | "unchanged" | "skipped" | "failed";
  /** Markers of this instance now in the sequence (written or kept). */
  readonly markers: number;
  /** Why a `skipped` instance got none: no plan for its media, a speed change, a disabled clip, a timeline at another rate. */
  readonly reason?: "no-plan" | "speed" | "disabled" | "rate" | "not-found";
  readonly error?: ApplyError;
}

/** What `markSequence` did, per instance and in all. */
export interface SequenceMarkReport {
  readonly sequenceName: string;
  readonly items: readonly SequenceMarkItem[];
  /** Markers of the whole run: written or changed now, already there, taken away (no longer planned). */
  readonly markers: { readonly written: number; readonly unchanged: number; readonly removed: number };
  /** Everything went in as one undo step (Premiere UXP); false where the host has no such step. */
  readonly oneUndoStep: boolean;
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

  /**
   * Switches where the current clip comes from; only hosts with `capabilities.clipSource` have it.
   * Listeners of `onCurrentClipChange` hear the clip of the new source.
   */
  setClipSource?(source: ClipSource): void;

  /** The clips of the active sequence or timeline, in timeline order. */
  sequenceClips(): Promise<readonly ClipReference[]>;
  /**
   * Auto-mark: writes markers into the active sequence or timeline for every clip instance whose
   * media has a plan in `plans` (keyed by media path, as `sequenceClips()` names them), re-marking
   * only Sichter's own, and reports every instance. Only hosts with `capabilities.markSequence`
   * have it. A `token` aborted before the host wrote anything leaves the sequence as it was.
   */
  markSequence?(
    plans: ReadonlyMap<string, TagPlan>,
    progress?: SequenceMarkProgress,
    token?: AbortSignal,
  ): Promise<SequenceMarkReport>;
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

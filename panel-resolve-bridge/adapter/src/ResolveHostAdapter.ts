import type { TagPlan } from "@sichter/shared/model";
import { ErrorCode, type Disposable } from "@sichter/shared/protocol";
import type { ApplyReport } from "@sichter/ui/src/host/ApplyReport.ts";
import type { ClipReference } from "@sichter/ui/src/host/ClipReference.ts";
import type {
  ClipSource,
  HostAdapter,
  HostCapabilities,
  HostTheme,
  SequenceMarkProgress,
  SequenceMarkReport,
  UiLocale,
} from "@sichter/ui/src/host/HostAdapter.ts";

/**
 * What the panel needs from Resolve: the plugin's main process answers these (through its
 * preload's IPC surface in the page), and `localResolveCalls` answers them in-process.
 */
export interface ResolveHostCalls {
  currentClip(): Promise<ClipReference | null>;
  sequenceClips(): Promise<readonly ClipReference[]>;
  applyTagPlan(plan: TagPlan, clip: ClipReference): Promise<ApplyReport>;
  reveal(clip: ClipReference, frame: number): Promise<unknown>;
  onCurrentClipChange(listener: (clip: ClipReference | null) => void): Disposable;
  /** Media pool selection or the clip under the playhead; the current clip is looked up again at once. */
  setClipSource(source: ClipSource): Promise<unknown>;
  /**
   * Timeline markers for the current timeline's instances, each media's plan once (`plans` as
   * [media path, plan] pairs: they cross IPC, where a Map does not). `progress` hears each instance
   * as it is done; an aborted `signal` leaves the instances not yet marked alone.
   */
  markSequence(
    plans: readonly (readonly [string, TagPlan])[],
    progress?: SequenceMarkProgress,
    signal?: AbortSignal,
  ): Promise<SequenceMarkReport>;
}

export const RESOLVE_CAPABILITIES: HostCapabilities = {
  // Polled (Resolve has no selection events), but the panel hears every change.
  currentClipEvents: true,
  mediaBrowser: false,
  sequenceClips: true,
  reveal: true,
  importMedia: false,
  // Resolve's Keywords, Description and Comments are media pool columns Smart Bins filter on; no XMP.
  apply: { markers: true, xmp: false, projectColumn: true },
  // Scripted changes are no undo step in Resolve; re-applying replaces Sichter's own markers instead.
  undoGrouping: false,
  clipSource: true,
  markSequence: true,
};

/** The HostAdapter of the Sichter panel inside DaVinci Resolve. */
export class ResolveHostAdapter implements HostAdapter {
  readonly id = "resolve";
  readonly capabilities = RESOLVE_CAPABILITIES;

  constructor(
    private readonly calls: ResolveHostCalls,
    private readonly uiLocale: UiLocale = "de",
  ) {}

  currentClip(): Promise<ClipReference | null> {
    return this.calls.currentClip();
  }

  onCurrentClipChange(listener: (clip: ClipReference | null) => void): Disposable {
    return this.calls.onCurrentClipChange(listener);
  }

  sequenceClips(): Promise<readonly ClipReference[]> {
    return this.calls.sequenceClips();
  }

  setClipSource(source: ClipSource): void {
    void this.calls.setClipSource(source).catch(() => {});
  }

  /**
   * The plans go to Resolve in one call; the instances' progress comes back as they are marked, and
   * the token stops the run between two instances.
   */
  async markSequence(
    plans: ReadonlyMap<string, TagPlan>,
    progress?: SequenceMarkProgress,
    token?: AbortSignal,
  ): Promise<SequenceMarkReport> {
    if (token?.aborted) {
      return {
        sequenceName: "",
        items: [{ name: "", mediaPath: "", status: "failed", markers: 0, error: { code: ErrorCode.CANCELLED } }],
        markers: { written: 0, unchanged: 0, removed: 0 },
        oneUndoStep: false,
      };
    }
    return this.calls.markSequence([...plans], progress, token);
  }

  async applyTagPlan(plan: TagPlan, clip: ClipReference, options: { signal?: AbortSignal } = {}): Promise<ApplyReport> {
    if (options.signal?.aborted) {
      return {
        clipPath: plan.clipPath,
        items: [{ kind: "marker", status: "failed", target: clip.mediaPath, error: { code: ErrorCode.CANCELLED } }],
      };
    }
    return this.calls.applyTagPlan(plan, clip);
  }

  async reveal(clip: ClipReference, frame: number): Promise<void> {
    await this.calls.reveal(clip, frame);
  }

  importMedia(): Promise<ClipReference> {
    return Promise.reject(
      new Error("importMedia is not offered in DaVinci Resolve (capabilities.importMedia is false)"),
    );
  }

  /** Resolve's interface is dark and has no light theme. */
  theme(): HostTheme {
    return "dark";
  }

  onThemeChange(): Disposable {
    return { dispose: () => {} };
  }

  locale(): UiLocale {
    return this.uiLocale;
  }
}

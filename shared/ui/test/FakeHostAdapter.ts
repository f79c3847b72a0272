import type { TagPlan } from "@sichter/shared/model";
import type { ApplyReport } from "../src/host/ApplyReport.ts";
import type { ClipReference } from "../src/host/ClipReference.ts";
import type {
  ClipSource,
  Disposable,
  HostAdapter,
  HostCapabilities,
  HostTheme,
  SequenceMarkProgress,
  SequenceMarkReport,
  UiLocale,
} from "../src/host/HostAdapter.ts";

/**
 * A host for the panel's state tests (not product code): a sequence of clips, a switchable clip
 * source and a markSequence that records what it was given and reports each instance as written
 * when its media has a plan. Capabilities as a test wants them.
 */
export class FakeHostAdapter implements HostAdapter {
  readonly id = "fake";
  readonly capabilities: HostCapabilities;
  readonly sources: ClipSource[] = [];
  readonly marked: { plans: ReadonlyMap<string, TagPlan>; token: AbortSignal | undefined }[] = [];
  sequence: ClipReference[] = [];
  /** Set to hold markSequence until the test lets it go. */
  holdMarking: Promise<void> | null = null;
  readonly markSequence?: HostAdapter["markSequence"];
  readonly setClipSource?: HostAdapter["setClipSource"];

  constructor(capabilities: Partial<HostCapabilities> = {}) {
    this.capabilities = {
      currentClipEvents: true,
      mediaBrowser: false,
      sequenceClips: true,
      reveal: true,
      importMedia: false,
      apply: { markers: true, xmp: true, projectColumn: false },
      ...capabilities,
    };
    if (this.capabilities.markSequence)
      this.markSequence = (plans, progress, token) => this.#markSequence(plans, progress, token);
    if (this.capabilities.clipSource) this.setClipSource = (source) => void this.sources.push(source);
  }

  async #markSequence(
    plans: ReadonlyMap<string, TagPlan>,
    progress?: SequenceMarkProgress,
    token?: AbortSignal,
  ): Promise<SequenceMarkReport> {
    this.marked.push({ plans, token });
    await this.holdMarking;
    const items = this.sequence.map((clip, index) => {
      progress?.(index + 1, this.sequence.length);
      const plan = plans.get(clip.mediaPath);
      return plan
        ? { name: clip.name, mediaPath: clip.mediaPath, status: "written" as const, markers: plan.markers.length }
        : {
            name: clip.name,
            mediaPath: clip.mediaPath,
            status: "skipped" as const,
            markers: 0,
            reason: "no-plan" as const,
          };
    });
    const written = items.reduce((sum, item) => sum + item.markers, 0);
    return {
      sequenceName: this.sequence[0]?.sequence?.sequenceName ?? "",
      items,
      markers: { written, unchanged: 0, removed: 0 },
      oneUndoStep: true,
    };
  }

  async currentClip(): Promise<ClipReference | null> {
    return null;
  }

  onCurrentClipChange(): Disposable {
    return { dispose: () => {} };
  }

  async sequenceClips(): Promise<readonly ClipReference[]> {
    return this.sequence;
  }

  async applyTagPlan(plan: TagPlan): Promise<ApplyReport> {
    return { clipPath: plan.clipPath, items: [] };
  }

  async reveal(): Promise<void> {}

  importMedia(): Promise<ClipReference> {
    return Promise.reject(new Error("the fake host imports nothing"));
  }

  theme(): HostTheme {
    return "dark";
  }

  onThemeChange(): Disposable {
    return { dispose: () => {} };
  }

  locale(): UiLocale {
    return "de";
  }
}

import type { TagPlan } from "@sichter/shared/model";
import type { ApplyReport } from "@sichter/ui/src/host/ApplyReport.ts";
import type { ClipReference } from "@sichter/ui/src/host/ClipReference.ts";
import type { ClipSource, SequenceMarkProgress, SequenceMarkReport } from "@sichter/ui/src/host/HostAdapter.ts";
import { applyTagPlan } from "./applyTagPlan.ts";
import { currentClip } from "./currentClip.ts";
import { markTimeline } from "./markTimeline.ts";
import type { ResolveApp } from "./ResolveApi.ts";
import { ResolveCallQueue } from "./ResolveCallQueue.ts";
import { type RevealOutcome, reveal } from "./reveal.ts";
import { type ResolveVersion, resolveVersion } from "./resolveVersion.ts";
import { sequenceClips } from "./sequenceClips.ts";

/**
 * Sichter's operations on one Resolve, each run as one task of the call queue: no two of them (nor
 * two calls inside one) ever overlap, since Resolve's scripting API is not thread-safe. The
 * Workflow Integration plugin runs it in its main process; the Lua script follows the same rules.
 */
export class ResolveHost {
  private version: ResolveVersion | undefined;
  /** Where the current clip comes from; unset: by the page Resolve shows (see currentClip). */
  private source: ClipSource | undefined;

  constructor(
    private readonly resolve: ResolveApp,
    readonly queue: ResolveCallQueue = new ResolveCallQueue(),
  ) {}

  currentClip(): Promise<ClipReference | null> {
    return this.queue.run(async () => currentClip(this.resolve, await this.apiVersion(), this.source));
  }

  /** Follows the media pool selection ("selection") or the current timeline's video item ("playhead"). */
  setClipSource(source: ClipSource): void {
    this.source = source;
  }

  /** Auto-mark: timeline markers for every instance of the current timeline whose media has a plan. */
  markTimeline(
    plans: ReadonlyMap<string, TagPlan>,
    progress?: SequenceMarkProgress,
    signal?: AbortSignal,
  ): Promise<SequenceMarkReport> {
    return this.queue.run(() => markTimeline(this.resolve, plans, progress, signal));
  }

  sequenceClips(): Promise<ClipReference[]> {
    return this.queue.run(() => sequenceClips(this.resolve));
  }

  applyTagPlan(plan: TagPlan, clip: ClipReference, signal?: AbortSignal): Promise<ApplyReport> {
    return this.queue.run(() => applyTagPlan(this.resolve, plan, clip, signal));
  }

  reveal(clip: ClipReference, frame: number): Promise<RevealOutcome> {
    return this.queue.run(async () => reveal(this.resolve, await this.apiVersion(), clip, frame));
  }

  /** Read once: a plugin lives no longer than the Resolve it runs in. */
  private async apiVersion(): Promise<ResolveVersion> {
    this.version ??= resolveVersion(await this.resolve.GetVersion());
    return this.version;
  }
}

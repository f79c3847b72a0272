import type { TagPlan } from "@sichter/shared/model";
import type { ApplyReport } from "@sichter/ui/src/host/ApplyReport.ts";
import type { ClipReference } from "@sichter/ui/src/host/ClipReference.ts";
import { applyTagPlan } from "./applyTagPlan.ts";
import { currentClip } from "./currentClip.ts";
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

  constructor(
    private readonly resolve: ResolveApp,
    readonly queue: ResolveCallQueue = new ResolveCallQueue(),
  ) {}

  currentClip(): Promise<ClipReference | null> {
    return this.queue.run(async () => currentClip(this.resolve, await this.apiVersion()));
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

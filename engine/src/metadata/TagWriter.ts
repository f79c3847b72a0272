import type { TagPlan } from "@sichter/shared/model";
import type { CancellationToken } from "../core/Cancellation.ts";

/** The clip a plan belongs to, as much as a receiving system needs to find it. */
export interface TagWriterClip {
  readonly path: string;
  readonly frameRate: string;
  readonly startTimecode: string;
  readonly frameCount: number;
}

/**
 * Somewhere a finished tag plan goes besides the engine's own XMP: a media-asset-management
 * system, a newsroom database. Contributed by extensions (`contributes.tagWriters`).
 */
export interface TagWriter {
  readonly id: string;
  write(plan: TagPlan, clip: TagWriterClip, token: CancellationToken): Promise<{ target: string | null }>;
}

import { SimApiObject } from "./SimApiObject.ts";
import type { SimMediaPoolItem } from "./SimMediaPoolItem.ts";

/** Where a clip instance sits: media frames [inFrame, outFrame) at `recordFrame` (0 = the timeline's start). */
export interface TimelineItemSpec {
  readonly clip: SimMediaPoolItem;
  readonly inFrame: number;
  readonly outFrame: number;
  readonly recordFrame: number;
}

/**
 * `TimelineItem`: GetStart/GetEnd are absolute timeline frames (they include the timeline's start
 * frame, 86400 for 01:00:00:00 at 24 fps); GetLeftOffset is the source in point. The three take an
 * optional subframe_precision argument from 19.0.2; the simulator's positions are whole frames, so
 * it changes nothing but is refused before.
 */
export class SimTimelineItem extends SimApiObject {
  constructor(
    readonly uniqueId: string,
    readonly spec: TimelineItemSpec,
    private readonly timelineStart: () => number,
    private readonly subframeArgument: boolean,
  ) {
    super();
  }

  get start(): number {
    return this.timelineStart() + this.spec.recordFrame;
  }

  get end(): number {
    return this.start + (this.spec.outFrame - this.spec.inFrame);
  }

  GetName(): string {
    return this.spec.clip.name;
  }

  GetUniqueId(): string {
    return this.uniqueId;
  }

  GetStart(subframePrecision?: unknown): number | undefined {
    return this.precise(subframePrecision, this.start);
  }

  GetEnd(subframePrecision?: unknown): number | undefined {
    return this.precise(subframePrecision, this.end);
  }

  GetDuration(): number {
    return this.spec.outFrame - this.spec.inFrame;
  }

  GetLeftOffset(subframePrecision?: unknown): number | undefined {
    return this.precise(subframePrecision, this.spec.inFrame);
  }

  GetRightOffset(): number {
    return this.spec.clip.spec.frames - this.spec.outFrame;
  }

  GetMediaPoolItem(): SimMediaPoolItem {
    return this.spec.clip;
  }

  private precise(argument: unknown, value: number): number | undefined {
    if (argument !== undefined && !this.subframeArgument) return undefined;
    return value;
  }
}

import { type FrameRate, formatTimecode, parseFrameRate, parseTimecode } from "@sichter/shared/timecode";
import { SimMarkerOwner } from "./SimMarkerOwner.ts";
import { type SimTimelineItem } from "./SimTimelineItem.ts";

/** A timeline as a test describes it. */
export interface TimelineSpec {
  readonly name: string;
  /** The timeline rate as Resolve's setting holds it ("24", "25", "29.97"). */
  readonly fps: string;
  readonly dropFrame?: boolean;
  /** Timecode of the timeline's first frame; Resolve's default is 01:00:00:00. */
  readonly startTimecode?: string;
}

export interface TimelineFeatures {
  /** `Timeline.GetSelectedClips()` exists (21.0.4 on). */
  readonly selection: boolean;
}

/**
 * `Timeline`: an absolute frame count that starts at its start timecode (GetStartFrame is 86400
 * for 01:00:00:00 at 24 fps), video tracks numbered from 1, a playhead, and markers counted from
 * the start frame (a marker at frame 0 sits on the timeline's first frame).
 */
export class SimTimeline extends SimMarkerOwner {
  readonly rate: FrameRate;
  readonly startFrame: number;
  readonly videoTracks: SimTimelineItem[][] = [[]];
  playhead: number;
  selected: SimTimelineItem[] = [];
  /** Present from 21.0.4; before that the method does not exist. */
  readonly GetSelectedClips?: () => SimTimelineItem[];

  constructor(
    readonly uniqueId: string,
    readonly spec: TimelineSpec,
    features: TimelineFeatures,
  ) {
    super();
    this.rate = parseFrameRate(spec.fps);
    this.startFrame = parseTimecode(spec.startTimecode ?? "01:00:00:00", this.timecodeOptions());
    this.playhead = this.startFrame;
    if (features.selection) this.GetSelectedClips = () => [...this.selected];
  }

  get endFrame(): number {
    const ends = this.videoTracks.flat().map((item) => item.end);
    return Math.max(this.startFrame, ...ends);
  }

  GetName(): string {
    return this.spec.name;
  }

  GetUniqueId(): string {
    return this.uniqueId;
  }

  GetStartFrame(): number {
    return this.startFrame;
  }

  GetEndFrame(): number {
    return this.endFrame;
  }

  GetStartTimecode(): string {
    return formatTimecode(this.startFrame, this.timecodeOptions());
  }

  /** Project-style settings of the timeline; the ones the bridge reads, as strings. */
  GetSetting(name?: unknown): unknown {
    const settings: Record<string, string> = {
      timelineFrameRate: this.spec.fps,
      timelineDropFrameTimecode: this.spec.dropFrame ? "1" : "0",
    };
    if (name === undefined) return settings;
    return typeof name === "string" ? (settings[name] ?? "") : "";
  }

  GetTrackCount(trackType: unknown): number {
    return trackType === "video" ? this.videoTracks.length : 0;
  }

  /** Items of a track (1-based index), in timeline order. */
  GetItemListInTrack(trackType: unknown, index: unknown): SimTimelineItem[] {
    if (trackType !== "video" || typeof index !== "number") return [];
    return [...(this.videoTracks[index - 1] ?? [])].sort((a, b) => a.start - b.start);
  }

  /** The item the viewer shows: the highest video track with an item under the playhead. */
  GetCurrentVideoItem(): SimTimelineItem | undefined {
    for (let track = this.videoTracks.length - 1; track >= 0; track--) {
      const item = this.videoTracks[track]!.find((i) => i.start <= this.playhead && this.playhead < i.end);
      if (item) return item;
    }
    return undefined;
  }

  GetCurrentTimecode(): string {
    return formatTimecode(this.playhead, this.timecodeOptions());
  }

  SetCurrentTimecode(timecode: unknown): boolean {
    if (typeof timecode !== "string") return false;
    let frame: number;
    try {
      frame = parseTimecode(timecode, this.timecodeOptions());
    } catch {
      return false;
    }
    if (frame < this.startFrame || frame > this.endFrame) return false;
    this.playhead = frame;
    return true;
  }

  protected markerSpan(): number {
    return this.endFrame - this.startFrame;
  }

  private timecodeOptions(): { rate: FrameRate; dropFrame: boolean } {
    return { rate: this.rate, dropFrame: this.spec.dropFrame ?? false };
  }
}

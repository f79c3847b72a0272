import type { Guid, ProjectItem, SequenceSettings, TickTime, VideoClipTrackItem, VideoTrack } from "@adobe/premierepro";
import type { SimClipItem } from "./SimProjectItem.ts";
import { SimulatorError } from "./SimulatorError.ts";
import { frameRateOfTicks, tick, ticksOf } from "./SimTickTime.ts";

/** `Constants.TrackItemType` as declared: EMPTY 0, CLIP 1, TRANSITION 2, PREVIEW 3, FEEDBACK 4. */
const TRACK_ITEM_TYPE_CLIP = 1;

/** One clip on a track: its media item, source in/out and sequence start/end, all in ticks. */
export interface TrackItemState {
  readonly item: SimClipItem;
  readonly inPoint: bigint;
  readonly outPoint: bigint;
  readonly start: bigint;
  readonly end: bigint;
  readonly speed: number;
  readonly disabled: boolean;
}

/** A track item: every getter is async, as documented. */
export class SimVideoClipTrackItem {
  constructor(
    readonly state: TrackItemState,
    private readonly trackIndex: number,
  ) {}

  async getName(): Promise<string> {
    return this.state.item.name;
  }
  async getStartTime(): Promise<TickTime> {
    return tick(this.state.start);
  }
  async getEndTime(): Promise<TickTime> {
    return tick(this.state.end);
  }
  async getInPoint(): Promise<TickTime> {
    return tick(this.state.inPoint);
  }
  async getOutPoint(): Promise<TickTime> {
    return tick(this.state.outPoint);
  }
  async getDuration(): Promise<TickTime> {
    return tick(this.state.end - this.state.start);
  }
  async getSpeed(): Promise<number> {
    return this.state.speed;
  }
  async isDisabled(): Promise<boolean> {
    return this.state.disabled;
  }
  async getType(): Promise<number> {
    return TRACK_ITEM_TYPE_CLIP;
  }
  async getTrackIndex(): Promise<number> {
    return this.trackIndex;
  }
  async getProjectItem(): Promise<ProjectItem> {
    return this.state.item.view;
  }
}

export class SimVideoTrack {
  constructor(
    readonly index: number,
    readonly items: TrackItemState[],
  ) {}

  get name(): string {
    return `Video ${this.index + 1}`;
  }
  get id(): number {
    return this.index;
  }

  async getIndex(): Promise<number> {
    return this.index;
  }

  /** Returns an array, not a Promise (unlike almost everything else in the API). */
  getTrackItems(trackItemType: number, includeEmptyTrackItems: boolean): VideoClipTrackItem[] {
    if (trackItemType !== TRACK_ITEM_TYPE_CLIP || includeEmptyTrackItems) return [];
    return [...this.items]
      .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))
      .map((state) => new SimVideoClipTrackItem(state, this.index) as unknown as VideoClipTrackItem);
  }
}

export class SimSequence {
  playerPosition = 0n;
  /** Set once the sequence's own project item exists. */
  projectItem: SimClipItem | null = null;

  constructor(
    readonly guidText: string,
    readonly name: string,
    readonly ticksPerFrame: bigint,
    readonly tracks: SimVideoTrack[],
  ) {}

  get guid(): Guid {
    const text = this.guidText;
    return { toString: () => text } as unknown as Guid;
  }

  async getPlayerPosition(): Promise<TickTime> {
    return tick(this.playerPosition);
  }

  async setPlayerPosition(positionTime?: TickTime): Promise<boolean> {
    this.playerPosition = positionTime ? ticksOf(positionTime) : 0n;
    return true;
  }

  async getVideoTrackCount(): Promise<number> {
    return this.tracks.length;
  }

  async getVideoTrack(trackIndex: number): Promise<VideoTrack> {
    const track = this.tracks[trackIndex];
    if (!track) throw new SimulatorError(`no video track ${trackIndex}`);
    return track as unknown as VideoTrack;
  }

  async getSettings(): Promise<SequenceSettings> {
    const rate = frameRateOfTicks(this.ticksPerFrame);
    return { getVideoFrameRate: () => rate } as unknown as SequenceSettings;
  }

  async getTimebase(): Promise<string> {
    return this.ticksPerFrame.toString();
  }

  async getZeroPoint(): Promise<TickTime> {
    return tick(0n);
  }

  async getProjectItem(): Promise<ProjectItem> {
    if (!this.projectItem) throw new SimulatorError(`sequence ${this.name} has no project item`);
    return this.projectItem.view;
  }
}

import { indexedCollection } from "./indexedCollection.ts";
import { EsMarkerCollection, type EsTime, esTime } from "./EsMarkers.ts";
import type { EsProjectItem } from "./ExtendScriptPremiere.ts";

const TICKS_PER_SECOND = 254_016_000_000n;

/** Ticks of one frame at a rational rate "num/den" (exact for every rate Premiere offers). */
export function ticksPerFrame(rate: string): bigint {
  const [num, den] = rate.split("/").map((part) => BigInt(part));
  return (TICKS_PER_SECOND * (den ?? 1n)) / (num ?? 1n);
}

/** A clip on a sequence's video track; all frames below count in the sequence's or media's rate as named. */
export interface EsTrackItemSpec {
  readonly item: EsProjectItem;
  /** 0-based video track (V1 = 0). */
  readonly track: number;
  /** First sequence frame of the instance. */
  readonly startFrame: number;
  /** Media frame of the in point, and how many frames the instance shows. */
  readonly inFrame: number;
  readonly durationFrames: number;
  readonly disabled?: boolean;
}

/** `TrackItem` of the ExtendScript DOM: Time properties, its project item, `disabled`. */
export class EsTrackItem {
  readonly name: string;
  readonly projectItem: EsProjectItem;
  readonly disabled: boolean;
  readonly start: EsTime;
  readonly end: EsTime;
  readonly inPoint: EsTime;
  readonly outPoint: EsTime;
  readonly mediaType = "Video";

  constructor(spec: EsTrackItemSpec, sequenceFrame: bigint) {
    const mediaFrame = ticksPerFrame(spec.item.frameRate);
    const startTicks = BigInt(spec.startFrame) * sequenceFrame;
    const inTicks = BigInt(spec.inFrame) * mediaFrame;
    const durationTicks = BigInt(spec.durationFrames) * mediaFrame;
    this.name = spec.item.name;
    this.projectItem = spec.item;
    this.disabled = spec.disabled ?? false;
    this.start = esTime(startTicks);
    this.end = esTime(startTicks + durationTicks);
    this.inPoint = esTime(inTicks);
    this.outPoint = esTime(inTicks + durationTicks);
  }

  getSpeed(): number {
    return 1;
  }
}

/**
 * `Sequence` of the ExtendScript DOM: `timebase` is the ticks of one frame, as a string; its markers
 * are a MarkerCollection like a clip's; `projectItem` is its item in the Project panel (with XMP).
 */
export class EsSequence {
  readonly timebase: string;
  readonly sequenceID: string;
  readonly markers: EsMarkerCollection;
  private readonly tracks: EsTrackItem[][] = [];
  playerTicks = 0n;

  constructor(
    readonly name: string,
    readonly frameRate: string,
    id: number,
    readonly projectItem: EsProjectItem,
  ) {
    this.timebase = ticksPerFrame(frameRate).toString();
    this.sequenceID = `sequence-${id}`;
    this.markers = new EsMarkerCollection(this.sequenceID);
  }

  place(spec: EsTrackItemSpec): EsTrackItem {
    while (this.tracks.length <= spec.track) this.tracks.push([]);
    const placed = new EsTrackItem(spec, BigInt(this.timebase));
    this.tracks[spec.track]!.push(placed);
    return placed;
  }

  get videoTracks() {
    return indexedCollection(
      this.tracks.map((clips) => ({ clips: indexedCollection(clips, "numItems") })),
      "numTracks",
    );
  }

  getPlayerPosition(): EsTime {
    return esTime(this.playerTicks);
  }

  /** Takes ticks as a decimal string, as the DOM documents. */
  setPlayerPosition(ticks: string): void {
    if (typeof ticks !== "string" || !/^\d+$/.test(ticks))
      throw new TypeError("setPlayerPosition takes ticks as a string");
    this.playerTicks = BigInt(ticks);
  }
}

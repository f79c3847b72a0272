const TICKS_PER_SECOND = 254_016_000_000n;

/** ExtendScript's `Time`: seconds and ticks (a decimal string). */
export interface EsTime {
  readonly seconds: number;
  readonly ticks: string;
}

export function esTime(ticks: bigint): EsTime {
  return { seconds: Number(ticks) / Number(TICKS_PER_SECOND), ticks: ticks.toString() };
}

/** The DOM turns seconds into ticks, rounded to the nearest tick. */
export function ticksOfSeconds(seconds: number): bigint {
  if (typeof seconds !== "number" || !Number.isFinite(seconds)) throw new TypeError("a time in seconds is a number");
  return BigInt(Math.round(seconds * Number(TICKS_PER_SECOND)));
}

/** A marker of the ExtendScript DOM: plain properties, `end` set in seconds, colours 0-7 by index. */
export class EsMarker {
  name = "";
  comments = "";
  type = "Comment";
  colorIndex = 0;
  private endTicks: bigint;

  constructor(
    readonly guid: string,
    public startTicks: bigint,
  ) {
    this.endTicks = startTicks;
  }

  get start(): EsTime {
    return esTime(this.startTicks);
  }

  get end(): EsTime {
    return esTime(this.endTicks);
  }

  set end(value: EsTime | number) {
    this.endTicks = typeof value === "number" ? ticksOfSeconds(value) : BigInt(value.ticks);
  }

  get endTicksValue(): bigint {
    return this.endTicks;
  }

  setTypeAsComment(): void {
    this.type = "Comment";
  }

  setColorByIndex(colorIndex: number, _markerIndex?: number): void {
    if (!Number.isInteger(colorIndex) || colorIndex < 0 || colorIndex > 7)
      throw new RangeError(`marker colour index ${colorIndex}`);
    this.colorIndex = colorIndex;
  }

  getColorByIndex(_markerIndex?: number): number {
    return this.colorIndex;
  }
}

/** `MarkerCollection`: iterated first/next in time order. */
export class EsMarkerCollection {
  readonly markers: EsMarker[] = [];
  private nextId = 1;

  constructor(private readonly ownerId: string) {}

  get numMarkers(): number {
    return this.markers.length;
  }

  private ordered(): EsMarker[] {
    return [...this.markers].sort((a, b) => (a.startTicks < b.startTicks ? -1 : a.startTicks > b.startTicks ? 1 : 0));
  }

  getFirstMarker(): EsMarker | undefined {
    return this.ordered()[0];
  }

  getNextMarker(marker: EsMarker): EsMarker | undefined {
    const ordered = this.ordered();
    return ordered[ordered.indexOf(marker) + 1];
  }

  createMarker(seconds: number): EsMarker {
    const marker = new EsMarker(`${this.ownerId}-es-marker-${this.nextId++}`, ticksOfSeconds(seconds));
    this.markers.push(marker);
    return marker;
  }

  deleteMarker(marker: EsMarker): boolean {
    const index = this.markers.indexOf(marker);
    if (index === -1) return false;
    this.markers.splice(index, 1);
    return true;
  }
}

import { isResolveMarkerColor } from "./markerColors.ts";

/** One marker as `GetMarkers()` describes it. */
export interface MarkerInfo {
  color: string;
  duration: number;
  note: string;
  name: string;
  customData: string;
}

/**
 * `GetMarkers()` answers a dict keyed by frame. The keys are floats in Resolve (120.0 in Python),
 * so the simulator writes them as "120.0": a caller that compares keys as strings, or as integers
 * it never parsed, fails here as it would in Resolve.
 */
export type MarkerDict = Record<string, MarkerInfo>;

export function markerKey(frame: number): string {
  return Number.isInteger(frame) ? `${frame}.0` : String(frame);
}

/**
 * The markers of one owner (a media pool item, counted in source frames from its first frame; or
 * a timeline, counted from its start frame). At most one marker sits on a frame.
 */
export class SimMarkers {
  private readonly byFrame = new Map<number, MarkerInfo>();

  /** `frames()` is the owner's length: a marker must start inside it. */
  constructor(private readonly frames: () => number) {}

  /**
   * Resolve's `AddMarker`: false (and nothing added) when a marker already sits on the frame, when
   * the colour is not one of Resolve's sixteen names, when the frame lies outside the owner, or when
   * the duration is below one frame. The simulator wants whole frames; a fraction is refused.
   */
  add(
    frameId: unknown,
    color: unknown,
    name: unknown,
    note: unknown,
    duration: unknown,
    customData: unknown = "",
  ): boolean {
    if (typeof frameId !== "number" || !Number.isInteger(frameId) || frameId < 0 || frameId >= this.frames())
      return false;
    if (!isResolveMarkerColor(color)) return false;
    if (typeof duration !== "number" || !Number.isInteger(duration) || duration < 1) return false;
    if (typeof name !== "string" || typeof note !== "string" || typeof customData !== "string") return false;
    if (this.byFrame.has(frameId)) return false;
    this.byFrame.set(frameId, { color, duration, note, name, customData });
    return true;
  }

  /** A fresh copy each call, in frame order: changing it changes nothing in Resolve. */
  dict(): MarkerDict {
    const out: MarkerDict = {};
    for (const [frame, info] of this.sorted()) out[markerKey(frame)] = { ...info };
    return out;
  }

  /** The first marker (in frame order) carrying `customData`, as a one-entry dict; {} when none. */
  byCustomData(customData: unknown): MarkerDict {
    const found = this.sorted().find(([, info]) => info.customData === customData);
    return found ? { [markerKey(found[0])]: { ...found[1] } } : {};
  }

  /** Resolve's `DeleteMarkerByCustomData`: deletes only the FIRST match; true when it deleted one. */
  deleteByCustomData(customData: unknown): boolean {
    const found = this.sorted().find(([, info]) => info.customData === customData);
    if (!found) return false;
    this.byFrame.delete(found[0]);
    return true;
  }

  deleteAtFrame(frame: unknown): boolean {
    return typeof frame === "number" && this.byFrame.delete(frame);
  }

  /** `DeleteMarkersByColor("All")` deletes every marker. */
  deleteByColor(color: unknown): boolean {
    const doomed = this.sorted().filter(([, info]) => color === "All" || info.color === color);
    for (const [frame] of doomed) this.byFrame.delete(frame);
    return doomed.length > 0;
  }

  updateCustomData(frame: unknown, customData: unknown): boolean {
    const info = typeof frame === "number" ? this.byFrame.get(frame) : undefined;
    if (!info || typeof customData !== "string") return false;
    info.customData = customData;
    return true;
  }

  customDataAt(frame: unknown): string {
    return (typeof frame === "number" ? this.byFrame.get(frame)?.customData : undefined) ?? "";
  }

  /** For tests: frame and marker, in frame order. */
  list(): { frame: number; info: MarkerInfo }[] {
    return this.sorted().map(([frame, info]) => ({ frame, info: { ...info } }));
  }

  private sorted(): [number, MarkerInfo][] {
    return [...this.byFrame.entries()].sort((a, b) => a[0] - b[0]);
  }
}

import { SimApiObject } from "./SimApiObject.ts";
import { type MarkerDict, SimMarkers } from "./SimMarkers.ts";

/**
 * The marker calls `MediaPoolItem` and `Timeline` both answer, over one SimMarkers store each: the
 * same names, arguments and answers in Resolve's API for both.
 */
export abstract class SimMarkerOwner extends SimApiObject {
  readonly markers = new SimMarkers(() => this.markerSpan());

  /** The owner's length in frames: a marker must start inside it. */
  protected abstract markerSpan(): number;

  AddMarker(
    frameId: unknown,
    color: unknown,
    name: unknown,
    note: unknown,
    duration: unknown,
    customData?: unknown,
  ): boolean {
    return this.markers.add(frameId, color, name, note, duration, customData);
  }

  GetMarkers(): MarkerDict {
    return this.markers.dict();
  }

  GetMarkerByCustomData(customData: unknown): MarkerDict {
    return this.markers.byCustomData(customData);
  }

  DeleteMarkerByCustomData(customData: unknown): boolean {
    return this.markers.deleteByCustomData(customData);
  }

  DeleteMarkerAtFrame(frame: unknown): boolean {
    return this.markers.deleteAtFrame(frame);
  }

  DeleteMarkersByColor(color: unknown): boolean {
    return this.markers.deleteByColor(color);
  }

  UpdateMarkerCustomData(frame: unknown, customData: unknown): boolean {
    return this.markers.updateCustomData(frame, customData);
  }

  GetMarkerCustomData(frame: unknown): string {
    return this.markers.customDataAt(frame);
  }
}

import { SimMarkerOwner } from "./SimMarkerOwner.ts";
import type { SimMetadata } from "./SimMetadata.ts";

/** A media file in the media pool, as a test describes it. */
export interface MediaClipSpec {
  readonly name?: string;
  /** What `GetClipProperty("File Path")` answers. */
  readonly filePath: string;
  /** The clip's rate as Resolve shows it ("24", "25", "29.97", "23.976"). */
  readonly fps: string;
  readonly frames: number;
  /** Timecode of the first frame; default 00:00:00:00. */
  readonly startTimecode?: string;
  readonly dropFrame?: boolean;
}

/**
 * `MediaPoolItem`: clip properties, metadata and source-relative markers (frame 0 is the media's
 * first frame, whatever its start timecode).
 */
export class SimMediaPoolItem extends SimMarkerOwner {
  constructor(
    readonly uniqueId: string,
    readonly spec: MediaClipSpec,
    readonly metadata: SimMetadata,
  ) {
    super();
  }

  protected markerSpan(): number {
    return this.spec.frames;
  }

  get name(): string {
    return this.spec.name ?? this.spec.filePath.split(/[\\/]/).pop() ?? this.spec.filePath;
  }

  GetName(): string {
    return this.name;
  }

  GetUniqueId(): string {
    return this.uniqueId;
  }

  GetMediaId(): string {
    return `media-${this.uniqueId}`;
  }

  /** One property by its key, or all of them as a dict; values are strings, "" for unknown keys. */
  GetClipProperty(key?: unknown): unknown {
    const properties: Record<string, string> = {
      "Clip Name": this.name,
      "File Path": this.spec.filePath,
      FPS: this.spec.fps,
      Frames: String(this.spec.frames),
      "Start TC": this.spec.startTimecode ?? "00:00:00:00",
      "Drop frame": this.spec.dropFrame ? "1" : "0",
      Type: "Video",
    };
    if (key === undefined) return properties;
    return typeof key === "string" ? (properties[key] ?? "") : "";
  }

  GetMetadata(field?: unknown): unknown {
    return this.metadata.get(field);
  }

  SetMetadata(fieldOrDict: unknown, value?: unknown): boolean {
    return this.metadata.set(fieldOrDict, value);
  }
}

import type { PaletteColor } from "./markerColors.ts";

/** A marker Sichter puts on a clip, in the clip's own frames (0-based from the media's first frame). */
export interface ClipMarker {
  readonly startFrame: number;
  readonly durationFrames: number;
  readonly name: string;
  readonly comments: string;
  readonly color: PaletteColor;
}

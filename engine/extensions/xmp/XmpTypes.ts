/** Where `writeXmp` puts the metadata: a sidecar beside the media (default) or into the file. */
export type XmpTarget = "sidecar" | "embed";

export interface WriteXmpOptions {
  target: XmpTarget;
  /**
   * Language of the plan's description. It is written as that language's entry of the lang-alt
   * `dc:description`; `x-default` gets the same text unless a person wrote a different one.
   * Default "en".
   */
  language?: "de" | "en";
}

/**
 * How a sidecar got its name. `extension-replaced` is the usual `clip.xmp`; `extension-kept`
 * (`clip.mov.xmp`) is used when another video file with the same base name sits in the folder,
 * because both would otherwise claim `clip.xmp`.
 */
export interface SidecarNaming {
  rule: "extension-replaced" | "extension-kept";
  /** The other media files that share the base name (file names only); empty without collision. */
  collidesWith: string[];
}

export interface WriteReport {
  /** Absolute path of the sidecar written, or null when embedding. */
  sidecar: string | null;
  sidecarNaming: SidecarNaming | null;
  embedded: boolean;
  /** Keywords that were not there before (in the plan's spelling). */
  keywordsAdded: string[];
  markersWritten: number;
}

/** One marker as read back from `xmpDM:Tracks`. Frames count in the track's `frameRate`. */
export interface XmpMarker {
  trackName: string | null;
  frameRate: string | null;
  name: string;
  comment: string;
  type: string | null;
  /** Integer frames when the track has a frameRate and startTime is a plain number, else null. */
  startFrame: number | null;
  durationFrames: number | null;
  /** startTime / duration as written, for values that are not plain frame counts. */
  startTime: string | null;
  duration: string | null;
}

export interface XmpTrack {
  trackName: string | null;
  trackType: string | null;
  frameRate: string | null;
  markers: XmpMarker[];
}

export interface XmpContent {
  keywords: string[];
  /** `x-default` of dc:description, or null. */
  description: string | null;
  /** Every dc:description entry by language ("x-default", "de", ...). */
  descriptions: Record<string, string>;
  logComment: string | null;
  /** Iptc4xmpExt:AboutCvTerm entries: controlled vocabulary terms the clip is about. */
  controlledTerms: Array<{ vocabulary: string | null; id: string; name: string | null }>;
  /** Markers of all tracks, in track order. */
  markers: XmpMarker[];
  tracks: XmpTrack[];
}

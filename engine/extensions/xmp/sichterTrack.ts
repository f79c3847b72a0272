import type { PlannedMarker } from "@sichter/engine/extension-api";

/** The name of the one marker track Sichter owns in `xmpDM:Tracks`; every other track is foreign. */
export const SICHTER_TRACK_NAME = "Sichter";

/**
 * A marker as an exiftool struct. Times are integer frames because the track carries a frameRate
 * (XMP Dynamic Media's rule). Kind and colour have no field of their own in xmpDM:Marker, so they
 * travel as cue point params, which Premiere keeps and the catalog can read back.
 */
export function markerStruct(marker: PlannedMarker): Record<string, unknown> {
  return {
    startTime: marker.startFrame,
    duration: marker.durationFrames,
    name: marker.name,
    // exiftool drops an empty field anyway; leaving it out keeps the write free of surprises.
    ...(marker.comment === "" ? {} : { comment: marker.comment }),
    type: "Comment",
    cuePointParams: [
      { key: "sichter:kind", value: marker.kind },
      { key: "sichter:color", value: marker.color },
    ],
  };
}

/** The whole Sichter track, as one struct for a structured `Tracks+=` write. */
export function sichterTrackStruct(xmpFrameRate: string, markers: readonly PlannedMarker[]): Record<string, unknown> {
  return {
    trackName: SICHTER_TRACK_NAME,
    trackType: "Comment",
    frameRate: xmpFrameRate,
    markers: markers.map(markerStruct),
  };
}

import type { XmpMarker, XmpTrack } from "./XmpTypes.ts";

/**
 * Turns exiftool's JSON for `xmpDM:Tracks` (read with `-struct` and quoted values) into typed
 * tracks. Unknown fields (Premiere's Guid, cue point params) are ignored here; they stay in the
 * file because the writer never rewrites foreign tracks.
 */
export function parseXmpTracks(raw: unknown): XmpTrack[] {
  return asArray(raw).flatMap((entry) => {
    if (!isRecord(entry)) return [];
    const trackName = text(entry.TrackName);
    const frameRate = text(entry.FrameRate);
    const markers = asArray(entry.Markers)
      .filter(isRecord)
      .map((m): XmpMarker => {
        const startTime = text(m.StartTime);
        const duration = text(m.Duration);
        return {
          trackName,
          frameRate,
          name: text(m.Name) ?? "",
          comment: text(m.Comment) ?? "",
          type: text(m.Type),
          startFrame: frameRate === null ? null : frames(startTime),
          durationFrames: frameRate === null ? null : frames(duration),
          startTime,
          duration,
        };
      });
    return [{ trackName, trackType: text(entry.TrackType), frameRate, markers }];
  });
}

/** exiftool gives a one-item list as a bare value unless asked otherwise; accept both. */
export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return String(value);
}

/** With a track frameRate, XMP times are integer frame counts; anything else is not guessed at. */
function frames(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value)) return null;
  return Number(value);
}

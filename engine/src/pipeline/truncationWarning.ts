import { ErrorCode } from "@sichter/shared/errors";
import type { Tag } from "@sichter/shared/model";
import { SichterError } from "../core/SichterError.ts";
import type { MediaInfo } from "../media/MediaInfo.ts";
import type { MediaTimecode } from "../media/mediaTimecode.ts";

const round2 = (value: number): string => String(Math.round(value * 100) / 100);

/**
 * What a file cut short is missing (see MediaInfo.truncated), as a warning for the result and as a
 * tag on its last frame, so the catalog keeps it and the editor finds a marker where the file
 * stops. None for a whole file.
 */
export function truncationWarning(
  media: MediaInfo,
  tc: MediaTimecode,
  language: "de" | "en",
): { warning: SichterError; tag: Tag } | undefined {
  const cut = media.truncated;
  if (!cut || media.frameCount === 0) return undefined;
  const missingFrames = cut.declaredFrames - media.frameCount;
  const missingSeconds = round2(Math.max(0, cut.declaredSeconds - media.durationSeconds));
  const warning = new SichterError(ErrorCode.MEDIA_TRUNCATED, {
    path: media.path,
    declaredFrames: cut.declaredFrames,
    declaredSeconds: round2(cut.declaredSeconds),
    frames: media.frameCount,
    seconds: round2(media.durationSeconds),
    missingFrames,
    timecode: tc.toTimecode(media.frameCount),
  });
  const label =
    language === "de"
      ? `Datei abgeschnitten: endet hier, ${missingFrames} Bilder (${missingSeconds} s) fehlen`
      : `File cut short: it stops here, ${missingFrames} frames (${missingSeconds} s) missing`;
  const tag: Tag = {
    label,
    kind: "cue.truncated",
    language,
    source: "technical",
    confidence: 1,
    startFrame: media.frameCount - 1,
    endFrame: media.frameCount,
    status: "suggested",
    provenance: [{ producer: "sichter.probe", version: "1", evidence: warning.message }],
  };
  return { warning, tag };
}

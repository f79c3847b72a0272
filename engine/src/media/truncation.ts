/** A file cut short: what its container declares, beyond the frames its data holds. */
export interface Truncation {
  readonly declaredFrames: number;
  readonly declaredSeconds: number;
}

/** What ffprobe reports about the video stream's declared length. */
export interface DeclaredLength {
  /** The stream's frame count from the container's index (MP4, MOV), if stated. */
  readonly nbFrames?: string | undefined;
  /** The stream's duration in seconds, if stated. */
  readonly streamDuration?: string | undefined;
  /** A Matroska stream's DURATION tag ("00:00:08.000000000"), if stated. */
  readonly durationTag?: string | undefined;
  /** The container's duration: used only where the video is its one stream (else audio may be longer). */
  readonly formatDuration?: string | undefined;
  readonly onlyStream: boolean;
}

/**
 * Whether the container promises more frames than the packets that are there: an MP4 whose index
 * lists 200 frames while its data stops after 84 (an upload or copy that stopped) opens and plays
 * its first seconds, so it would be analysed as a short clip without a word. A few frames' slack
 * (edit lists, rounding of durations) is not a truncation.
 */
export function findTruncation(
  declared: DeclaredLength,
  frameCount: number,
  frameSeconds: number,
): Truncation | undefined {
  const seconds =
    positive(declared.streamDuration) ??
    tagSeconds(declared.durationTag) ??
    (declared.onlyStream ? positive(declared.formatDuration) : undefined);
  const stated = positive(declared.nbFrames);
  const declaredFrames =
    stated !== undefined && Number.isInteger(stated)
      ? stated
      : seconds !== undefined
        ? Math.round(seconds / frameSeconds)
        : undefined;
  if (declaredFrames === undefined) return undefined;
  if (declaredFrames - frameCount <= Math.max(2, declaredFrames * 0.02)) return undefined;
  return { declaredFrames, declaredSeconds: seconds ?? declaredFrames * frameSeconds };
}

function positive(text: string | undefined): number | undefined {
  const value = Number(text);
  return text !== undefined && Number.isFinite(value) && value > 0 ? value : undefined;
}

function tagSeconds(text: string | undefined): number | undefined {
  const match = /^(\d+):(\d\d):(\d\d(?:\.\d+)?)$/.exec(text ?? "");
  return match ? positive(String(Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]))) : undefined;
}

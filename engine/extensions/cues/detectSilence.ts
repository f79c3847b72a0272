import {
  ErrorCode,
  CancellationToken,
  SichterError,
  type MediaInfo,
  lastStderrLine,
  runTool,
} from "@sichter/engine/extension-api";

/** Quieter than this counts as silence (ffmpeg `silencedetect` noise level). */
export const SILENCE_DB = -50;
/** Shortest silence reported, in seconds. */
export const SILENCE_MIN_SECONDS = 1;

export interface SilenceRange {
  readonly startFrame: number;
  readonly endFrame: number;
}

/**
 * Silence of the first audio stream, as video frame ranges [startFrame, endFrame). One ffmpeg pass
 * that decodes audio only (cheap next to video). ffmpeg's `silencedetect` marks the ranges; they
 * are printed to stdout with `ametadata` so a long clip with many silences cannot overflow the
 * kept stderr. Times count from the container start, as do frame times plus `seekOffsetSeconds`.
 * A clip without audio has no silence (not an error).
 */
export async function detectSilence(
  media: MediaInfo,
  token: CancellationToken = CancellationToken.None,
): Promise<SilenceRange[]> {
  if (media.audioStreams === 0 || media.frameCount === 0) return [];
  const result = await runTool(
    "ffmpeg",
    [
      "-v",
      "error",
      "-nostdin",
      "-i",
      media.path,
      "-map",
      "0:a:0",
      "-vn",
      "-sn",
      "-dn",
      "-af",
      `silencedetect=n=${SILENCE_DB}dB:d=${SILENCE_MIN_SECONDS},ametadata=mode=print:file='pipe\\:1'`,
      "-f",
      "null",
      "-",
    ],
    token,
  );
  if (result.code !== 0) {
    throw new SichterError(ErrorCode.TOOL_FAILED, {
      tool: "ffmpeg",
      path: media.path,
      detail: lastStderrLine(result.stderr),
    });
  }
  const seconds: Array<{ start: number; end: number }> = [];
  let open: number | null = null;
  for (const line of result.stdout.split(/\r?\n/)) {
    const m = /^lavfi\.silence_(start|end)=(-?[\d.]+)/.exec(line.trim());
    if (!m) continue;
    const t = Number(m[2]) - media.seekOffsetSeconds;
    if (m[1] === "start") open = t;
    else if (open !== null) {
      seconds.push({ start: open, end: t });
      open = null;
    }
  }
  // ffmpeg 4.1 does not close a silence that lasts to the end of the stream.
  if (open !== null) seconds.push({ start: open, end: Infinity });
  return seconds
    .map((s) => ({ startFrame: frameAt(media.frameTimes, s.start), endFrame: frameAt(media.frameTimes, s.end) }))
    .filter((r) => r.endFrame > r.startFrame);
}

/** Index of the first frame whose time is at or after `t` (rounded to the nearest frame boundary). */
export function frameAt(frameTimes: readonly number[], t: number): number {
  if (!Number.isFinite(t)) return frameTimes.length;
  // Half a frame's slack so 2.00002 s maps to the frame at 2.0 s, not the one after.
  const n = frameTimes.length;
  const step = n > 1 ? (frameTimes[n - 1]! - frameTimes[0]!) / (n - 1) : 0;
  const target = t - step / 2;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (frameTimes[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

import { createTimecodeContext, parseFrameRate } from "@sichter/shared/timecode";
import type { UiLocale } from "../host/HostAdapter.ts";

/** The timing facts of a clip the panel shows, as the catalog stores them. */
export interface ClipTiming {
  readonly frameRate: string;
  readonly dropFrame: boolean;
  readonly startTimecode: string;
  readonly frameCount: number;
  readonly durationSeconds: number;
}

/** A frame (0-based from the clip's first) as the clip's own timecode; "" when the timing is unusable. */
export function timecodeOf(clip: ClipTiming, frame: number): string {
  try {
    return createTimecodeContext({
      rate: parseFrameRate(clip.frameRate),
      dropFrame: clip.dropFrame,
      start: clip.startTimecode,
    }).toTimecode(frame);
  } catch {
    return "";
  }
}

/** "0:30", "12:05", "1:02:03": durations an editor reads at a glance. */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number): string => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** "25", "29,97" (de) / "29.97" (en): the rate as editors name it. */
export function formatRate(frameRate: string, locale: UiLocale): string {
  const [num, den] = frameRate.split("/").map(Number);
  if (!num || !den) return frameRate;
  const value = Math.round((num / den) * 1000) / 1000;
  return value.toLocaleString(locale === "de" ? "de-DE" : "en-GB", { maximumFractionDigits: 3 });
}

/** First to last frame of the clip as timecodes, "10:00:00:00–10:00:29:24". */
export function timecodeRange(clip: ClipTiming): string {
  const first = timecodeOf(clip, 0);
  const last = timecodeOf(clip, Math.max(0, clip.frameCount - 1));
  return first && last ? `${first}–${last}` : "";
}

export function formatDateTime(iso: string, locale: UiLocale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(locale === "de" ? "de-DE" : "en-GB", { dateStyle: "medium", timeStyle: "short" });
}

import { keyframeIndexAtOrBefore, type RgbImage, type MediaInfo } from "@sichter/engine/extension-api";

/**
 * Starting another ffmpeg costs about as much as decoding this many frames (its keyframe, the start,
 * the frames it decodes ahead before it is stopped), so shorter gaps are decoded through.
 */
export const SEEK_FRAMES = 12;

/** Frames [keyframe, end) of a clip, decoded from `keyframe` (a keyframe's frame index). */
export type DecodeFromKeyframe = (keyframe: number, end: number) => Promise<RgbImage[]>;

/** Frame index of the last keyframe at or before `frame` (the first keyframe when none is). */
export function keyframeAtOrBefore(media: Pick<MediaInfo, "keyframes">, frame: number): number {
  return media.keyframes[keyframeIndexAtOrBefore(media, frame)] ?? 0;
}

/**
 * The small pictures of one stretch of a clip, decoded on demand. Every frame a decode passes
 * through is kept, the GOP before a requested range included: following a cue's edge back or
 * forward then rarely decodes a frame twice. Held by one worker for one stretch, then dropped.
 */
export class CueFrames {
  private readonly pictures = new Map<number, RgbImage>();

  constructor(
    private readonly media: Pick<MediaInfo, "keyframes" | "frameCount">,
    private readonly decode: DecodeFromKeyframe,
  ) {}

  at(frame: number): RgbImage | undefined {
    return this.pictures.get(frame);
  }

  /** Consecutive pictures from `from`, up to `to` or the first frame not at hand. */
  run(from: number, to: number): RgbImage[] {
    const out: RgbImage[] = [];
    for (let f = from; f < to; f++) {
      const picture = this.pictures.get(f);
      if (!picture) break;
      out.push(picture);
    }
    return out;
  }

  /** Frames [from, to) stand for `picture` without being decoded. */
  fill(from: number, to: number, picture: RgbImage): void {
    for (let f = from; f < to; f++) this.pictures.set(f, picture);
  }

  /** Decodes whatever of frames [from, to) is not at hand, each missing stretch from its keyframe. */
  async ensure(from: number, to: number): Promise<void> {
    for (const [start, end] of this.missing(from, Math.min(to, this.media.frameCount))) {
      const key = Math.min(start, keyframeAtOrBefore(this.media, start));
      const decoded = await this.decode(key, end);
      decoded.forEach((picture, i) => this.pictures.set(key + i, picture));
    }
  }

  /** Stretches of [from, to) not at hand; one whose keyframe is near the previous end joins it. */
  private missing(from: number, to: number): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (let f = from; f < to; f++) {
      if (this.pictures.has(f)) continue;
      const last = out.at(-1);
      if (last && keyframeAtOrBefore(this.media, f) - last[1] <= SEEK_FRAMES) last[1] = f + 1;
      else out.push([f, f + 1]);
    }
    return out;
  }
}

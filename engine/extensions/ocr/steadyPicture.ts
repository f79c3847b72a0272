import { CancellationToken, type FrameSource, type RgbImage } from "@sichter/engine/extension-api";

export interface SteadyPictureOptions {
  /** Frames averaged around the sample (itself included); below 2, the sample is read as it is. */
  readonly frames: number;
  /**
   * Share of pixels whose light jumps by more than FLICKER_STEP from the sample to the next frame
   * above which the picture counts as busy. Generated busy backgrounds flip 35 to 60 % of the
   * pixels from one frame to the next (a cellular automaton) or 4 to 5 % (the game of life);
   * noisy, zooming and panning pictures of the other families 0 to 2 %, a scrolling ticker about
   * 2 %. Real footage in a fast pan can flip more: then the mean is read, in which standing text
   * (a lower third, a logo) stays sharp and text that moves with the picture is smeared.
   */
  readonly busyShare: number;
}

/** A change of light (0..255) that only a picture's content, not compression or noise, makes. */
const FLICKER_STEP = 64;
/** Every this many pixels is compared: the share needs no more. */
const FLICKER_STRIDE = 7;

const luma = (data: Uint8Array, p: number): number => (77 * data[p]! + 150 * data[p + 1]! + 29 * data[p + 2]!) >> 8;

/** Share (0..1) of pixels whose light changed by more than FLICKER_STEP from `a` to `b` (same size). */
export function flickerShare(a: RgbImage, b: RgbImage): number {
  let changed = 0;
  let compared = 0;
  for (let p = 0; p + 2 < a.data.length; p += 3 * FLICKER_STRIDE) {
    compared++;
    if (Math.abs(luma(a.data, p) - luma(b.data, p)) > FLICKER_STEP) changed++;
  }
  return compared === 0 ? 0 : changed / compared;
}

/** The per-pixel mean of pictures of one size. */
export function temporalMean(pictures: readonly RgbImage[]): RgbImage {
  const [first] = pictures;
  if (!first) throw new RangeError("temporalMean needs at least one picture");
  const sum = new Uint16Array(first.data.length);
  for (const { data } of pictures) for (let i = 0; i < sum.length; i++) sum[i]! += data[i]!;
  const out = new Uint8Array(sum.length);
  const n = pictures.length;
  for (let i = 0; i < sum.length; i++) out[i] = Math.round(sum[i]! / n);
  return { width: first.width, height: first.height, data: out };
}

/**
 * The picture to read for a sample: the sample itself, or, where the background changes in every
 * frame, the mean of the frames around it. Text that stands still keeps its light in the mean
 * while a flickering background turns into an even grey behind it. The frames are taken around
 * the sample rather than after it, so that a lower third that goes off (or comes on) a few frames
 * after the sample still stands in most of them; only frames of the sample's range [from, to)
 * are taken, which lies within its shot, so no other shot's picture is mixed in. Text moving in a
 * busy picture is smeared: a scrolling ticker there is lost, as it mostly was in the single frame.
 */
export async function steadyPicture(
  frames: FrameSource,
  sample: { readonly frame: number; readonly from: number; readonly to: number },
  image: RgbImage,
  options: SteadyPictureOptions,
  token: CancellationToken = CancellationToken.None,
): Promise<{ picture: RgbImage; busy: boolean }> {
  const end = Math.min(sample.to, sample.frame + Math.ceil(options.frames / 2));
  const start = Math.max(sample.from, end - options.frames);
  if (end - start < 2 || sample.frame + 1 >= sample.to) return { picture: image, busy: false };
  // The next frame alone first: most pictures are not busy, and one frame after the sample's
  // keyframe is decoded about as fast as the keyframe itself.
  const [next] = await frames.rgb(sample.frame + 1, image.width, 1, token);
  const fits = (d: RgbImage): boolean => d.width === image.width && d.height === image.height;
  if (!next || !fits(next) || flickerShare(image, next) <= options.busyShare) return { picture: image, busy: false };
  const window = (await frames.rgb(start, image.width, end - start, token)).filter(fits);
  if (window.length < 2) return { picture: image, busy: false };
  return { picture: temporalMean(window), busy: true };
}

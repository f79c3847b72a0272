import type { MediaInfo } from "./MediaInfo.ts";

/**
 * The shape of one stored pixel as "num/den" from ffprobe's sample aspect ratio ("16:11" for PAL
 * 16:9 at 704x576): "1/1" where it is square, unknown ("0:1", "N/A") or nonsense.
 */
export function parsePixelAspect(sampleAspectRatio: string | undefined): string {
  const match = /^(\d+):(\d+)$/.exec(sampleAspectRatio ?? "");
  const num = Number(match?.[1]);
  const den = Number(match?.[2]);
  if (!match || num <= 0 || den <= 0) return "1/1";
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const g = gcd(num, den);
  return `${num / g}/${den / g}`;
}

/**
 * The height of a picture `width` wide showing the clip as a player does (square pixels, the
 * display aspect), even as ffmpeg's 4:2:0 scaler needs, at least 2. A clip of non-square pixels
 * scaled by its stored size alone comes out squeezed.
 */
export function displayHeight(media: Pick<MediaInfo, "width" | "height" | "pixelAspect">, width: number): number {
  const [num, den] = (media.pixelAspect ?? "1/1").split("/").map(Number) as [number, number];
  const displayWidth = (media.width * num) / den;
  return Math.max(2, 2 * Math.round((width * media.height) / displayWidth / 2));
}

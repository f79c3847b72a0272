import type { ProviderImage } from "@sichter/engine/extension-api";

/**
 * Vision takes at most 10 MB of JSON per request. Keyframes are small (768 px, a few hundred kB as
 * base64), so this only matters with many large ones; staying well below leaves room for the rest of
 * the JSON and for whatever a proxy adds.
 */
export const MAX_REQUEST_BASE64_CHARS = 8 * 1024 * 1024;

/**
 * Splits images into consecutive groups of at most `perRequest` whose base64 data stays within
 * `maxChars`, in order. An image larger than `maxChars` on its own still gets a group of its own:
 * Vision then says what is wrong with it, for that image only.
 */
export function batchImages(
  images: readonly ProviderImage[],
  perRequest: number,
  maxChars = MAX_REQUEST_BASE64_CHARS,
): ProviderImage[][] {
  const batches: ProviderImage[][] = [];
  let current: ProviderImage[] = [];
  let chars = 0;
  for (const image of images) {
    const size = image.jpegBase64.length;
    if (current.length > 0 && (current.length >= perRequest || chars + size > maxChars)) {
      batches.push(current);
      current = [];
      chars = 0;
    }
    current.push(image);
    chars += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

import type { ProviderImage } from "@sichter/engine/extension-api";

export interface AnnotateRequestOptions {
  /** Results per feature and image. */
  readonly maxResults: number;
  /** Also ask for WEB_DETECTION (off by default: web entities can name people). */
  readonly webDetection: boolean;
}

/**
 * The body of one POST <endpoint>/images:annotate (BatchAnnotateImagesRequest) for up to 16 keyframes.
 * Per image only the JPEG bytes and the features go out: no file name, no source URI, no image
 * context. `imageContext.languageHints` is left out on purpose: it only steers TEXT_DETECTION; labels
 * and web entities come back in English whatever it says.
 */
export function buildAnnotateRequest(
  images: readonly ProviderImage[],
  options: AnnotateRequestOptions,
): Record<string, unknown> {
  const features = [
    // Generic labels for what the picture shows ("Fire engine", "Crowd"): never who someone is.
    { type: "LABEL_DETECTION", maxResults: options.maxResults },
    // Entities deduced from similar pictures on the web; only when the user enabled it.
    ...(options.webDetection ? [{ type: "WEB_DETECTION", maxResults: options.maxResults }] : []),
  ];
  return {
    // One AnnotateImageRequest per keyframe; the answers come back in the same order.
    requests: images.map((image) => ({
      // `content`: the image bytes, base64 (JSON carries protobuf bytes as base64).
      image: { content: image.jpegBase64 },
      features,
    })),
  };
}

import {
  ErrorCode,
  throwIfCancelled,
  SichterError,
  type ImageAnswer,
  type KeywordProvider,
  type ProviderImage,
  resolveApiKey,
  statusFailure,
} from "@sichter/engine/extension-api";
import { buildAnnotateRequest } from "./annotateRequest.ts";
import { batchImages } from "./batchImages.ts";
import { readGoogleSettings } from "./googleSettings.ts";
import { parseAnnotateResponse } from "./parseAnnotateResponse.ts";
import { GOOGLE_VISION_PROVIDER_ID } from "./providerId.ts";

/**
 * Vision labels a whole picture; it cannot say which tile of a contact sheet a label belongs to, and
 * giving every tile the sheet's labels would put keywords on the wrong shots. So this provider wants
 * single keyframes (one tile each) and refuses sheets.
 */
export const PREFERS_SINGLE_IMAGES = true;

export interface GoogleVisionProviderOptions {
  /** Where `apiKeyEnv` is looked up; the extension process's environment unless a test says otherwise. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * Told about an image that failed while the call goes on for the others (the KeywordProvider
   * contract returns answers only, so this is how the reason reaches a log).
   */
  readonly onImageError?: (imageId: string, error: SichterError) => void;
}

/**
 * English motif keywords from Google Cloud Vision's images:annotate: LABEL_DETECTION, plus
 * WEB_DETECTION when the user enabled it. Keyframes go in batches of up to `imagesPerRequest`
 * (Vision's limit: 16), one batch at a time in order; the engine's `send` owns retries and limits.
 * The key travels in the x-goog-api-key header, never in the URL (URLs end up in logs).
 * Failures: a refused or failed request fails the whole call. A failure of one image (Vision's
 * per-image error, an answer out of range) drops that image only: the others are returned, the
 * failure goes to `onImageError`; when no image got an answer, the first failure is thrown.
 */
export function createGoogleVisionProvider(options: GoogleVisionProviderOptions = {}): KeywordProvider {
  return {
    id: GOOGLE_VISION_PROVIDER_ID,
    async provideKeywords(images, context, token) {
      if (images.length === 0) return [];
      const settings = readGoogleSettings(GOOGLE_VISION_PROVIDER_ID, context.configuration);
      const apiKey = resolveApiKey(GOOGLE_VISION_PROVIDER_ID, settings, options.env ?? process.env);
      refuseSheets(images);

      const answers: ImageAnswer[] = [];
      const failures: SichterError[] = [];
      for (const batch of batchImages(images, settings.imagesPerRequest)) {
        throwIfCancelled(token);
        const response = await context.send(
          {
            url: `${settings.endpoint}/images:annotate`,
            headers: { "x-goog-api-key": apiKey, "content-type": "application/json; charset=utf-8" },
            body: JSON.stringify(
              buildAnnotateRequest(batch, { maxResults: settings.maxResults, webDetection: settings.webDetection }),
            ),
            imageIds: batch.map((image) => image.id),
          },
          token,
        );
        if (response.status < 200 || response.status > 299)
          throw statusFailure(GOOGLE_VISION_PROVIDER_ID, response, [apiKey]);
        for (const result of parseAnnotateResponse(response.body, batch)) {
          if ("answer" in result) {
            answers.push(result.answer);
          } else {
            failures.push(result.error);
            options.onImageError?.(result.imageId, result.error);
          }
        }
      }
      if (answers.length === 0 && failures.length > 0) throw failures[0];
      return answers;
    },
  };
}

/** Before anything is sent: a contact sheet would get one set of labels for several shots. */
function refuseSheets(images: readonly ProviderImage[]): void {
  const sheet = images.find((image) => image.tiles.length !== 1 || image.columns * image.rows !== 1);
  if (sheet === undefined) return;
  throw new SichterError(ErrorCode.PROVIDER_REJECTED, {
    provider: GOOGLE_VISION_PROVIDER_ID,
    detail: `image ${sheet.id} is a contact sheet of ${sheet.tiles.length} tiles (${sheet.columns} x ${sheet.rows}); Google Cloud Vision labels a whole picture and cannot answer per tile, so this provider needs single keyframes`,
  });
}

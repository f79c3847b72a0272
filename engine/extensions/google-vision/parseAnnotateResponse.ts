import { z } from "zod";
import {
  ErrorCode,
  SichterError,
  type ImageAnswer,
  type ProviderImage,
  type ProviderKeyword,
  redact,
} from "@sichter/engine/extension-api";
import { GOOGLE_VISION_PROVIDER_ID } from "./providerId.ts";
import { webEntityConfidences } from "./webEntityConfidence.ts";

/**
 * One AnnotateImageResponse as far as we read it. Proto3 JSON leaves out fields at their default
 * (a score of 0, an empty description, an empty list), so almost everything is optional; fields we
 * do not ask for (faces, text, safe search) are ignored rather than rejected.
 */
const AnnotateImageResponse = z.object({
  // LABEL_DETECTION: generic labels. `mid`: Knowledge Graph id; `description`: the label, in English;
  // `score`: confidence 0..1; `topicality`: relevance to the picture (not used).
  labelAnnotations: z
    .array(
      z.object({
        mid: z.string().optional(),
        description: z.string().optional(),
        score: z.number().optional(),
        topicality: z.number().optional(),
      }),
    )
    .optional(),
  // WEB_DETECTION: `webEntities` deduced from similar pictures on the web (`score` unbounded, see
  // webEntityConfidence.ts; `description` in English, sometimes missing); `bestGuessLabels`: Vision's
  // best guess at a caption for the picture.
  webDetection: z
    .object({
      webEntities: z
        .array(
          z.object({
            entityId: z.string().optional(),
            score: z.number().optional(),
            description: z.string().optional(),
          }),
        )
        .optional(),
      bestGuessLabels: z
        .array(z.object({ label: z.string().optional(), languageCode: z.string().optional() }))
        .optional(),
    })
    .optional(),
  // Set when this one image failed (google.rpc.Status: a gRPC code number and a message); the other
  // images of the batch are answered as usual.
  error: z.object({ code: z.number().int().optional(), message: z.string().optional() }).optional(),
});

/** BatchAnnotateImagesResponse: one response per request, in request order. */
const BatchAnnotateImagesResponse = z.object({ responses: z.array(AnnotateImageResponse).optional() });

export type AnnotateResult =
  | { readonly imageId: string; readonly answer: ImageAnswer }
  | { readonly imageId: string; readonly error: SichterError };

/** gRPC codes that say "try later" rather than "this image is wrong". */
const RATE_LIMITED_CODES = new Set([8]); // RESOURCE_EXHAUSTED
const UNAVAILABLE_CODES = new Set([2, 4, 10, 13, 14]); // UNKNOWN, DEADLINE_EXCEEDED, ABORTED, INTERNAL, UNAVAILABLE

/**
 * Turns the body of a 2xx images:annotate answer into one result per image of the batch.
 * - A body that is not JSON, not the documented shape, or with a different number of responses than
 *   images: every image's answer is untrustworthy → PROVIDER_RESPONSE_INVALID is thrown.
 * - A response with `error`: that image fails, the others stand. RESOURCE_EXHAUSTED →
 *   PROVIDER_RATE_LIMITED, transient server codes → PROVIDER_UNAVAILABLE, anything else (bad image
 *   data, permission) → PROVIDER_REJECTED; the detail carries the code and Vision's message.
 * - A label score outside 0..1: that image fails with PROVIDER_RESPONSE_INVALID.
 * Keywords are the labels (score as confidence) and, when asked for, the web entities (see
 * webEntityConfidences), all in English, one per text (case-insensitive, highest confidence kept),
 * most confident first; entries without text or with confidence 0 are dropped. The best guess label
 * becomes the description. Vision answers for the whole picture, so the answer has one tile.
 */
export function parseAnnotateResponse(body: string, images: readonly ProviderImage[]): AnnotateResult[] {
  const invalid = (detail: string) =>
    new SichterError(ErrorCode.PROVIDER_RESPONSE_INVALID, { provider: GOOGLE_VISION_PROVIDER_ID, detail });
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    throw invalid("the response body is not JSON");
  }
  const parsed = BatchAnnotateImagesResponse.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(
      `the response is not a BatchAnnotateImagesResponse (${issue ? `${issue.path.join(".") || "the top level"}: ${issue.message}` : "unknown problem"})`,
    );
  }
  const responses = parsed.data.responses ?? [];
  if (responses.length !== images.length)
    throw invalid(`${responses.length} responses came back for ${images.length} images`);

  return responses.map((response, i): AnnotateResult => {
    const image = images[i]!;
    if (response.error !== undefined) return { imageId: image.id, error: imageError(image.id, response.error) };
    const labels = response.labelAnnotations ?? [];
    const outOfRange = labels.find((l) => (l.score ?? 0) < 0 || (l.score ?? 0) > 1);
    if (outOfRange !== undefined)
      return {
        imageId: image.id,
        error: invalid(`image ${image.id}: label score ${outOfRange.score} is outside 0..1`),
      };

    const entities = (response.webDetection?.webEntities ?? []).filter((e) => e.description !== undefined);
    const entityConfidences = webEntityConfidences(entities.map((e) => e.score ?? 0));
    const keywords = distinctKeywords([
      ...labels.map((l) => ({
        label: (l.description ?? "").trim(),
        language: "en" as const,
        confidence: l.score ?? 0,
      })),
      ...entities.map((e, j) => ({
        label: e.description!.trim(),
        language: "en" as const,
        confidence: entityConfidences[j]!,
      })),
    ]);
    const description = response.webDetection?.bestGuessLabels
      ?.find((b) => (b.label ?? "").trim() !== "")
      ?.label?.trim();
    return {
      imageId: image.id,
      answer: {
        imageId: image.id,
        tiles: [{ label: image.tiles[0]?.label ?? "1", keywords, ...(description !== undefined && { description }) }],
      },
    };
  });
}

/** The SichterError for one image's google.rpc.Status; the message is Vision's, without anything key-shaped. */
function imageError(
  imageId: string,
  status: { code?: number | undefined; message?: string | undefined },
): SichterError {
  const code = status.code ?? 2;
  const detail = `image ${imageId}: code ${code}: ${redact((status.message ?? "no message").replace(/\s+/g, " "), []).slice(0, 300)}`;
  const errorCode = RATE_LIMITED_CODES.has(code)
    ? ErrorCode.PROVIDER_RATE_LIMITED
    : UNAVAILABLE_CODES.has(code)
      ? ErrorCode.PROVIDER_UNAVAILABLE
      : ErrorCode.PROVIDER_REJECTED;
  return new SichterError(errorCode, { provider: GOOGLE_VISION_PROVIDER_ID, detail });
}

/** Non-empty, confident keywords, one per text (case-insensitive, highest confidence kept), most confident first. */
function distinctKeywords(keywords: readonly ProviderKeyword[]): ProviderKeyword[] {
  const best = new Map<string, ProviderKeyword>();
  for (const keyword of keywords) {
    if (keyword.label === "" || keyword.confidence <= 0) continue;
    const key = keyword.label.toLocaleLowerCase();
    const known = best.get(key);
    if (known === undefined || keyword.confidence > known.confidence) best.set(key, keyword);
  }
  return [...best.values()].sort((a, b) => b.confidence - a.confidence);
}

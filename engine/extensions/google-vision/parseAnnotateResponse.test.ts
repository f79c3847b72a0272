import { describe, expect, it } from "vitest";
import { ErrorCode, type ProviderImage } from "@sichter/engine/extension-api";
import { parseAnnotateResponse } from "./parseAnnotateResponse.ts";

const image = (id: string): ProviderImage => ({
  id,
  jpegBase64: "QUFB",
  width: 64,
  height: 36,
  tiles: [{ label: "7" }],
  columns: 1,
  rows: 1,
});
const two = [image("a"), image("b")];

function thrown(run: () => unknown): { code: string; params: { detail: string } } {
  try {
    run();
  } catch (error) {
    return error as { code: string; params: { detail: string } };
  }
  throw new Error("expected an error");
}

describe("parseAnnotateResponse", () => {
  it("turns labels and web entities into English keywords of one tile, most confident first", () => {
    const body = JSON.stringify({
      responses: [
        {
          labelAnnotations: [
            { mid: "/m/1", description: "Fire engine", score: 0.97, topicality: 0.97 },
            { mid: "/m/2", description: "Vehicle", score: 0.91, topicality: 0.91 },
            { mid: "/m/3", description: "Zero" },
          ],
          webDetection: {
            webEntities: [
              { entityId: "/g/1", score: 1.6, description: "fire engine" },
              { entityId: "/g/2", score: 0.8, description: "Fire department" },
              { entityId: "/g/3", score: 0.4 },
            ],
            bestGuessLabels: [{ label: "fire truck", languageCode: "en" }],
          },
        },
        {},
      ],
    });
    const results = parseAnnotateResponse(body, two);
    expect(results).toEqual([
      {
        imageId: "a",
        answer: {
          imageId: "a",
          tiles: [
            {
              label: "7",
              keywords: [
                { label: "fire engine", language: "en", confidence: 1 },
                { label: "Vehicle", language: "en", confidence: 0.91 },
                { label: "Fire department", language: "en", confidence: 0.5 },
              ],
              description: "fire truck",
            },
          ],
        },
      },
      // Nothing found: an empty response, not an error.
      { imageId: "b", answer: { imageId: "b", tiles: [{ label: "7", keywords: [] }] } },
    ]);
  });

  it("fails one image on its own error and keeps the others, by gRPC code", () => {
    const body = (code: number, message: string) =>
      JSON.stringify({
        responses: [{ error: { code, message } }, { labelAnnotations: [{ description: "Snow", score: 0.9 }] }],
      });
    const cases: [number, string][] = [
      [3, ErrorCode.PROVIDER_REJECTED],
      [7, ErrorCode.PROVIDER_REJECTED],
      [8, ErrorCode.PROVIDER_RATE_LIMITED],
      [13, ErrorCode.PROVIDER_UNAVAILABLE],
      [14, ErrorCode.PROVIDER_UNAVAILABLE],
    ];
    for (const [code, expected] of cases) {
      const [first, second] = parseAnnotateResponse(body(code, "Bad image data."), two);
      expect(first).toMatchObject({
        imageId: "a",
        error: {
          code: expected,
          params: { provider: "sichter.google-vision", detail: `image a: code ${code}: Bad image data.` },
        },
      });
      expect(second).toMatchObject({ imageId: "b", answer: { tiles: [{ keywords: [{ label: "Snow" }] }] } });
    }
  });

  it("fails an image whose label score is outside 0..1", () => {
    const [first] = parseAnnotateResponse(
      JSON.stringify({ responses: [{ labelAnnotations: [{ description: "X", score: 1.2 }] }] }),
      [image("a")],
    );
    expect(first).toMatchObject({
      error: {
        code: ErrorCode.PROVIDER_RESPONSE_INVALID,
        params: { detail: "image a: label score 1.2 is outside 0..1" },
      },
    });
  });

  it("rejects the whole batch when the body cannot be trusted", () => {
    expect(thrown(() => parseAnnotateResponse("<html>", two))).toMatchObject({
      code: ErrorCode.PROVIDER_RESPONSE_INVALID,
      params: { detail: "the response body is not JSON" },
    });
    expect(thrown(() => parseAnnotateResponse(JSON.stringify({ responses: {} }), two)).params.detail).toMatch(
      /not a BatchAnnotateImagesResponse \(responses/,
    );
    expect(
      thrown(() =>
        parseAnnotateResponse(
          JSON.stringify({ responses: [{ labelAnnotations: [{ description: "X", score: "high" }] }] }),
          [image("a")],
        ),
      ).params.detail,
    ).toMatch(/responses\.0\.labelAnnotations\.0\.score/);
    expect(thrown(() => parseAnnotateResponse(JSON.stringify({ responses: [{}] }), two)).params.detail).toBe(
      "1 responses came back for 2 images",
    );
    expect(thrown(() => parseAnnotateResponse("{}", two)).params.detail).toBe("0 responses came back for 2 images");
  });
});

import { describe, expect, it } from "vitest";
import type { ProviderImage } from "@sichter/engine/extension-api";
import { buildAnnotateRequest } from "./annotateRequest.ts";

const image = (id: string, jpegBase64: string): ProviderImage => ({
  id,
  jpegBase64,
  width: 64,
  height: 36,
  tiles: [{ label: "1" }],
  columns: 1,
  rows: 1,
});

function keyPaths(value: unknown, prefix = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => keyPaths(v, `${prefix}[]`));
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => [`${prefix}.${k}`, ...keyPaths(v, `${prefix}.${k}`)]);
}

describe("buildAnnotateRequest", () => {
  it("sends exactly the image bytes and the features, one request per keyframe in order", () => {
    const body = buildAnnotateRequest([image("id-a", "QUFB"), image("id-b", "QkJC")], {
      maxResults: 7,
      webDetection: false,
    });
    expect(body).toEqual({
      requests: [
        { image: { content: "QUFB" }, features: [{ type: "LABEL_DETECTION", maxResults: 7 }] },
        { image: { content: "QkJC" }, features: [{ type: "LABEL_DETECTION", maxResults: 7 }] },
      ],
    });
    expect([...new Set(keyPaths(body))].sort()).toEqual(
      [
        ".requests",
        ".requests[].image",
        ".requests[].image.content",
        ".requests[].features",
        ".requests[].features[].type",
        ".requests[].features[].maxResults",
      ].sort(),
    );
    // No ids, no source URIs, no image context (languageHints only steers text detection).
    expect(JSON.stringify(body)).not.toMatch(/id-a|id-b|source|imageUri|imageContext|languageHints/);
  });

  it("asks for web entities only when enabled", () => {
    const body = buildAnnotateRequest([image("a", "QUFB")], { maxResults: 5, webDetection: true }) as {
      requests: { features: unknown }[];
    };
    expect(body.requests[0]!.features).toEqual([
      { type: "LABEL_DETECTION", maxResults: 5 },
      { type: "WEB_DETECTION", maxResults: 5 },
    ]);
  });

  it("never asks for faces, landmarks or text", () => {
    const body = JSON.stringify(buildAnnotateRequest([image("a", "QUFB")], { maxResults: 5, webDetection: true }));
    expect(body).not.toMatch(/FACE_DETECTION|LANDMARK_DETECTION|TEXT_DETECTION|OBJECT_LOCALIZATION/);
  });
});

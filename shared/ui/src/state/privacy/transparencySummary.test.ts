import type { WireTransparencyRecord } from "@sichter/shared/protocol";
import { describe, expect, it } from "vitest";
import { summariseTransparency } from "./transparencySummary.ts";

const record = (
  at: string,
  provider: string,
  bytes: number,
  sides: [number, number][],
  error: string | null = null,
): WireTransparencyRecord => ({
  at,
  provider,
  endpoint: "https://api.example.org",
  images: sides.length,
  keyframes: sides.length * 4,
  imageSizes: sides.map(([width, height]) => ({ width, height, bytes: 1 })),
  bytesSent: bytes,
  attempts: 1,
  status: error ? 503 : 200,
  error,
});

describe("summariseTransparency", () => {
  it("is empty when nothing left the machine", () => {
    expect(summariseTransparency([])).toEqual([]);
  });

  it("sums requests, images, keyframes and bytes per provider, with the time span and the largest side", () => {
    const summary = summariseTransparency([
      record("2026-11-05T10:23:45.000Z", "sichter.openai-vision", 80_000, [[768, 432]]),
      record("2026-11-05T10:23:40.000Z", "sichter.google-vision", 5_000, [[512, 288]]),
      record("2026-11-05T10:23:50.000Z", "sichter.openai-vision", 0, [], "SICHTER_E_PROVIDER_UNAVAILABLE"),
      record("2026-11-05T10:23:55.000Z", "sichter.openai-vision", 40_000, [
        [432, 768],
        [768, 432],
      ]),
    ]);
    expect(summary.map((s) => s.provider)).toEqual(["sichter.openai-vision", "sichter.google-vision"]);
    expect(summary[0]).toEqual({
      provider: "sichter.openai-vision",
      endpoints: ["https://api.example.org"],
      requests: 3,
      images: 3,
      keyframes: 12,
      bytes: 120_000,
      largestSide: 768,
      firstAt: "2026-11-05T10:23:45.000Z",
      lastAt: "2026-11-05T10:23:55.000Z",
      errors: ["SICHTER_E_PROVIDER_UNAVAILABLE"],
    });
    expect(summary[1]).toMatchObject({ requests: 1, images: 1, bytes: 5_000, largestSide: 512, errors: [] });
  });
});

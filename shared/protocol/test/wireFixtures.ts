import type { z } from "zod";
import type { ClipAnalysis } from "../rpc/methods/ClipAnalysis.ts";
import type { Job } from "../rpc/methods/Job.ts";
import type { WireTransparencyRecord } from "../rpc/methods/jobPrivacy.ts";
import type { StoredTag } from "../rpc/methods/WireTag.ts";

/** Well-formed wire values the tests start from (not product code). */
export const jobFixture: z.input<typeof Job> = {
  id: "job-1",
  clipPath: "/media/Landtag Brandenburg/A001.mov",
  state: "running",
  stage: "shots",
  fraction: 0.4,
  createdAt: "2025-03-01T10:00:00.000Z",
  startedAt: "2025-03-01T10:00:01.000Z",
  finishedAt: null,
  error: null,
};

export const storedTagFixture: z.input<typeof StoredTag> = {
  id: 7,
  clipId: 3,
  label: "Landtag Brandenburg",
  kind: "keyword",
  language: "de",
  source: "ocr",
  confidence: 0.92,
  startFrame: 100,
  endFrame: 250,
  status: "suggested",
  provenance: [{ producer: "sichter.ocr" }],
  decidedAt: null,
};

export const clipAnalysisFixture: z.input<typeof ClipAnalysis> = {
  clip: {
    path: "/media/A001.mov",
    fingerprint: "abc123",
    frameRate: "25/1",
    dropFrame: false,
    startTimecode: "10:00:00:00",
    frameCount: 750,
    durationSeconds: 30,
    width: 1920,
    height: 1080,
  },
  shots: [{ index: 0, startFrame: 0, endFrame: 750, transition: null }],
  keyframes: [{ frame: 12, timecode: "10:00:00:12" }],
  tags: [
    {
      label: "Landtag",
      source: "ocr",
      confidence: 0.9,
      startFrame: 0,
      endFrame: 100,
      status: "suggested",
      kind: "keyword",
    },
  ],
  written: { sidecar: "/media/A001.xmp", embedded: false },
  failures: [{ analyzer: "sichter.motion", code: "SICHTER_E_ANALYZER_FAILED", message: "decoder hiccup" }],
};

export const transparencyRecordFixture: z.input<typeof WireTransparencyRecord> = {
  at: "2025-03-01T10:00:05.123Z",
  provider: "sichter.openai-vision",
  endpoint: "https://api.openai.com",
  images: 2,
  keyframes: 8,
  imageSizes: [
    { width: 768, height: 432, bytes: 61_234 },
    { width: 768, height: 432, bytes: 58_990 },
  ],
  bytesSent: 121_500,
  attempts: 2,
  status: 200,
  error: null,
};

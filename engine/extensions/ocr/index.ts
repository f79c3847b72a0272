export {
  OcrAnalyzer,
  createOcrAnalyzer,
  OCR_ANALYZER_ID,
  OCR_ANALYZER_VERSION,
  type OcrAnalyzerOptions,
  type OcrRunStats,
} from "./OcrAnalyzer.ts";
export { releaseOcrModels } from "./OcrThread.ts";
export { loadOcrModels, defaultOcrModelPaths, type OcrModels, type OcrModelPaths } from "./ocrModels.ts";
export { correctGerman, foldGerman, foldUmlauts, germanLexicon } from "./germanCorrection.ts";
export {
  trackText,
  normaliseText,
  textSimilarity,
  type OcrSample,
  type ReadLine,
  type TextTrack,
  type TrackOptions,
} from "./textTracks.ts";
export {
  readFrame,
  type FrameLine,
  type FrameReading,
  type ReadFrameOptions,
  type RecognisedBox,
} from "./readFrame.ts";
export { ocrSamplePlan, type PlannedSample } from "./ocrSamplePlan.ts";

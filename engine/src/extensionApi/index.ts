/**
 * The Sichter extension SDK: the one module an extension imports from Sichter, the built-in
 * extensions exactly as a third party's (`import { … } from "@sichter/engine/extension-api"`).
 * What is not exported here is the engine's own business and may change without notice; a lint
 * rule keeps extensions from reaching past this file.
 *
 * Contents, by what an extension does with them:
 * - contributing: `ExtensionModule`, `SichterApi` and the contribution contracts (analyzers, the
 *   shot and keyframe steps, keyword providers, tag writers);
 * - long work: cancellation, progress, disposables, errors with their stable codes;
 * - the data model: tags, shots, keyframes, plans, timecodes;
 * - media, for trusted (built-in) extensions that decode themselves: the probe result, exact
 *   frames, ffmpeg runs, keyframe seeks;
 * - helpers every cloud keyword provider needs: settings, API keys, HTTP failures.
 */
export type * from "./SichterApi.ts";
export type * from "./Analyzer.ts";
export type * from "./ShotDetection.ts";
export type * from "./KeyframeSelection.ts";
export type * from "./KeywordProvider.ts";
export * from "./makeTag.ts";
export * from "./registerBuiltinAnalyzer.ts";
export * from "./providers/SettingReader.ts";
export * from "./providers/resolveApiKey.ts";
export * from "./providers/statusFailure.ts";

export * from "../core/Cancellation.ts";
export * from "../core/Disposable.ts";
export * from "../core/Progress.ts";
export * from "../core/Preparable.ts";
export { SichterError, isSichterError, toSichterError, diskFullError, type ErrorParams } from "../core/SichterError.ts";
export { JobTempFolder } from "../core/JobTempFolder.ts";
export { sichterDirs, type SichterDirs } from "../core/SichterHome.ts";

export * from "@sichter/shared/errors";
export * from "@sichter/shared/model";
export * from "@sichter/shared/timecode";
export * from "@sichter/shared/xmp";

export type * from "../media/MediaInfo.ts";
export * from "../media/FrameSource.ts";
export * from "../media/FrameReader.ts";
export * from "../media/keyframeSeek.ts";
export * from "../media/ToolProcess.ts";
export * from "../media/mediaTimecode.ts";
export * from "../media/checkInputFile.ts";
export * from "../media/probeMedia.ts";
export * from "../media/pixelAspect.ts";
export * from "../media/perceptualHash.ts";
export * from "../media/FrameStoreReader.ts";
export * from "../media/FrameStoreWriter.ts";
export type * from "../media/FrameStoreIndex.ts";
export * from "../media/storedGeometries.ts";

export { restoreWordBoundaries } from "../text/wordBoundaries.ts";

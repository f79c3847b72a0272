/** The shot detector and keyframe picker, for the benchmarks and tests that run them directly. */
export {
  detectShots,
  type ShotDetectionMode,
  type ShotDetectionOptions,
  type ShotDetectionResult,
} from "./detector/ShotDetector.ts";
export type { Shot, Transition } from "./detector/Shot.ts";
export type { ShotBoundary } from "./detector/ShotBoundary.ts";
export { extractKeyframes } from "./keyframes/extractKeyframes.ts";

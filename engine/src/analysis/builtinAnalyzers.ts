import type { Analyzer } from "./Analyzer.ts";
import { CueAnalyzer } from "./cues/CueAnalyzer.ts";
import { MotionAnalyzer } from "./motion/MotionAnalyzer.ts";
import { createOcrAnalyzer } from "./ocr/index.ts";

/** The analyzers Sichter ships, in the order they run. Each is an ordinary `Analyzer`. */
export function builtinAnalyzers(): Analyzer[] {
  return [new CueAnalyzer(), new MotionAnalyzer(), createOcrAnalyzer()];
}

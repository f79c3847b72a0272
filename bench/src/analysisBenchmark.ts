import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { BUILTIN_EXTENSIONS_DIR, ENGINE_VERSION, ExtensionRegistry, analyzeClip, fingerprintFile, type Analyzer } from "@sichter/engine";
import { ensureSamples } from "../samples/ensureSamples.ts";

export const NEWS_CLIP = "h264-news-5min-1080p25.mp4";

/**
 * The whole local analysis (probe, shots, keyframes, cues, motion, OCR, keywords) on the generated
 * 5-minute 1080p25 news clip, as a multiple of real time, with each analyzer's share. The analyzers
 * run as `sichter analyze` runs them: the built-in extensions, each in its own process (their
 * start-up is part of the time); they are timed by wrapping them, not by changing them.
 */
export async function analysisBenchmark(options: { log?: (line: string) => void; clip?: string } = {}): Promise<string> {
  const log = options.log ?? (() => {});
  const file = options.clip ?? NEWS_CLIP;
  const set = await ensureSamples({ only: [file], log });
  const sample = set.samples[0]!;
  // Analyzers run side by side, so each gets its span (start, end) rather than a share of the total.
  const spans = new Map<string, { start: number; end: number }>();
  const timed = (analyzer: Analyzer): Analyzer => ({
    id: analyzer.id,
    version: analyzer.version,
    async analyze(input, progress, token) {
      const start = performance.now();
      try {
        return await analyzer.analyze(input, progress, token);
      } finally {
        spans.set(analyzer.id, { start, end: performance.now() });
      }
    },
  });
  // Only the built-ins: extensions the user installed are not part of the benchmark.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "sichter-analysis-bench-"));
  const registry = ExtensionRegistry.load({
    builtinDirs: [BUILTIN_EXTENSIONS_DIR],
    userDir: path.join(scratch, "extensions"),
    storageDir: path.join(scratch, "storage"),
    configDir: path.join(scratch, "config"),
    engineVersion: ENGINE_VERSION,
  });
  const started = performance.now();
  let result: Awaited<ReturnType<typeof analyzeClip>>;
  let total: number;
  try {
    result = await analyzeClip(sample.path, {
      shotDetection: registry.shotDetection(),
      keyframeSelection: registry.keyframeSelection(),
      analyzers: registry.analyzers().map(timed),
      language: "de",
      fingerprint: fingerprintFile,
    });
    total = (performance.now() - started) / 1000;
  } finally {
    await registry.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  const duration = result.media.durationSeconds;
  const first = Math.min(...[...spans.values()].map((x) => x.start));
  const last = Math.max(...[...spans.values()].map((x) => x.end));
  const seconds = (ms: number): string => (ms / 1000).toFixed(1).padStart(6);
  const lines = [
    `Full local analysis of ${sample.file} (${(duration / 60).toFixed(1)} min, ${result.media.width}x${result.media.height}, ${result.media.frameRate} fps):`,
    `  total                      ${total.toFixed(1).padStart(6)} s   ${(duration / total).toFixed(1).padStart(5)}x real time`,
    `  probe + shots + keyframes  ${seconds(first - started)} s   (shot mode ${result.mode})`,
    `  analyzers, side by side    ${seconds(last - first)} s`,
    ...[...spans].map(([id, x]) => `    ${id.padEnd(24)} ${seconds(x.end - x.start)} s`),
    `  keywords, plan             ${seconds(started + total * 1000 - last)} s`,
    `  found: ${result.tagSet.shots.length} shots, ${result.tagSet.keyframes.length} keyframes, ${result.tagSet.tags.length} tags, ${result.plan.keywords.length} keywords`,
    ...(result.failures.length > 0 ? [`  failed: ${result.failures.map((f) => `${f.analyzer} (${f.code})`).join(", ")}`] : []),
  ];
  return lines.join("\n");
}

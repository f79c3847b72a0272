import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  BUILTIN_EXTENSIONS_DIR,
  ENGINE_VERSION,
  ExtensionRegistry,
  analyzeClip,
  fingerprintFile,
  type Analyzer,
} from "@sichter/engine";
import { ensureSamples } from "../samples/ensureSamples.ts";

export const NEWS_CLIP = "h264-news-5min-1080p25.mp4";

/**
 * The whole local analysis (probe, shots, keyframes, cues, motion, OCR, keywords) on the generated
 * 5-minute 1080p25 news clip, as a multiple of real time, with each analyzer's span, twice: with
 * the analyzers one after another and side by side.
 */
export async function analysisBenchmark(
  options: { log?: (line: string) => void; clip?: string } = {},
): Promise<string> {
  const log = options.log ?? (() => {});
  const file = options.clip ?? NEWS_CLIP;
  const set = await ensureSamples({ only: [file], log });
  const sample = set.samples[0]!;
  // The peer, measured in the same run: the same analyzers one after another (how the pipeline
  // ran them before), then side by side (how it runs them now).
  log(`${file}: analyzers one after another`);
  const sequential = await runOnce(sample.path, "one after another");
  log(`${file}: analyzers side by side`);
  const parallel = await runOnce(sample.path, "side by side");
  const duration = parallel.result.media.durationSeconds;
  const media = parallel.result.media;
  return [
    `Full local analysis of ${sample.file} (${(duration / 60).toFixed(1)} min, ${media.width}x${media.height}, ${media.frameRate} fps):`,
    ...describeRun(sequential, duration),
    ...describeRun(parallel, duration),
    `  side by side vs one after another: ${(sequential.total / parallel.total).toFixed(2)}x the speed`,
    `  found: ${parallel.result.tagSet.shots.length} shots, ${parallel.result.tagSet.keyframes.length} keyframes, ${parallel.result.tagSet.tags.length} tags, ${parallel.result.plan.keywords.length} keywords`,
    ...(parallel.result.failures.length > 0
      ? [`  failed: ${parallel.result.failures.map((f) => `${f.analyzer} (${f.code})`).join(", ")}`]
      : []),
  ].join("\n");
}

export type Order = "one after another" | "side by side";

export interface Run {
  readonly order: Order;
  readonly total: number;
  /** CPU seconds of the engine, its extension processes and every ffmpeg they ran; null where unknown. */
  readonly cpu: number | null;
  readonly started: number;
  readonly spans: ReadonlyMap<string, { start: number; end: number }>;
  readonly result: Awaited<ReturnType<typeof analyzeClip>>;
}

/**
 * One analysis as `sichter analyze` runs it: the built-in extensions, each in its own process (their
 * start-up is part of the time), timed by wrapping the analyzers, not by changing them. "one after
 * another" makes each wrapped analyzer wait for the previous one.
 */
export async function runOnce(clip: string, order: Order): Promise<Run> {
  const spans = new Map<string, { start: number; end: number }>();
  let previous: Promise<unknown> = Promise.resolve();
  const timed = (analyzer: Analyzer): Analyzer => ({
    id: analyzer.id,
    version: analyzer.version,
    // When it starts and its preparation are the analyzer's own, as in `sichter analyze`.
    ...(analyzer.startsAfter && { startsAfter: analyzer.startsAfter }),
    ...(analyzer.prepare && { prepare: () => analyzer.prepare!() }),
    analyze(input, progress, token) {
      const run = async () => {
        const start = performance.now();
        try {
          return await analyzer.analyze(input, progress, token);
        } finally {
          spans.set(analyzer.id, { start, end: performance.now() });
        }
      };
      if (order === "side by side") return run();
      const queued = previous.then(run, run);
      previous = queued.catch(() => undefined);
      return queued;
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
  const cpuBefore = cpuSeconds();
  let result: Awaited<ReturnType<typeof analyzeClip>>;
  let total: number;
  try {
    result = await analyzeClip(clip, {
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
  // Taken after the stop: an extension process's CPU time is counted once it has exited.
  const cpuAfter = cpuSeconds();
  const cpu = cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null;
  return { order, total, cpu, started, spans, result };
}

/**
 * CPU seconds of this process and its waited-for descendants (Linux `/proc`), the figure a shared,
 * noisy machine disturbs least: other load stretches wall time, not the work done. Null elsewhere.
 */
function cpuSeconds(): number | null {
  try {
    const fields = fs.readFileSync("/proc/self/stat", "utf8").split(") ")[1]!.split(" ");
    // utime, stime, cutime, cstime (fields 14-17 of proc(5)), in clock ticks of 1/100 s.
    return [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0) / 100;
  } catch {
    return null;
  }
}

/** Where an analysis spent its time: wall and CPU, probe and shots, and each analyzer's span. */
export function describeRun(run: Run, duration: number): string[] {
  const first = Math.min(...[...run.spans.values()].map((x) => x.start));
  const last = Math.max(...[...run.spans.values()].map((x) => x.end));
  const seconds = (ms: number): string => (ms / 1000).toFixed(1).padStart(6);
  return [
    `  analyzers ${run.order}:`,
    `    total                      ${run.total.toFixed(1).padStart(6)} s   ${(duration / run.total).toFixed(1).padStart(5)}x real time`,
    ...(run.cpu !== null
      ? [
          `    CPU time                   ${run.cpu.toFixed(1).padStart(6)} s   (${(run.cpu / os.availableParallelism()).toFixed(1)} s per core on ${os.availableParallelism()} cores)`,
        ]
      : []),
    // Analyzers that start after shots run beside keyframe selection, so it is part of the second span.
    `    probe + shots              ${seconds(first - run.started)} s   (shot mode ${run.result.mode})`,
    `    keyframes + analyzers      ${seconds(last - first)} s`,
    ...[...run.spans].map(([id, x]) => `      ${id.padEnd(24)} ${seconds(x.end - x.start)} s`),
  ];
}

import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Detection } from "./evaluateShots.ts";
import { watchDescendantRss } from "./peakChildRss.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export interface SichterRun {
  /** Probe + detection inside the engine process (excludes Node start-up). */
  readonly seconds: number;
  readonly wallSeconds: number;
  readonly mode: "fast" | "exact";
  readonly fallbackReason: string | null;
  readonly decodedFrames: number;
  readonly frameCount: number;
  readonly detections: Detection[];
  readonly engineMaxRssMb: number;
  readonly ffmpegMaxRssMb: number | null;
}

export async function runSichter(file: string, mode: "fast" | "exact"): Promise<SichterRun> {
  const tsx = require.resolve("tsx");
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", tsx, path.join(here, "detectionWorker.ts"), file, mode], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const rss = watchDescendantRss(child.pid!);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const wallSeconds = (performance.now() - started) / 1000;
  const ffmpegKb = rss.stop();
  if (code !== 0) throw new Error(`sichter ${mode} failed on ${file}: ${stderr}`);
  const doc = JSON.parse(stdout) as {
    seconds: number;
    mode: "fast" | "exact";
    fallbackReason: string | null;
    decodedFrames: number;
    frameCount: number;
    boundaries: Detection[];
    maxRssKb: number;
  };
  return {
    seconds: doc.seconds,
    wallSeconds,
    mode: doc.mode,
    fallbackReason: doc.fallbackReason,
    decodedFrames: doc.decodedFrames,
    frameCount: doc.frameCount,
    detections: doc.boundaries.map(({ type, frame, startFrame, endFrame }) => ({ type, frame, startFrame, endFrame })),
    engineMaxRssMb: doc.maxRssKb / 1024,
    ffmpegMaxRssMb: ffmpegKb === null ? null : ffmpegKb / 1024,
  };
}

import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { mediaFrameSource, probeMedia, runTool } from "@sichter/engine";
import { OcrAnalyzer, releaseOcrModels, type OcrRunStats } from "@sichter/engine/extensions/ocr";
import { detectShots } from "@sichter/engine/extensions/shots";
import { describeRun, runOnce, type Run } from "./analysisBenchmark.ts";
import { LOWER_THIRD_LINES } from "./ocr/lowerThirdLines.ts";

/**
 * OCR time per minute of footage for the same picture in H.264, ProRes and MJPEG, side by side in
 * one run: a one-minute news-like clip (moving background, a lower third every 10 s) is encoded
 * once per codec. OCR runs alone in this process first (frames read, its own time), then the
 * whole analysis as `sichter analyze` runs it (wall and CPU time: CPU time is what a loaded machine
 * disturbs least). Intra-only codecs make every frame a keyframe; OCR must not read more of them
 * than of the H.264 copy (target: analysis within 1.5x the time, the same keywords).
 */
export async function ocrFormatsBenchmark(options: { log?: (line: string) => void } = {}): Promise<string> {
  const log = options.log ?? (() => {});
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sichter-ocr-formats-"));
  try {
    const master = path.join(dir, "master.mkv");
    log("ocr-formats: generating the one-minute clip");
    await makeMaster(master);
    const rows: Row[] = [];
    const ocr = new OcrAnalyzer();
    for (const format of FORMATS) {
      const file = path.join(dir, format.file);
      await ffmpeg(["-i", master, ...format.args, file]);
      log(`ocr-formats: OCR of ${format.name}`);
      const media = await probeMedia(file);
      const { shots } = await detectShots(media);
      await ocr.analyze({ media, shots, keyframes: [], frames: mediaFrameSource(media), language: "de" });
      const stats = ocr.lastRun!;
      log(`ocr-formats: whole analysis of ${format.name}`);
      rows.push({ name: format.name, ocr: stats, run: await runOnce(file, "side by side") });
    }
    return table(rows);
  } finally {
    await releaseOcrModels();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const RATE = 25;
const SECONDS = 60;
const WIDTH = 1280;
const HEIGHT = 720;

const FORMATS = [
  // x264's default GOP (up to 10 s, and a keyframe at each cut), as cameras and broadcasts deliver.
  { name: "H.264", file: "news.mp4", args: ["-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p"] },
  { name: "ProRes 422", file: "news.mov", args: ["-c:v", "prores_ks", "-profile:v", "2", "-pix_fmt", "yuv422p10le"] },
  { name: "MJPEG", file: "news.avi", args: ["-c:v", "mjpeg", "-q:v", "3", "-pix_fmt", "yuvj420p"] },
] as const;

/** A lossless master: each codec is encoded from the same pictures. */
async function makeMaster(file: string): Promise<void> {
  const require = createRequire(import.meta.url);
  const font = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf");
  const size = Math.round(HEIGHT * 0.055);
  const y = Math.round(HEIGHT * 0.8);
  const filters: string[] = [];
  for (let i = 0; i < SECONDS / 10; i++) {
    const start = (i * 10 + 2) * RATE;
    const enable = `enable='between(n\\,${start}\\,${start + 6 * RATE - 1})'`;
    const text = LOWER_THIRD_LINES[i]!.replace(/:/g, "\\:").replace(/,/g, "\\,").replace(/'/g, "\u2019");
    filters.push(
      `drawbox=x=0:y=${y - Math.round(size * 0.45)}:w=${WIDTH}:h=${Math.round(size * 1.9)}:color=0x101830@0.7:t=fill:${enable}`,
      `drawtext=fontfile='${font}':text='${text}':fontsize=${size}:fontcolor=white:x=${Math.round(WIDTH * 0.05)}:y=${y}:${enable}`,
    );
  }
  await ffmpeg([
    "-f",
    "lavfi",
    "-i",
    `life=s=${WIDTH / 4}x${HEIGHT / 4}:r=${RATE}:seed=24:mold=10:ratio=0.2:death_color=#20304a:life_color=#5a7fa0,scale=${WIDTH}:${HEIGHT}`,
    "-vf",
    filters.join(","),
    "-frames:v",
    String(SECONDS * RATE),
    "-c:v",
    "ffv1",
    file,
  ]);
}

async function ffmpeg(args: string[]): Promise<void> {
  const result = await runTool("ffmpeg", ["-v", "error", "-nostdin", "-y", ...args]);
  if (result.code !== 0) throw new Error(`ffmpeg failed: ${result.stderr}`);
}

interface Row {
  readonly name: string;
  readonly ocr: OcrRunStats;
  readonly run: Run;
}

function table(rows: readonly Row[]): string {
  const [base] = rows;
  const minutes = (run: Run): number => run.result.media.durationSeconds / 60;
  const keywords = (run: Run): string[] => [...run.result.plan.keywords].sort();
  const baseKeywords = keywords(base!.run);
  const ratio = (value: number, of: number): string => `${(value / of).toFixed(2).padStart(5)}x`;
  const ocrPerMinute = (row: Row): number => row.ocr.seconds / minutes(row.run);
  const wallPerMinute = (row: Row): number => row.run.total / minutes(row.run);
  const cpuPerMinute = (row: Row): number => (row.run.cpu ?? NaN) / minutes(row.run);
  const lines = [
    `OCR and whole analysis per minute of footage, the same picture in three codecs (${WIDTH}x${HEIGHT}, ${RATE} fps, ${SECONDS} s; ${os.availableParallelism()} cores, load average ${os.loadavg()[0]!.toFixed(1)} at the end):`,
    "  format       keyframes  OCR frames  OCR s/min   ratio  analysis s/min   ratio  CPU s/min   ratio  keywords  same as H.264",
  ];
  for (const row of rows) {
    const words = keywords(row.run);
    const same = words.length === baseKeywords.length && words.every((w, i) => w === baseKeywords[i]);
    lines.push(
      [
        `  ${row.name.padEnd(11)}`,
        String(row.run.result.media.keyframes.length).padStart(9),
        String(row.ocr.samples).padStart(10),
        ocrPerMinute(row).toFixed(1).padStart(9),
        ratio(ocrPerMinute(row), ocrPerMinute(base!)),
        wallPerMinute(row).toFixed(1).padStart(14),
        ratio(wallPerMinute(row), wallPerMinute(base!)),
        cpuPerMinute(row).toFixed(1).padStart(9),
        ratio(cpuPerMinute(row), cpuPerMinute(base!)),
        String(words.length).padStart(8),
        ` ${same ? "yes" : `no (${words.filter((w) => !baseKeywords.includes(w)).join(", ") || "fewer"})`}`,
      ].join("  "),
    );
  }
  // Where each format's analysis spent its wall time: CPU alike but wall time apart means one
  // format keeps fewer cores busy, and the spans say in which step.
  for (const row of rows) lines.push(`  ${row.name}:`, ...describeRun(row.run, row.run.result.media.durationSeconds));
  return lines.join("\n");
}

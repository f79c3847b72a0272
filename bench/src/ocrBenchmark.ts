import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { mediaFrameSource, probeMedia, runTool } from "@sichter/engine";
import { OcrAnalyzer, releaseOcrModels, type OcrRunStats } from "@sichter/engine/extensions/ocr";
import { detectShots } from "@sichter/engine/extensions/shots";
import { LOWER_THIRD_LINES } from "./ocr/lowerThirdLines.ts";

export interface OcrBenchmarkOptions {
  readonly log?: (line: string) => void;
}

interface ClipSpec {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  readonly font: string;
  /** Font size as a fraction of the frame height. */
  readonly size: number;
  /** Text baseline region as a fraction of the frame height. */
  readonly y: number;
  readonly x: number;
  readonly lines: readonly string[];
  /** Seed of the moving background: the same clip every run, so runs can be compared. */
  readonly seed: number;
}

interface Shown {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const RATE = 25;
/** Each line is on screen this many frames, with a gap of GAP frames before the next. */
const HOLD = 75;
const GAP = 15;

function fontPath(file: string): string {
  const require = createRequire(import.meta.url);
  const font = require.resolve(`dejavu-fonts-ttf/ttf/${file}`);
  if (!fs.existsSync(font)) throw new Error(`font not found: ${font}`);
  return font;
}

function escapeText(text: string): string {
  return text
    .replace(/\\/g, "\\\\\\\\")
    .replace(/'/g, "\u2019")
    .replace(/:/g, "\\:")
    .replace(/%/g, "\\%")
    .replace(/,/g, "\\,");
}

async function ffmpeg(args: string[]): Promise<void> {
  const result = await runTool("ffmpeg", ["-v", "error", "-nostdin", "-y", ...args]);
  if (result.code !== 0) throw new Error(`ffmpeg failed: ${result.stderr}`);
}

/** One clip: the lines one after another as lower thirds on a moving background (no other text). */
async function makeClip(dir: string, spec: ClipSpec): Promise<{ file: string; shown: Shown[] }> {
  const font = fontPath(spec.font);
  const size = Math.round(spec.height * spec.size);
  const y = Math.round(spec.height * spec.y);
  const shown: Shown[] = [];
  const filters: string[] = [];
  spec.lines.forEach((text, i) => {
    const start = GAP + i * (HOLD + GAP);
    const end = start + HOLD;
    shown.push({ text, start, end });
    const enable = `enable='between(n\\,${start}\\,${end - 1})'`;
    filters.push(
      `drawbox=x=0:y=${y - Math.round(size * 0.45)}:w=${spec.width}:h=${Math.round(size * 1.9)}:color=0x101830@0.7:t=fill:${enable}`,
      `drawtext=fontfile='${font}':text='${escapeText(text)}':fontsize=${size}:fontcolor=white:x=${Math.round(spec.width * spec.x)}:y=${y}:${enable}`,
    );
  });
  const frames = GAP + spec.lines.length * (HOLD + GAP);
  const file = path.join(dir, `${spec.name}.mp4`);
  await ffmpeg([
    "-f",
    "lavfi",
    "-i",
    `life=s=${spec.width / 4}x${spec.height / 4}:r=${RATE}:seed=${spec.seed}:mold=10:ratio=0.2:death_color=#20304a:life_color=#5a7fa0,scale=${spec.width}:${spec.height}`,
    "-vf",
    filters.join(","),
    "-frames:v",
    String(frames),
    "-c:v",
    "libx264",
    "-preset",
    "veryfast",
    "-g",
    "50",
    "-pix_fmt",
    "yuv420p",
    file,
  ]);
  return { file, shown };
}

const UMLAUT = /[äöüÄÖÜß]/;

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
}

interface Score {
  correct: number;
  total: number;
  umlautCorrect: number;
  umlautTotal: number;
}

/** Truth words of each shown line found (as a multiset) among the words read in items overlapping it. */
function score(
  shown: readonly Shown[],
  read: ReadonlyArray<{ startFrame: number; endFrame: number; text: string }>,
): Score {
  const s: Score = { correct: 0, total: 0, umlautCorrect: 0, umlautTotal: 0 };
  for (const line of shown) {
    const pool = read.filter((r) => r.startFrame < line.end && r.endFrame > line.start).flatMap((r) => words(r.text));
    for (const word of words(line.text)) {
      const at = pool.indexOf(word);
      const ok = at >= 0;
      if (ok) pool.splice(at, 1);
      s.total++;
      if (ok) s.correct++;
      if (UMLAUT.test(word)) {
        s.umlautTotal++;
        if (ok) s.umlautCorrect++;
      }
    }
  }
  return s;
}

function add(a: Score, b: Score): Score {
  return {
    correct: a.correct + b.correct,
    total: a.total + b.total,
    umlautCorrect: a.umlautCorrect + b.umlautCorrect,
    umlautTotal: a.umlautTotal + b.umlautTotal,
  };
}

interface Row {
  clip: string;
  lines: number;
  items: number;
  corrected: Score;
  raw: Score;
  stats: OcrRunStats;
  videoSeconds: number;
}

const pct = (n: number, d: number): string => (d === 0 ? "-" : `${((100 * n) / d).toFixed(1)} %`);

function formatTable(rows: readonly Row[]): string {
  const header = [
    "clip",
    "lines",
    "items",
    "word acc.",
    "umlaut words",
    "umlaut words (raw model)",
    "s/frame",
    "decode/det/rec s",
    "rec boxes (reused)",
    "x real time",
  ];
  const line = (cells: string[]): string => `| ${cells.join(" | ")} |`;
  const out = [line(header), line(header.map(() => "---"))];
  const total = rows.reduce(
    (t, r) => ({
      corrected: add(t.corrected, r.corrected),
      raw: add(t.raw, r.raw),
      samples: t.samples + r.stats.samples,
      seconds: t.seconds + r.stats.seconds,
      video: t.video + r.videoSeconds,
    }),
    {
      corrected: { correct: 0, total: 0, umlautCorrect: 0, umlautTotal: 0 },
      raw: { correct: 0, total: 0, umlautCorrect: 0, umlautTotal: 0 },
      samples: 0,
      seconds: 0,
      video: 0,
    },
  );
  for (const r of rows) {
    out.push(
      line([
        r.clip,
        String(r.lines),
        String(r.items),
        pct(r.corrected.correct, r.corrected.total),
        pct(r.corrected.umlautCorrect, r.corrected.umlautTotal),
        pct(r.raw.umlautCorrect, r.raw.umlautTotal),
        (r.stats.seconds / r.stats.samples).toFixed(3),
        `${r.stats.decodeSeconds.toFixed(1)}/${r.stats.detectSeconds.toFixed(1)}/${r.stats.recogniseSeconds.toFixed(1)}`,
        `${r.stats.boxesRecognised} (${r.stats.boxesReused})`,
        (r.videoSeconds / r.stats.seconds).toFixed(1),
      ]),
    );
  }
  out.push(
    line([
      "**all**",
      String(rows.reduce((s, r) => s + r.lines, 0)),
      String(rows.reduce((s, r) => s + r.items, 0)),
      `${pct(total.corrected.correct, total.corrected.total)} (${total.corrected.correct}/${total.corrected.total})`,
      `${pct(total.corrected.umlautCorrect, total.corrected.umlautTotal)} (${total.corrected.umlautCorrect}/${total.corrected.umlautTotal})`,
      `${pct(total.raw.umlautCorrect, total.raw.umlautTotal)} (${total.raw.umlautCorrect}/${total.raw.umlautTotal})`,
      (total.seconds / total.samples).toFixed(3),
      "",
      "",
      (total.video / total.seconds).toFixed(1),
    ]),
  );
  out.push(
    "",
    `word accuracy = truth words read in an item overlapping the line / truth words (case-insensitive, punctuation stripped);`,
    `"raw model" = the recogniser's own text (tag evidence) before the German correction. Words without umlauts, raw: ${pct(total.raw.correct - total.raw.umlautCorrect, total.raw.total - total.raw.umlautTotal)}.`,
    `s/frame = OCR wall time (decode + detection + recognition) per sampled frame; samples are the keyframes plus frames so that no two are over 2 s apart.`,
  );
  return out.join("\n");
}

/**
 * Generates lower-third clips with known text (German and English, umlauts, several fonts, sizes
 * and positions, 720p and 1080p), runs the OCR analyzer and reports word accuracy and speed.
 */
export async function ocrBenchmark(options: OcrBenchmarkOptions = {}): Promise<string> {
  const log = options.log ?? (() => {});
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sichter-ocr-bench-"));
  const specs: ClipSpec[] = [];
  const fonts = ["DejaVuSans-Bold.ttf", "DejaVuSans.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSansCondensed-Bold.ttf"];
  const layouts = [
    { width: 1280, height: 720, size: 0.06, y: 0.8, x: 0.05 },
    { width: 1920, height: 1080, size: 0.045, y: 0.82, x: 0.06 },
    { width: 1280, height: 720, size: 0.075, y: 0.72, x: 0.1 },
    { width: 1920, height: 1080, size: 0.035, y: 0.88, x: 0.04 },
  ];
  const perClip = Math.ceil(LOWER_THIRD_LINES.length / layouts.length);
  layouts.forEach((layout, i) => {
    specs.push({
      name: `ocr-${i}-${layout.height}p`,
      font: fonts[i % fonts.length]!,
      ...layout,
      lines: LOWER_THIRD_LINES.slice(i * perClip, (i + 1) * perClip),
      seed: i + 1,
    });
  });
  const analyzer = new OcrAnalyzer();
  const rows: Row[] = [];
  try {
    for (const spec of specs) {
      log(
        `ocr: generating ${spec.name} (${spec.lines.length} lines, ${spec.font}, ${Math.round(spec.size * spec.height)} px)`,
      );
      const { file, shown } = await makeClip(dir, spec);
      const media = await probeMedia(file);
      const { shots } = await detectShots(media);
      const result = await analyzer.analyze({
        media,
        shots,
        keyframes: [],
        frames: mediaFrameSource(media),
        language: "de",
      });
      const stats = analyzer.lastRun!;
      const raw = result.tags.map((t) => ({
        startFrame: t.startFrame,
        endFrame: t.endFrame,
        text: t.provenance[0]?.evidence ?? t.label,
      }));
      const text = result.text ?? [];
      rows.push({
        clip: spec.name,
        lines: spec.lines.length,
        items: text.length,
        corrected: score(shown, text),
        raw: score(shown, raw),
        stats,
        videoSeconds: media.frameCount / RATE,
      });
      for (const t of text) log(`  ${t.startFrame}-${t.endFrame} ${t.text}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await releaseOcrModels();
  }
  return formatTable(rows);
}

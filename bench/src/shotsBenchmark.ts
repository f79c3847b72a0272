import { probeMedia } from "@sichter/engine";
import { ensureSamples, type Sample } from "../samples/ensureSamples.ts";
import { addCounts, precisionRecallF1, scoreDetections, type Counts, type ShotScore } from "./evaluateShots.ts";
import { FFMPEG_SCENE_THRESHOLD, runFfmpegScene } from "./runFfmpegScene.ts";
import { runSichter } from "./runSichter.ts";

type Method = "sichter fast" | "sichter exact" | "ffmpeg scene";
const METHODS: readonly Method[] = ["sichter fast", "sichter exact", "ffmpeg scene"];

interface Row {
  clip: string;
  method: Method;
  score: ShotScore;
  seconds: number;
  videoSeconds: number;
  decodedShare: number | null;
  engineMaxRssMb: number | null;
  ffmpegMaxRssMb: number | null;
  longGopH264: boolean;
  long: boolean;
  note: string;
}

export interface ShotsBenchmarkOptions {
  /** Include the 10-minute clip (speed and peak memory on a long file). */
  readonly long: boolean;
  readonly log: (line: string) => void;
}

/**
 * Accuracy and speed of Sichter's fast and exact modes against ffmpeg's scene filter, all measured
 * in this run on the same generated clips, so machine noise hits every method alike.
 */
export async function shotsBenchmark(options: ShotsBenchmarkOptions): Promise<{ rows: Row[]; table: string }> {
  const set = await ensureSamples({ long: options.long, log: options.log });
  const rows: Row[] = [];
  for (const sample of set.samples) {
    rows.push(...(await measureClip(sample, options.log)));
  }
  return { rows, table: formatTable(rows) };
}

async function measureClip(sample: Sample, log: (line: string) => void): Promise<Row[]> {
  const media = await probeMedia(sample.path);
  const truth = sample.truth.transitions.map((t) => ({ type: t.type, startFrame: t.startFrame, endFrame: t.endFrame }));
  const flashes = sample.truth.distractors.filter((d) => d.type === "flash");
  const longGopH264 = sample.truth.codec === "h264" && !sample.truth.intraOnly && sample.truth.width >= 1920;
  const long = sample.truth.duration > 300;
  const base = { clip: sample.file, videoSeconds: sample.truth.duration, longGopH264, long };
  const rows: Row[] = [];
  for (const method of METHODS) {
    log(`  ${sample.file}: ${method} ...`);
    if (method === "ffmpeg scene") {
      const peer = await runFfmpegScene(sample.path, media.frameTimes, media.seekOffsetSeconds);
      rows.push({
        ...base,
        method,
        score: scoreDetections(peer.detections, truth, flashes),
        seconds: peer.seconds,
        decodedShare: 1,
        engineMaxRssMb: null,
        ffmpegMaxRssMb: null,
        note: "",
      });
    } else {
      const run = await runSichter(sample.path, method === "sichter fast" ? "fast" : "exact");
      rows.push({
        ...base,
        method,
        score: scoreDetections(run.detections, truth, flashes),
        seconds: run.seconds,
        decodedShare: run.decodedFrames / run.frameCount,
        engineMaxRssMb: run.engineMaxRssMb,
        ffmpegMaxRssMb: run.ffmpegMaxRssMb,
        note: run.fallbackReason
          ? `fell back: ${run.fallbackReason}`
          : method === "sichter fast" && run.mode === "exact"
            ? "intra-only: exact"
            : "",
      });
    }
  }
  return rows;
}

function prf(c: Counts): string {
  if (c.tp + c.fn === 0 && c.fp === 0) return "-";
  const { precision, recall, f1 } = precisionRecallF1(c);
  return `${precision.toFixed(2)}/${recall.toFixed(2)}/${f1.toFixed(3)}`;
}

function formatTable(rows: readonly Row[]): string {
  const header = [
    "clip",
    "method",
    "cuts P/R/F1",
    "gradual P/R/F1",
    "flash cuts",
    "decoded",
    "seconds",
    "x realtime",
    "note",
  ];
  const body = rows.map((r) => [
    r.clip,
    r.method,
    prf(r.score.cuts),
    prf(r.score.gradual),
    String(r.score.flashFalseCuts),
    r.decodedShare === null ? "" : `${Math.round(r.decodedShare * 100)}%`,
    r.seconds.toFixed(2),
    (r.videoSeconds / r.seconds).toFixed(1),
    r.note,
  ]);
  const totals = METHODS.map((method) => {
    const mine = rows.filter((r) => r.method === method);
    const cuts = mine.reduce((a, r) => addCounts(a, r.score.cuts), { tp: 0, fp: 0, fn: 0 });
    const gradual = mine.reduce((a, r) => addCounts(a, r.score.gradual), { tp: 0, fp: 0, fn: 0 });
    const seconds = mine.reduce((a, r) => a + r.seconds, 0);
    const video = mine.reduce((a, r) => a + r.videoSeconds, 0);
    return [
      "ALL CLIPS",
      method,
      prf(cuts),
      prf(gradual),
      String(mine.reduce((a, r) => a + r.score.flashFalseCuts, 0)),
      "",
      seconds.toFixed(2),
      (video / seconds).toFixed(1),
      "",
    ];
  });
  const all = [header, ...body, ...totals];
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const line = (r: string[]): string =>
    r
      .map((v, i) => v.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  const out = [
    line(header),
    line(widths.map((w) => "-".repeat(w))),
    ...body.map(line),
    line(widths.map((w) => "-".repeat(w))),
    ...totals.map(line),
  ];

  const speed = (method: Method, filter: (r: Row) => boolean): number =>
    rows.filter((r) => r.method === method && filter(r)).reduce((a, r) => a + r.seconds, 0);
  const ratios = (label: string, filter: (r: Row) => boolean): string => {
    const peer = speed("ffmpeg scene", filter);
    return `${label}: Sichter fast ${(peer / speed("sichter fast", filter)).toFixed(1)}x, exact ${(peer / speed("sichter exact", filter)).toFixed(1)}x`;
  };
  out.push("");
  out.push(
    `Speed against ffmpeg's scene filter (select='gt(scene,${FFMPEG_SCENE_THRESHOLD})', full decode), same run, long-GOP 1080p H.264:`,
  );
  for (const clip of new Set(rows.filter((r) => r.longGopH264).map((r) => r.clip)))
    out.push(`  ${ratios(clip, (r) => r.clip === clip)}`);
  out.push(`  ${ratios("all of them together", (r) => r.longGopH264)}`);
  const longRows = rows.filter((r) => r.long && r.method !== "ffmpeg scene");
  for (const r of longRows) {
    out.push(
      `Peak RSS on ${r.clip} (${(r.videoSeconds / 60).toFixed(0)} min) with ${r.method}: engine ${r.engineMaxRssMb!.toFixed(0)} MB, its ffmpeg children ${r.ffmpegMaxRssMb === null ? "n/a" : `${r.ffmpegMaxRssMb.toFixed(0)} MB`}.`,
    );
  }
  out.push(
    "Seconds are the engine's own time for probe + detection (Node start-up excluded); ffmpeg's include its start-up.",
  );
  return out.join("\n");
}

import { probeMedia } from "@sichter/engine";
import { ensureRandomClips, type RandomSample } from "../../samples/random/ensureRandomClips.ts";
import { HELD_OUT_FROM, TUNING_SEEDS } from "../../samples/random/randomClip.ts";
import { TRANSITION_FAMILIES } from "../../samples/random/RandomTruth.ts";
import { SHOT_FAMILIES } from "../../samples/random/sourceFamilies.ts";
import { addCounts, precisionRecallF1, type Counts } from "../evaluateShots.ts";
import { FFMPEG_SCENE_THRESHOLD, runFfmpegScene } from "../runFfmpegScene.ts";
import { runSichter } from "../runSichter.ts";
import {
  emptyFamilyCounts,
  falsePerTenMinutes,
  scoreByFamily,
  type ClipFamilyScore,
  type FamilyCounts,
} from "./scoreByFamily.ts";

type Method = "sichter fast" | "sichter exact" | "ffmpeg scene";
const METHODS: readonly Method[] = ["sichter fast", "sichter exact", "ffmpeg scene"];

export const RANDOM_SEEDS_HELP =
  `seeds ${TUNING_SEEDS.from}–${TUNING_SEEDS.to} are for tuning; ${HELD_OUT_FROM} and above are held out ` +
  "(report on them, never tune on them)";

export interface RandomShotsOptions {
  readonly count: number;
  readonly seed: number;
  /** Approximate length of each clip. */
  readonly seconds?: number;
  readonly log: (line: string) => void;
}

export interface RandomRow {
  readonly clip: string;
  readonly seed: number;
  readonly method: Method;
  readonly score: ClipFamilyScore;
  readonly seconds: number;
  readonly videoSeconds: number;
}

/**
 * Sichter fast, Sichter exact and ffmpeg's scene filter on random clips of seeds seed .. seed+N-1,
 * all in this run, scored per source family and per transition family.
 */
export async function randomShotsBenchmark(options: RandomShotsOptions): Promise<{ rows: RandomRow[]; table: string }> {
  const samples = await ensureRandomClips({
    count: options.count,
    seed: options.seed,
    log: options.log,
    ...(options.seconds !== undefined && { seconds: options.seconds }),
  });
  const rows: RandomRow[] = [];
  for (const sample of samples) rows.push(...(await measure(sample, options.log)));
  return { rows, table: formatRandomTable(rows, options) };
}

async function measure(sample: RandomSample, log: (line: string) => void): Promise<RandomRow[]> {
  const media = await probeMedia(sample.path);
  const base = { clip: sample.file, seed: sample.truth.seed, videoSeconds: sample.truth.duration };
  const rows: RandomRow[] = [];
  for (const method of METHODS) {
    log(`  ${sample.file} (${sample.truth.encoding}): ${method} ...`);
    const run =
      method === "ffmpeg scene"
        ? await runFfmpegScene(sample.path, media.frameTimes, media.seekOffsetSeconds)
        : await runSichter(sample.path, method === "sichter fast" ? "fast" : "exact");
    rows.push({ ...base, method, score: scoreByFamily(run.detections, sample.truth), seconds: run.seconds });
  }
  return rows;
}

function f1(c: Counts): string {
  if (c.tp + c.fn === 0 && c.fp === 0) return "-";
  return precisionRecallF1(c).f1.toFixed(3);
}

function table(header: string[], body: string[][]): string[] {
  const all = [header, ...body];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]): string =>
    r
      .map((v, i) => v.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...body.map(line)];
}

function sumFamily(a: FamilyCounts, b: FamilyCounts): FamilyCounts {
  return {
    cuts: addCounts(a.cuts, b.cuts),
    gradual: addCounts(a.gradual, b.gradual),
    falseInPlain: a.falseInPlain + b.falseInPlain,
    plainFrames: a.plainFrames + b.plainFrames,
  };
}

export function formatRandomTable(rows: readonly RandomRow[], options: { count: number; seed: number }): string {
  const out: string[] = [];
  const of = (method: Method) => rows.filter((r) => r.method === method);
  const clips = new Set(rows.map((r) => r.clip)).size;
  const video = of("sichter exact").reduce((a, r) => a + r.videoSeconds, 0);
  out.push(
    `${clips} random clips, seeds ${options.seed}–${options.seed + options.count - 1}, ${(video / 60).toFixed(1)} min in all; ${RANDOM_SEEDS_HELP}.`,
  );
  out.push("");

  // Per source family: transitions on either side of a shot of the family; false detections inside it.
  out.push(
    "F1 per source family (cuts ±1 frame / gradual by overlap) and false transitions per 10 min of plain footage:",
  );
  const familyRows = SHOT_FAMILIES.map((family) => {
    const cells = METHODS.map((method) => {
      const plainSeconds = (r: RandomRow, c: FamilyCounts) =>
        (c.plainFrames * r.score.plainSeconds) /
        Math.max(
          1,
          [...r.score.byShotFamily.values()].reduce((a, x) => a + x.plainFrames, 0),
        );
      let counts = emptyFamilyCounts();
      let seconds = 0;
      for (const r of of(method)) {
        const c = r.score.byShotFamily.get(family);
        if (!c) continue;
        counts = sumFamily(counts, c);
        seconds += plainSeconds(r, c);
      }
      return { counts, seconds };
    });
    const n = cells[0]!.counts;
    return [
      family,
      `${n.cuts.tp + n.cuts.fn}/${n.gradual.tp + n.gradual.fn}`,
      ...cells.flatMap(({ counts, seconds }) => [
        f1(counts.cuts),
        f1(counts.gradual),
        seconds > 0 ? falsePerTenMinutes(counts.falseInPlain, seconds).toFixed(1) : "-",
      ]),
    ];
  });
  const present = familyRows.filter((row) => row[1] !== "0/0" || row.slice(2).some((v) => v !== "-"));
  const methodHeads = METHODS.flatMap((m) => [`${m} cut`, "gradual", "false/10min"]);
  out.push(...table(["family", "cuts/gradual", ...methodHeads], present));
  out.push("");

  out.push("Transitions found per transition family (found/total):");
  out.push(
    ...table(
      ["transition", ...METHODS],
      TRANSITION_FAMILIES.map((family) => [
        family,
        ...METHODS.map((method) => {
          const sum = of(method).reduce(
            (a, r) => {
              const x = r.score.byTransition.get(family);
              return x ? { found: a.found + x.found, total: a.total + x.total } : a;
            },
            { found: 0, total: 0 },
          );
          return sum.total === 0 ? "-" : `${sum.found}/${sum.total}`;
        }),
      ]),
    ),
  );
  out.push("");

  const peerSeconds = of("ffmpeg scene").reduce((a, r) => a + r.seconds, 0);
  out.push("Overall:");
  out.push(
    ...table(
      [
        "method",
        "cuts P/R/F1",
        "gradual P/R/F1",
        "flash cuts",
        "false/10min",
        "seconds",
        "x realtime",
        "vs ffmpeg scene",
        "worst clip (F1 of all transitions)",
      ],
      METHODS.map((method) => {
        const mine = of(method);
        const cuts = mine.reduce((a, r) => addCounts(a, r.score.cuts), { tp: 0, fp: 0, fn: 0 });
        const gradual = mine.reduce((a, r) => addCounts(a, r.score.gradual), { tp: 0, fp: 0, fn: 0 });
        const seconds = mine.reduce((a, r) => a + r.seconds, 0);
        const falseCount = mine.reduce((a, r) => a + r.score.falseInPlain, 0);
        const plain = mine.reduce((a, r) => a + r.score.plainSeconds, 0);
        const worst = mine
          .map((r) => ({ r, f: precisionRecallF1(addCounts(r.score.cuts, r.score.gradual)).f1 }))
          .sort((a, b) => a.f - b.f)[0];
        const prf = (c: Counts) => {
          const x = precisionRecallF1(c);
          return `${x.precision.toFixed(2)}/${x.recall.toFixed(2)}/${x.f1.toFixed(3)}`;
        };
        return [
          method,
          prf(cuts),
          prf(gradual),
          String(mine.reduce((a, r) => a + r.score.flashFalseCuts, 0)),
          falsePerTenMinutes(falseCount, plain).toFixed(1),
          seconds.toFixed(1),
          (video / seconds).toFixed(1),
          `${(peerSeconds / seconds).toFixed(2)}x`,
          worst ? `${worst.r.clip} ${worst.f.toFixed(3)}` : "",
        ];
      }),
    ),
  );
  out.push("");
  out.push(
    `Peer: ffmpeg's scene filter select='gt(scene,${FFMPEG_SCENE_THRESHOLD})' over a full decode; its untyped detections count as gradual inside a truth ` +
      "transition range. Flashes are not boundaries: a detection on one counts as a flash cut (and as a false transition). Plain footage is every " +
      "frame not inside or next to a transition. Seconds are Sichter's probe + detection in its own process; ffmpeg's include its start-up.",
  );
  return out.join("\n");
}

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Tag } from "@sichter/shared/model";
import { analysisInput } from "../../../engine/test/support/cueTestClips.ts";
import { MotionAnalyzer } from "../../../engine/extensions/motion/MotionAnalyzer.ts";
import {
  encodeFamilyClip,
  MOTION_FAMILIES,
  motionFamilyClip,
  type MotionCodec,
  type MotionFamily,
} from "../../../engine/extensions/motion/test/motionFamilies.ts";
import { scoreMotionTags, type ScoredSegment } from "../../../engine/extensions/motion/test/motionTruthScore.ts";
import { HELD_OUT_FROM, TUNING_SEEDS } from "../../samples/random/randomClip.ts";

export interface MotionBenchmarkOptions {
  readonly seed: number;
  /** Clips per family. */
  readonly count: number;
  readonly log: (line: string) => void;
}

interface ClipResult {
  readonly family: MotionFamily;
  readonly seed: number;
  readonly segments: readonly ScoredSegment[];
  /** The ProRes and Motion JPEG copies got exactly the H.264 copy's motion tags. */
  readonly sameAcrossCodecs: boolean;
  readonly seconds: number;
}

const CODECS: readonly MotionCodec[] = ["h264", "prores", "mjpeg"];

/**
 * Camera motion on generated clips of every motion family (see `engine/extensions/motion/test/motionFamilies.ts`),
 * seeds seed .. seed+count-1 per family, each encoded as H.264, ProRes and Motion JPEG. Shots come
 * from the engine's shot step, as in an analysis. Per family: the share of truth segments tagged
 * right, left untagged, and given a false tag (a wrong kind, or any tag across a transition), and
 * how often the three codecs gave the same tags.
 */
export async function motionBenchmark(options: MotionBenchmarkOptions): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sichter-bench-motion-"));
  const results: ClipResult[] = [];
  try {
    for (const family of MOTION_FAMILIES) {
      for (let seed = options.seed; seed < options.seed + options.count; seed++) {
        const clip = motionFamilyClip(family, seed);
        const started = performance.now();
        const tagsBy = new Map<MotionCodec, Tag[]>();
        for (const codec of CODECS) {
          const input = await analysisInput(await encodeFamilyClip(dir, clip, codec));
          tagsBy.set(codec, (await new MotionAnalyzer().analyze(input)).tags);
        }
        const key = (tags: readonly Tag[]): string =>
          tags.map((t) => `${t.kind}:${t.startFrame}-${t.endFrame}`).join(",");
        const h264 = tagsBy.get("h264")!;
        const segments = scoreMotionTags(h264, clip.truth);
        const sameAcrossCodecs = CODECS.every((c) => key(tagsBy.get(c)!) === key(h264));
        results.push({ family, seed, segments, sameAcrossCodecs, seconds: (performance.now() - started) / 1000 });
        options.log(
          `[motion] ${family} ${seed}: ${segments.map((s) => `${s.expect} -> ${s.found}`).join("; ")}${sameAcrossCodecs ? "" : " (codecs differ)"}`,
        );
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return formatTable(results, options);
}

const pct = (n: number, d: number): string => (d === 0 ? "-" : `${((100 * n) / d).toFixed(0)} %`);

function formatTable(results: readonly ClipResult[], options: MotionBenchmarkOptions): string {
  const header = ["family", "clips", "segments", "right", "untagged", "false tags", "same tags H.264/ProRes/MJPEG"];
  const line = (name: string, rows: readonly ClipResult[]): string[] => {
    const segments = rows.flatMap((r) => r.segments);
    const count = (v: ScoredSegment["verdict"]) => segments.filter((s) => s.verdict === v).length;
    return [
      name,
      String(rows.length),
      String(segments.length),
      `${pct(count("right"), segments.length)} (${count("right")})`,
      `${pct(count("abstained"), segments.length)} (${count("abstained")})`,
      `${pct(count("false"), segments.length)} (${count("false")})`,
      `${pct(rows.filter((r) => r.sameAcrossCodecs).length, rows.length)}`,
    ];
  };
  const body = MOTION_FAMILIES.map((f) =>
    line(
      f,
      results.filter((r) => r.family === f),
    ),
  );
  body.push(line("all", results));
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const format = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  const heldOut = options.seed >= HELD_OUT_FROM;
  return [
    `Camera motion on generated clips, seeds ${options.seed}..${options.seed + options.count - 1} per family ` +
      `(${heldOut ? "held out" : `tuning seeds ${TUNING_SEEDS.from}-${TUNING_SEEDS.to}`}), tags of the H.264 copy scored:`,
    format(header),
    format(widths.map((w) => "-".repeat(w))),
    ...body.map(format),
    "right: the tag covering most of a segment has its true kind; untagged: no tag covers it (not",
    "claimed); false: a tag of another kind, or any tag across a fade or wipe.",
  ].join("\n");
}

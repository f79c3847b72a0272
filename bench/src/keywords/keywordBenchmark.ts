import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runTool } from "@sichter/engine";
import { KEYWORD_FAMILIES, keywordClip, type KeywordClipTruth } from "../../samples/keywords/newsKeywordClip.ts";
import { HELD_OUT_FROM, TUNING_SEEDS } from "../../samples/random/randomClip.ts";
import { addCounts, emptyCounts, scoreKeywords, type KeywordCounts, type OfferedTag } from "./scoreKeywords.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const CLI = path.join(here, "../../../engine/bin/sichter.js");

export interface KeywordBenchmarkOptions {
  readonly seed: number;
  readonly count: number;
  readonly log: (line: string) => void;
}

interface ClipRow {
  readonly truth: KeywordClipTruth;
  readonly counts: KeywordCounts;
  readonly keywords: readonly string[];
}

/** `sichter analyze --json --no-write` over all clips in one engine run, in a home of its own. */
async function analyse(
  files: readonly string[],
  home: string,
  log: (line: string) => void,
): Promise<Array<{ file: string; tags: OfferedTag[] }>> {
  const child = spawn(process.execPath, [CLI, "analyze", ...files, "--json", "--no-write", "--lang", "de"], {
    env: { ...process.env, SICHTER_HOME: home },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  // Exit code 1 with a result: a file or an analyzer failed (cues timing out on a loaded machine);
  // the clips that were analysed are still scored, and what failed is said.
  let doc: { clips: Array<{ file: string; tags: OfferedTag[] }> } | undefined;
  try {
    doc = JSON.parse(stdout) as typeof doc;
  } catch {
    doc = undefined;
  }
  if (!doc) throw new Error(`sichter analyze failed (${code}): ${stderr}`);
  if (code !== 0) log(`keywords: sichter analyze exited with ${code}: ${stderr.trim()}`);
  return doc.clips;
}

const pct = (n: number, d: number): string => (d === 0 ? "-" : `${((100 * n) / d).toFixed(1)} %`);

function row(name: string, clips: number, c: KeywordCounts): string[] {
  return [
    name,
    String(clips),
    `${pct(c.trueKeywords, c.keywords)} (${c.trueKeywords}/${c.keywords})`,
    `${pct(c.lowerThirdWordsFound, c.lowerThirdWords)} (${c.lowerThirdWordsFound}/${c.lowerThirdWords})`,
    String(c.overlayKeywords),
    String(c.overlayTags),
  ];
}

function formatTable(rows: readonly ClipRow[], options: KeywordBenchmarkOptions, seconds: number): string {
  const header = [
    "family",
    "clips",
    "keyword precision",
    "lower-third word recall",
    "overlay keywords",
    "overlay tags",
  ];
  const body: string[][] = [];
  for (const family of KEYWORD_FAMILIES) {
    const mine = rows.filter((r) => r.truth.family === family);
    if (mine.length > 0)
      body.push(
        row(
          family,
          mine.length,
          mine.reduce((t, r) => addCounts(t, r.counts), emptyCounts()),
        ),
      );
  }
  body.push(
    row(
      "**all**",
      rows.length,
      rows.reduce((t, r) => addCounts(t, r.counts), emptyCounts()),
    ),
  );
  const line = (cells: string[]): string => `| ${cells.join(" | ")} |`;
  const heldOut = options.seed >= HELD_OUT_FROM;
  return [
    `Seeds ${options.seed}–${options.seed + options.count - 1} (${heldOut ? "held out" : `tuning: seeds ${TUNING_SEEDS.from}–${TUNING_SEEDS.to}`}); analysis ${seconds.toFixed(0)} s in all.`,
    "",
    line(header),
    line(header.map(() => "---")),
    ...body.map(line),
    "",
    "keyword precision = distinct keywords (folded) that are words or phrases of non-overlay on-screen text / all keywords;",
    "lower-third word recall = lower-third words found among the words of the lines read and the keywords (what search finds) / all;",
    "overlay keywords = keywords made only of words of logos, addresses, clocks and tickers (target 0); overlay tags = ocr.overlay tags offered.",
  ].join("\n");
}

/**
 * Generates the re-broadcast news clips of seeds seed .. seed+count-1, analyses them with the
 * engine as `sichter analyze` does, and scores the keywords and what search finds against the truth.
 */
export async function keywordBenchmark(options: KeywordBenchmarkOptions): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sichter-keyword-bench-"));
  try {
    const clips = Array.from({ length: options.count }, (_, i) => keywordClip(options.seed + i));
    const files: string[] = [];
    for (const clip of clips) {
      const file = path.join(dir, `news-${clip.truth.seed}-${clip.truth.family}.mp4`);
      options.log(`keywords: generating ${path.basename(file)}`);
      const made = await runTool("ffmpeg", ["-v", "error", "-nostdin", "-y", ...clip.args, file]);
      if (made.code !== 0) throw new Error(`ffmpeg failed for seed ${clip.truth.seed}: ${made.stderr}`);
      files.push(file);
    }
    options.log(`keywords: analysing ${files.length} clips`);
    const started = performance.now();
    const results = await analyse(files, path.join(dir, "home"), options.log);
    const seconds = (performance.now() - started) / 1000;
    const rows: ClipRow[] = clips.map((clip, i) => {
      const tags = results.find((r) => r.file === files[i])?.tags ?? [];
      const keywords = tags.filter((t) => t.kind === "keyword").map((t) => t.label);
      options.log(`  seed ${clip.truth.seed} ${clip.truth.family}: ${keywords.join(" · ")}`);
      return { truth: clip.truth, counts: scoreKeywords(clip.truth, tags), keywords };
    });
    return formatTable(rows, options, seconds);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
// The engine's index does not export the catalog yet; switch to "@sichter/engine" once it does.
import { SqliteCatalog, type AnalysisToRecord, type SearchFilters } from "@sichter/engine";
import { buildVocabulary, GERMAN_WORDS, pick, pickSkewed, seededRandom } from "./search/newsVocabulary.ts";
import { RESSORTS, syntheticTagSet } from "./search/syntheticArchive.ts";
import { percentile } from "./search/percentile.ts";

export interface SearchBenchmarkOptions {
  /** Clips in the synthetic archive (default 100,000). */
  clips?: number;
  /** Tags per clip (default 10, so 1,000,000 tags at the default size). */
  tagsPerClip?: number;
  /** Searches to time (default 400). */
  queries?: number;
  log?: (line: string) => void;
}

const BATCH = 1000;
const ANALYZERS = [{ id: "bench.synthetic", version: "1" }];

interface TimedQuery {
  readonly category: string;
  readonly query: string;
  readonly filters: SearchFilters;
}

/**
 * Builds a synthetic archive in a temp folder through the catalog's own write path and times
 * full-text searches over it: index build rate, size on disk, latency percentiles per query kind.
 */
export async function searchBenchmark(options: SearchBenchmarkOptions = {}): Promise<string> {
  const clips = options.clips ?? 100_000;
  const tagsPerClip = options.tagsPerClip ?? 10;
  const log = options.log ?? (() => {});
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sichter-search-bench-"));
  const file = path.join(dir, "catalog.sqlite");
  try {
    const vocabulary = buildVocabulary();
    const random = seededRandom(20261122);
    let catalog = SqliteCatalog.open(file);
    const started = performance.now();
    for (let first = 0; first < clips; first += BATCH) {
      const batch: AnalysisToRecord[] = [];
      for (let i = first; i < Math.min(clips, first + BATCH); i++) {
        batch.push({ tagSet: syntheticTagSet(i, tagsPerClip, vocabulary, random), analyzers: ANALYZERS });
      }
      await catalog.recordAnalyses(batch);
      if ((first / BATCH) % 10 === 9)
        log(`built ${first + BATCH} clips in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    const buildSeconds = (performance.now() - started) / 1000;
    // Closing the last connection checkpoints the WAL into the main file, so its size is the catalog's.
    catalog.dispose();
    const bytes = fs.statSync(file).size;
    catalog = SqliteCatalog.open(file);

    const queries = makeQueries(options.queries ?? 400, vocabulary, seededRandom(7));
    const timings = new Map<string, number[]>([["all", []]]);
    let results = 0;
    for (const q of queries) {
      const t0 = performance.now();
      results += (await catalog.search(q.query, q.filters)).length;
      const ms = performance.now() - t0;
      for (const key of ["all", q.category]) timings.set(key, [...(timings.get(key) ?? []), ms]);
    }
    catalog.dispose();

    const totalTags = clips * tagsPerClip;
    const lines = [
      `Search benchmark: ${clips.toLocaleString("en")} clips, ${totalTags.toLocaleString("en")} tags + ${clips.toLocaleString("en")} OCR lines, ${vocabulary.length} distinct vocabulary words`,
      `index build: ${buildSeconds.toFixed(1)} s = ${Math.round(totalTags / buildSeconds).toLocaleString("en")} tags/s (batches of ${BATCH} clips per transaction)`,
      `size on disk: ${(bytes / 1024 / 1024).toFixed(1)} MiB (${Math.round(bytes / totalTags)} bytes per tag)`,
      `${queries.length} searches, ${(results / queries.length).toFixed(1)} clips returned on average (limit 50)`,
      "",
      "| queries | n | p50 ms | p95 ms | max ms |",
      "|---|---|---|---|---|",
    ];
    for (const [category, ms] of timings) {
      const sorted = [...ms].sort((a, b) => a - b);
      lines.push(
        `| ${category} | ${sorted.length} | ${percentile(sorted, 50).toFixed(2)} | ${percentile(sorted, 95).toFixed(2)} | ${sorted[sorted.length - 1]!.toFixed(2)} |`,
      );
    }
    return lines.join("\n");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Varied searches: whole words, prefixes, umlaut spellings, two-word queries and filters. */
export function makeQueries(count: number, vocabulary: readonly string[], random: () => number): TimedQuery[] {
  const umlautWords = vocabulary.filter((w) => /[äöüß]/i.test(w));
  let filterTurn = 0; // each filter kind in turn, so every kind is timed even in a short run
  const kinds: (() => TimedQuery)[] = [
    () => ({ category: "word", query: pickSkewed(random, vocabulary), filters: {} }),
    () => {
      const word = pick(random, vocabulary);
      return { category: "prefix", query: word.slice(0, 3 + Math.floor(random() * 3)), filters: {} };
    },
    () => {
      const word = pick(random, umlautWords);
      const variant =
        random() < 0.5
          ? word.replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss")
          : word.toUpperCase();
      return { category: "umlaut variant", query: variant, filters: {} };
    },
    () => ({ category: "two words", query: `${pick(random, GERMAN_WORDS)} ${pick(random, vocabulary)}`, filters: {} }),
    () => {
      const filters: Array<[string, SearchFilters]> = [
        ["source", { sources: ["vision", "ocr"] }],
        ["status", { statuses: ["rejected"] }],
        ["date", { analysedSince: "2026-06-01" }],
        ["folder", { pathPrefix: `/archiv/2025/${pick(random, RESSORTS)}/` }],
      ];
      const [kind, filter] = filters[filterTurn++ % filters.length]!;
      return { category: `word + ${kind} filter`, query: pickSkewed(random, vocabulary), filters: filter };
    },
  ];
  return Array.from({ length: count }, (_, i) => kinds[i % kinds.length]!());
}

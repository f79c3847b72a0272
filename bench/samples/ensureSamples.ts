import { availableParallelism } from "node:os";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { lastStderrLine, runTool } from "@sichter/engine";
import { catalog } from "./catalog.ts";
import { readGroundTruth, writeGroundTruth, type GroundTruth } from "./GroundTruth.ts";
import { prepareRecipe, type Recipe } from "./Recipe.ts";
import { withSampleLock } from "./SampleLock.ts";

export interface EnsureOptions {
  /** Folder for clips and truths; default $SICHTER_SAMPLES, else `<repo root>/.samples`. */
  readonly dir?: string;
  /** Also the long benchmark clips. */
  readonly long?: boolean;
  /** Regenerate even clips that are up to date. */
  readonly force?: boolean;
  /** Only these clips (file names); default: the whole set. */
  readonly only?: readonly string[];
  /** One line per clip. */
  readonly log?: (line: string) => void;
}

export interface Sample {
  readonly file: string;
  readonly path: string;
  readonly truthPath: string;
  readonly truth: GroundTruth;
  /** False when an up-to-date clip was found and reused. */
  readonly generated: boolean;
  /** Wall-clock seconds spent generating (0 when reused). */
  readonly seconds: number;
}

export interface SampleSet {
  readonly dir: string;
  readonly samples: readonly Sample[];
}

/** `<repo root>/.samples` unless SICHTER_SAMPLES says otherwise. */
export function defaultSamplesDir(env: NodeJS.ProcessEnv = process.env): string {
  const override = env["SICHTER_SAMPLES"];
  if (override) return resolve(override);
  return fileURLToPath(new URL("../../.samples", import.meta.url));
}

export function truthPathFor(clipPath: string): string {
  return join(dirname(clipPath), `${basename(clipPath, extname(clipPath))}.truth.json`);
}

/** The clips ensureSamples would produce, with their truth, without touching the disk. */
export function sampleRecipes(options: { long?: boolean; only?: readonly string[] } = {}): Recipe[] {
  const { only } = options;
  if (only) {
    const unknown = only.filter((file) => !catalog.some((d) => d.file === file));
    if (unknown.length > 0) throw new Error(`no sample named ${unknown.join(", ")} (see: npm run samples -- --list)`);
    return catalog.filter((d) => only.includes(d.file)).map(prepareRecipe);
  }
  return catalog.filter((d) => options.long || !d.long).map(prepareRecipe);
}

/** Generates whatever is missing or outdated and returns every sample with its truth. */
export async function ensureSamples(options: EnsureOptions = {}): Promise<SampleSet> {
  const dir = resolve(options.dir ?? defaultSamplesDir());
  const log = options.log ?? (() => {});
  await mkdir(dir, { recursive: true });
  const recipes = sampleRecipes(options);

  const samples = await withSampleLock(dir, async () => {
    await removeLeftovers(dir);
    const done = new Map<Recipe, Sample>();
    // Each ffmpeg already keeps about two cores busy (x264 threads plus the filter graph thread).
    // On a 2-core machine two clips at once measured slower than one after the other.
    const workers = availableParallelism() >= 4 ? 2 : 1;
    let next = 0;
    const worker = async () => {
      // Catalog order: the default set, which the tests wait for, before the long clip.
      for (let recipe = recipes[next++]; recipe; recipe = recipes[next++]) {
        const sample = await ensureOne(dir, recipe, options.force === true);
        done.set(recipe, sample);
        log(describe(sample));
      }
    };
    await Promise.all(Array.from({ length: workers }, worker));
    return recipes.map((r) => done.get(r) as Sample);
  });
  return { dir, samples };
}

/** Generates one clip unless an up-to-date one with the same truth is already in `dir`. */
export async function ensureOne(dir: string, recipe: Recipe, force: boolean): Promise<Sample> {
  const { truth } = recipe;
  const path = join(dir, truth.file);
  const truthPath = truthPathFor(path);
  const state = force ? "outdated" : await clipState(path, truthPath, truth);
  if (state === "current") return { file: truth.file, path, truthPath, truth, generated: false, seconds: 0 };
  if (state === "truth-outdated") {
    // Same ffmpeg recipe, so the clip is right; only the description of it changed.
    await writeGroundTruth(truthPath, truth);
    return { file: truth.file, path, truthPath, truth, generated: false, seconds: 0 };
  }
  const started = performance.now();
  // The old truth goes first: a truth file is the promise that the clip beside it is complete.
  await rm(truthPath, { force: true });
  const partial = join(dir, `.${truth.file}.partial-${process.pid}`);
  try {
    const result = await runTool("ffmpeg", recipe.ffmpegArgs(partial));
    if (result.code !== 0) {
      throw new Error(`ffmpeg failed generating ${truth.file} (exit ${result.code}): ${lastStderrLine(result.stderr)}`);
    }
    await rename(partial, path);
  } finally {
    await rm(partial, { force: true });
  }
  await writeGroundTruth(truthPath, truth);
  return { file: truth.file, path, truthPath, truth, generated: true, seconds: (performance.now() - started) / 1000 };
}

/**
 * Partial files of an interrupted run (Ctrl-C kills ffmpeg before our cleanup runs). Only a lock
 * holder writes partial files, and we hold the lock, so every one found is abandoned.
 */
async function removeLeftovers(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    if (/\.partial-\d+$/.test(name)) await rm(join(dir, name), { force: true });
  }
}

async function clipState(
  path: string,
  truthPath: string,
  expected: GroundTruth,
): Promise<"current" | "truth-outdated" | "outdated"> {
  const clip = await stat(path).catch(() => undefined);
  if (!clip || clip.size === 0) return "outdated";
  const existing = await readGroundTruth(truthPath).catch(() => undefined);
  if (existing?.generatorVersion !== expected.generatorVersion || existing.recipe !== expected.recipe)
    return "outdated";
  return JSON.stringify(existing) === JSON.stringify(expected) ? "current" : "truth-outdated";
}

export function describe(sample: Sample): string {
  const { truth } = sample;
  const what = sample.generated ? `generated in ${sample.seconds.toFixed(1)} s` : "up to date";
  return `${truth.file.padEnd(30)} ${truth.duration.toFixed(2).padStart(7)} s ${String(truth.frameCount).padStart(6)} frames  ${what}`;
}

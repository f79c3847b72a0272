import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { defaultSamplesDir, describe, ensureOne, type Sample } from "../ensureSamples.ts";
import { withSampleLock } from "../SampleLock.ts";
import { randomClip, type RandomClipOptions } from "./randomClip.ts";
import type { RandomTruth } from "./RandomTruth.ts";

export interface RandomSample extends Sample {
  readonly truth: RandomTruth;
}

export interface EnsureRandomOptions extends RandomClipOptions {
  readonly count: number;
  readonly seed: number;
  /** Default: `random/` in the samples folder. */
  readonly dir?: string;
  readonly log?: (line: string) => void;
}

/** `random/` inside the samples folder: the random clips are a cache, reused while their recipe holds. */
export function defaultRandomDir(): string {
  return join(defaultSamplesDir(), "random");
}

/** Generates the clips of seeds seed .. seed+count-1 that are missing or outdated, one after another. */
export async function ensureRandomClips(options: EnsureRandomOptions): Promise<RandomSample[]> {
  const dir = resolve(options.dir ?? defaultRandomDir());
  await mkdir(dir, { recursive: true });
  const log = options.log ?? (() => {});
  const clipOptions = options.seconds === undefined ? {} : { seconds: options.seconds };
  return withSampleLock(dir, async () => {
    const samples: RandomSample[] = [];
    for (let seed = options.seed; seed < options.seed + options.count; seed++) {
      const { recipe } = randomClip(seed, clipOptions);
      const sample = await ensureOne(dir, recipe, false);
      log(describe(sample));
      samples.push({ ...sample, truth: recipe.truth });
    }
    return samples;
  });
}

import { parseArgs } from "node:util";
import { defaultSamplesDir, ensureSamples, sampleRecipes } from "./ensureSamples.ts";

export { defaultSamplesDir, ensureSamples, sampleRecipes, truthPathFor } from "./ensureSamples.ts";
export type { EnsureOptions, Sample, SampleSet } from "./ensureSamples.ts";
export { groundTruthProblems, readGroundTruth, writeGroundTruth } from "./GroundTruth.ts";
export type {
  GroundTruth,
  TruthCue,
  TruthDistractor,
  TruthMotion,
  TruthRange,
  TruthShot,
  TruthText,
  TruthTransition,
} from "./GroundTruth.ts";

const USAGE = `usage: npm run samples -- [--dir DIR] [--force] [--long] [--list] [--only FILE]

Generates test clips with exact truth (<clip>.truth.json beside each clip): shot boundaries, and for the
news clips also on-screen texts, technical cues and camera motion.
  --dir DIR  folder for the clips (default $SICHTER_SAMPLES, else <repo>/.samples)
  --force    regenerate even clips that are up to date
  --long     also the long benchmark clips (10-minute shots, 5-minute news)
  --list     print the clips and what they contain, generate nothing
  --only F   generate just the clip named F (e.g. h264-distractors-1080p25.mp4)`;

/** `npm run samples`; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        dir: { type: "string" },
        force: { type: "boolean", default: false },
        long: { type: "boolean", default: false },
        list: { type: "boolean", default: false },
        only: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }

  if (values.list) {
    for (const { truth } of sampleRecipes({ long: values.long })) {
      const gradual = truth.transitions.filter((t) => t.type !== "cut").length;
      const cuts = truth.transitions.length - gradual;
      console.log(
        `${truth.file.padEnd(30)} ${truth.duration.toFixed(2).padStart(7)} s ${String(truth.frameCount).padStart(6)} frames  ` +
          `${cuts} cuts, ${gradual} gradual, ${truth.distractors.length} distractors` +
          (truth.texts ? `, ${truth.texts.length} text lines, ${truth.cues?.length ?? 0} cues` : ""),
      );
    }
    return 0;
  }

  const dir = values.dir ?? defaultSamplesDir();
  console.log(`samples in ${dir}`);
  const started = performance.now();
  try {
    await ensureSamples({
      dir,
      long: values.long,
      force: values.force,
      ...(values.only !== undefined && { only: [values.only] }),
      log: (line) => console.log(line),
    });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
  console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

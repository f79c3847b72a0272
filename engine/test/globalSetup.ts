import { ensureSamples } from "../../bench/samples/ensureSamples.ts";

/**
 * Generates the sample media with ground truth once before any test runs (reused on later runs), so
 * test files that use it do not race to create it. Nothing is downloaded: ffmpeg's lavfi sources.
 */
export default async function setup(): Promise<void> {
  const started = Date.now();
  const set = await ensureSamples({ log: (line) => console.log(`[samples] ${line}`) });
  const fresh = set.samples.filter((s) => s.generated).length;
  if (fresh > 0) console.log(`[samples] generated ${fresh} clips in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

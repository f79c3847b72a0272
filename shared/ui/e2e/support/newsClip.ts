import fs from "node:fs";
import path from "node:path";
import { ensureSamples } from "../../../../bench/samples/ensureSamples.ts";

/**
 * The generated 30-second news sample (lower thirds with German names, e.g. "Bürgermeisterin Anna
 * Schäfer"), copied into `folder` so nothing is written beside the shared sample. Generated with
 * ffmpeg on first use, never downloaded.
 */
export async function copyNewsClip(folder: string, name = "Landtag Brandenburg.mp4"): Promise<string> {
  const set = await ensureSamples();
  const sample = set.samples.find((s) => path.basename(s.path) === "h264-news-1080p25.mp4");
  if (!sample) throw new Error("the news sample is missing from the sample set");
  fs.mkdirSync(folder, { recursive: true });
  const target = path.join(folder, name);
  fs.copyFileSync(sample.path, target);
  return target;
}

/** The clip the screenshot tests open: the news sample as "Landtag Potsdam.mp4" in `home`'s folder "Landtag". */
export function copyLandtagClip(home: string): Promise<string> {
  return copyNewsClip(path.join(home, "Landtag"), "Landtag Potsdam.mp4");
}

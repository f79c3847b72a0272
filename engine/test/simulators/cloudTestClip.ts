import { ffmpeg } from "../fixtures.ts";
import type { TestColour } from "./decodeJpeg.ts";

/**
 * One shot of the cloud-keywording test clip: a colour the vision simulators name (they look at the
 * centre of each picture or tile) and a pattern of boxes around the centre that gives the shot its
 * own perceptual hash. Plain colours alone would not do: the hash ignores brightness and colour, so
 * every solid frame hashes alike and all shots would count as near-duplicates of each other.
 */
export interface ColourShot {
  readonly colour: TestColour;
  readonly pattern: ShotPattern;
  readonly seconds: number;
}

/** Box layouts that differ in coarse structure (what the hash sees); the centre stays the colour. */
export type ShotPattern = "corners" | "columns" | "bands";

/** Boxes as fractions of the frame: x, y, width, height, colour. */
const PATTERNS: Record<ShotPattern, ReadonlyArray<readonly [number, number, number, number, string]>> = {
  // Top-left bright, bottom-right dark.
  corners: [
    [0, 0, 0.3, 0.35, "white"],
    [0.7, 0.65, 0.3, 0.35, "black"],
  ],
  // Bright strip down the left edge, dark strip down the right.
  columns: [
    [0, 0, 0.15, 1, "white"],
    [0.85, 0, 0.15, 1, "black"],
  ],
  // Dark band along the top, bright band along the bottom.
  bands: [
    [0, 0, 1, 0.2, "black"],
    [0, 0.8, 1, 0.2, "white"],
  ],
};

/**
 * Makes an H.264 clip of hard cuts between `shots`, built from lavfi `color` sources with drawbox
 * patterns. Returns the first frame of every shot and the frame count.
 */
export async function makeColourShotsClip(
  file: string,
  shots: readonly ColourShot[],
  options: { size?: string; rate?: number } = {},
): Promise<{ shotStarts: number[]; frameCount: number }> {
  const size = options.size ?? "640x360";
  const rate = options.rate ?? 25;
  const [width, height] = size.split("x").map(Number) as [number, number];
  const inputs: string[] = [];
  const chains: string[] = [];
  const shotStarts: number[] = [];
  let frame = 0;
  shots.forEach((shot, i) => {
    const frames = Math.round(shot.seconds * rate);
    shotStarts.push(frame);
    frame += frames;
    inputs.push("-f", "lavfi", "-i", `color=c=${shot.colour}:s=${size}:r=${rate}:d=${shot.seconds}`);
    const boxes = PATTERNS[shot.pattern].map(
      ([x, y, w, h, colour]) =>
        `drawbox=x=${Math.round(x * width)}:y=${Math.round(y * height)}:w=${Math.round(w * width)}:h=${Math.round(h * height)}:color=${colour}:t=fill`,
    );
    chains.push(`[${i}:v]${boxes.join(",")},trim=end_frame=${frames},setpts=PTS-STARTPTS,format=yuv420p[v${i}]`);
  });
  const concat = `${shots.map((_, i) => `[v${i}]`).join("")}concat=n=${shots.length}:v=1:a=0[out]`;
  await ffmpeg([
    ...inputs,
    "-filter_complex",
    `${chains.join(";")};${concat}`,
    "-map",
    "[out]",
    "-c:v",
    "libx264",
    "-preset",
    "ultrafast",
    "-pix_fmt",
    "yuv420p",
    "-g",
    String(rate),
    file,
  ]);
  return { shotStarts, frameCount: frame };
}

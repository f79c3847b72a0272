import { Random } from "../Random.ts";
import { prepareRecipe, type Recipe, type SampleDefinition } from "../Recipe.ts";
import { CUT, dissolve, fade, type Rational, type ShotEvent, type ShotSpec, type TransitionSpec } from "../Timeline.ts";
import { RANDOM_ENCODINGS } from "./randomEncodings.ts";
import type { RandomTruth, TransitionFamily } from "./RandomTruth.ts";
import {
  COLOURFUL_FAMILIES,
  drawSource,
  SHOT_FAMILIES,
  type ShotFamily,
  type SourceContext,
} from "./sourceFamilies.ts";

/**
 * Seeds 1000–1999 are for tuning the detector; 2000 and above are held out: look at their scores,
 * never at their clips, and never change a threshold because of one.
 */
export const TUNING_SEEDS = { from: 1000, to: 1999 } as const;
export const HELD_OUT_FROM = 2000;

export interface RandomClipOptions {
  /** Approximate length; the last shot ends the clip at or after it. Default 20 s. */
  readonly seconds?: number;
}

export interface RandomClip {
  readonly seed: number;
  readonly recipe: Omit<Recipe, "truth"> & { readonly truth: RandomTruth };
}

const SIZES: ReadonlyArray<readonly [number, number]> = [
  [640, 360],
  [640, 360],
  [960, 540],
  [1280, 720],
];
const RATES: readonly Rational[] = [
  { num: 25, den: 1 },
  { num: 30000, den: 1001 },
  { num: 24000, den: 1001 },
  { num: 50, den: 1 },
];
const WORDS = [
  "Bericht",
  "Wetter",
  "Hamburg",
  "Berlin",
  "Live",
  "Eilmeldung",
  "News",
  "Update",
  "Markt",
  "Sport",
  "Wahl",
  "Brand",
  "Verkehr",
  "Interview",
];

/** What was drawn for one shot, kept so a colour-only cut can continue the same picture. */
interface DrawnShot {
  readonly family: ShotFamily;
  readonly base: string;
  /** Pictures of `base` skipped before this shot's first generated picture. */
  readonly offset: number;
  readonly hue: number;
  readonly saturation: number;
  readonly spec: ShotSpec;
}

/** The clip of one seed: the same seed gives the same recipe and truth, on every machine. */
export function randomClip(seed: number, options: RandomClipOptions = {}): RandomClip {
  const random = new Random(seed);
  const [width, height] = random.pick(SIZES);
  const rate = random.pick(RATES);
  const encodingName = random.pick(Object.keys(RANDOM_ENCODINGS).sort());
  const drawnEncoding = RANDOM_ENCODINGS[encodingName]!;
  // MPEG-2 in MOV takes its rate from the filter graph's output, which a cellular automaton's
  // first shot leaves at 1 fps: the clip then holds a picture a second. Told the rate, it holds all.
  const encoding =
    drawnEncoding.codec === "mpeg2video"
      ? { ...drawnEncoding, videoArgs: [...drawnEncoding.videoArgs, "-r", `${rate.num}/${rate.den}`] }
      : drawnEncoding;
  const context: SourceContext = { width, height, rate };
  const target = Math.round(((options.seconds ?? 20) * rate.num) / rate.den);

  const shots: DrawnShot[] = [];
  const transitionFamilies: TransitionFamily[] = [];
  let total = 0;
  while (total < target) {
    const previous = shots.at(-1);
    const family = previous ? drawTransitionFamily(random, previous.family) : undefined;
    const frames = drawShotLength(random);
    const transition = family ? transitionSpec(random, family) : undefined;
    const shot =
      previous && family === "colour-only"
        ? continueInOtherColour(random, previous, frames)
        : freshShot(random, context, frames, previous, transition);
    shots.push(shot);
    if (family) transitionFamilies.push(family);
    total += frames + (transition ? transitionLength(transition) : 0);
  }

  const definition: SampleDefinition = {
    file: `random-${seed}.${encoding.container}`,
    description: `Random clip of seed ${seed}: ${shots.length} shots (${[...new Set(shots.map((s) => s.family))].join(", ")}), ${width}x${height} at ${rate.num}/${rate.den}.`,
    timeline: { width, height, rate, fieldsPerFrame: 1, shots: shots.map((s) => s.spec) },
    encoding,
    noise: random.pick([2, 4, 8]),
  };
  const recipe = prepareRecipe(definition);
  const truth: RandomTruth = {
    ...recipe.truth,
    seed,
    encoding: encodingName,
    shots: recipe.truth.shots.map((s, i) => ({ ...s, family: shots[i]!.family })),
    transitions: recipe.truth.transitions.map((t, i) => ({
      ...t,
      family: transitionFamilies[i]!,
      between: [shots[i]!.family, shots[i + 1]!.family] as const,
    })),
  };
  return { seed, recipe: { ...recipe, truth } };
}

function drawTransitionFamily(random: Random, previous: ShotFamily): TransitionFamily {
  const r = random.next();
  if (r < 0.12 && COLOURFUL_FAMILIES.includes(previous)) return "colour-only";
  if (r < 0.5) return "cut";
  if (r < 0.74) return "dissolve";
  return r < 0.87 ? "fade-black" : "fade-white";
}

/** Many short shots, some very short (a few frames), some long. */
function drawShotLength(random: Random): number {
  const r = random.next();
  if (r < 0.15) return random.int(2, 8);
  if (r < 0.6) return random.int(9, 60);
  return random.int(61, 220);
}

function transitionSpec(random: Random, family: TransitionFamily): TransitionSpec {
  switch (family) {
    case "cut":
    case "colour-only":
      return CUT;
    case "dissolve":
      return dissolve(random.int(2, 40));
    case "fade-black":
    case "fade-white": {
      const out = random.int(0, 20);
      const hold = random.int(0, 12);
      const inn = random.int(out + hold === 0 ? 1 : 0, 20);
      return fade(family === "fade-black" ? "black" : "white", out, hold, inn);
    }
  }
}

function transitionLength(spec: TransitionSpec): number {
  return spec.type === "cut"
    ? 0
    : spec.type === "dissolve"
      ? spec.frames
      : spec.outFrames + spec.holdFrames + spec.inFrames;
}

function freshShot(
  random: Random,
  context: SourceContext,
  frames: number,
  previous: DrawnShot | undefined,
  transition: TransitionSpec | undefined,
): DrawnShot {
  let family = random.pick(SHOT_FAMILIES);
  let base = drawSource(family, random, context);
  // Two draws of the same test pattern would make a "cut" between identical pictures.
  while (previous && base === previous.base) {
    family = random.pick(SHOT_FAMILIES);
    base = drawSource(family, random, context);
  }
  const hue = random.int(0, 359);
  const saturation = COLOURFUL_FAMILIES.includes(family) ? 1 + random.next() * 0.6 : 0.5 + random.next();
  return {
    family,
    base,
    offset: 0,
    hue,
    saturation,
    spec: shotSpec(random, base, 0, hue, saturation, frames, transition),
  };
}

/**
 * The same source, continued from the picture after the previous shot's last one, under another
 * hue or saturation. The hue filter leaves luma untouched, so only colour tells the shots apart.
 */
function continueInOtherColour(random: Random, previous: DrawnShot, frames: number): DrawnShot {
  const incoming = previous.spec.in;
  const head =
    incoming && incoming.type !== "cut" ? (incoming.type === "dissolve" ? incoming.frames : incoming.inFrames) : 0;
  // FilterGraph generates one extra head picture when a shot has a head (see shotStatements).
  const offset = previous.offset + (head > 0 ? head + 1 : 0) + previous.spec.frames;
  const byHue = random.next() < 0.6;
  const hue = byHue ? (previous.hue + random.int(90, 270)) % 360 : previous.hue;
  const saturation = byHue ? previous.saturation : previous.saturation > 0.9 ? 0.15 : 1.6;
  return {
    family: previous.family,
    base: previous.base,
    offset,
    hue,
    saturation,
    spec: shotSpec(random, previous.base, offset, hue, saturation, frames, CUT),
  };
}

function shotSpec(
  random: Random,
  base: string,
  offset: number,
  hue: number,
  saturation: number,
  frames: number,
  transition: TransitionSpec | undefined,
): ShotSpec {
  const skip = offset > 0 ? `,trim=start_frame=${offset},setpts=PTS-STARTPTS` : "";
  const chain = `${base}${skip},hue=h=${hue}:s=${saturation.toFixed(2)}`;
  const events = drawEvents(random, frames);
  return {
    look: { kind: "lavfi", chain },
    frames,
    ...(transition && { in: transition }),
    ...(events.length > 0 && { events }),
  };
}

/** Flashes (not shot boundaries) and captions popping on and off, inside the plain frames. */
function drawEvents(random: Random, frames: number): ShotEvent[] {
  const events: ShotEvent[] = [];
  if (frames >= 20 && random.next() < 0.25) {
    events.push({ type: "flash", at: random.int(5, frames - 8), frames: random.int(1, 2) });
  }
  if (frames >= 40 && random.next() < 0.2) {
    const at = random.int(3, Math.floor(frames / 2));
    const top = random.next() < 0.4;
    const lines = [`${random.pick(WORDS)} ${random.pick(WORDS)}`];
    events.push({
      type: "text",
      at,
      frames: random.int(10, frames - at - 3),
      region: top ? "top" : "lower-third",
      language: "de",
      lines,
    });
  }
  return events;
}

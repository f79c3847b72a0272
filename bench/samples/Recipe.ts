import { createHash } from "node:crypto";
import type { Encoding } from "./Encoding.ts";
import { technicalCues } from "./Cues.ts";
import { drawtextValue } from "./DrawText.ts";
import { buildFilterGraph } from "./FilterGraph.ts";
import { boldFont, regularFont } from "./Fonts.ts";
import { cameraMotion } from "./Motion.ts";
import { frameStartTicks, type FrameTiming } from "./FrameTiming.ts";
import type { GroundTruth, TruthRange } from "./GroundTruth.ts";
import { layoutTimeline, rateToString, type FrameRange, type Layout, type Timeline } from "./Timeline.ts";

/** Bump when a change to the generator should regenerate clips whose recipe text did not change. */
export const GENERATOR_VERSION = 1;

/** One clip of the sample set, declared in the catalog. */
export interface SampleDefinition {
  readonly file: string;
  readonly description: string;
  /** Only generated on request (the 10-minute benchmark clip). */
  readonly long?: boolean;
  readonly timeline: Timeline;
  readonly encoding: Encoding;
  /** Irregular frame times; absent for constant frame rate. */
  readonly timing?: FrameTiming;
  /** "HH:MM:SS:FF", with ';' for drop-frame; written as the container's start timecode. */
  readonly startTimecode?: string;
  /** true: 1 kHz tone throughout; "program": tone under bars, silence under black, a noise bed elsewhere. */
  readonly audio?: boolean | "program";
  /** Temporal grain strength (ffmpeg noise alls). */
  readonly noise?: number;
  /**
   * A clip for the analysis stages after shot detection: its truth also lists texts, technical cues
   * and every shot's camera motion, and bars, black and freeze frames are left without grain, as
   * electronically made or repeated pictures are.
   */
  readonly analysis?: boolean;
}

/** Everything needed to produce one clip and to know what it contains. */
export interface Recipe {
  readonly definition: SampleDefinition;
  readonly layout: Layout;
  readonly truth: GroundTruth;
  /** Full ffmpeg argument vector writing the clip to `output`. */
  ffmpegArgs(output: string): string[];
}

/** Light grain; 6 looked no more camera-like and cost x264 a third more time. */
const DEFAULT_NOISE = 4;

export function prepareRecipe(definition: SampleDefinition): Recipe {
  const { timeline, encoding, timing } = definition;
  const layout = layoutTimeline(timeline);
  const cues = technicalCues(layout, definition.audio);
  const graph = buildFilterGraph(timeline, layout, {
    noise: definition.noise ?? DEFAULT_NOISE,
    ...(timing ? { timing } : {}),
    ...(definition.audio ? { audio: definition.audio } : {}),
    ...(definition.analysis ? { clean: cues.filter((c) => c.type !== "silence").map((c) => c.range) } : {}),
  });
  const timingArgs = timing
    ? // Passthrough keeps the irregular timestamps; the encoder time base must be fine enough for them.
      ["-vsync", "passthrough", "-enc_time_base", `${timing.timeBase.num}/${timing.timeBase.den}`]
    : [];
  const args = (output: string): string[] => [
    "-hide_banner",
    "-nostdin",
    "-nostats",
    "-v",
    "error",
    "-y",
    "-filter_complex",
    graph.filterComplex,
    "-map",
    `[${graph.videoLabel}]`,
    ...(graph.audioLabel ? ["-map", `[${graph.audioLabel}]`, ...encoding.audioArgs] : ["-an"]),
    ...encoding.videoArgs,
    ...timingArgs,
    ...(definition.startTimecode ? ["-timecode", definition.startTimecode] : []),
    "-f",
    encoding.muxer,
    output,
  ];
  // Fonts by content, not by where the checkout happens to be.
  const fontPaths = [boldFont(), regularFont()].map((font) => [drawtextValue(font.path), font.id] as const);
  const portable = args("OUTPUT").map((arg) => fontPaths.reduce((a, [path, id]) => a.replaceAll(path, id), arg));
  const recipe = createHash("sha256").update(JSON.stringify(portable)).digest("hex").slice(0, 16);
  return { definition, layout, truth: groundTruth(definition, layout, recipe), ffmpegArgs: args };
}

function groundTruth(definition: SampleDefinition, layout: Layout, recipe: string): GroundTruth {
  const { timeline, encoding, timing } = definition;
  const seconds = frameClock(timeline, layout.frameCount, timing);
  const range = ({ start, end }: FrameRange): TruthRange => ({
    startFrame: start,
    endFrame: end,
    startTime: seconds(start),
    endTime: seconds(end),
  });
  const startTimecode = definition.startTimecode ?? "00:00:00:00";
  return {
    generatorVersion: GENERATOR_VERSION,
    recipe,
    file: definition.file,
    description: `${definition.description} ${encoding.summary}.`,
    container: encoding.container,
    codec: encoding.codec,
    width: timeline.width,
    height: timeline.height,
    frameRate: timing ? `${timing.timeBase.den}/${timing.timeBase.num}` : rateToString(timeline.rate),
    dropFrame: startTimecode.includes(";"),
    startTimecode,
    frameCount: layout.frameCount,
    duration: seconds(layout.frameCount),
    variableFrameRate: timing !== undefined,
    intraOnly: encoding.intraOnly,
    interlaced: encoding.interlaced,
    fieldOrder: encoding.interlaced ? "tt" : "progressive",
    hasAudio: definition.audio !== undefined && definition.audio !== false,
    shots: layout.shots.map((shot) => range(shot.span)),
    transitions: layout.transitions.map((t) =>
      t.spec.type === "fade"
        ? {
            type: "fade",
            color: t.spec.color,
            ...range(t.range),
            outFrames: t.spec.outFrames,
            holdFrames: t.spec.holdFrames,
            inFrames: t.spec.inFrames,
          }
        : { type: t.spec.type, ...range(t.range) },
    ),
    distractors: layout.distractors.map((d) => ({ type: d.type, ...range(d.range) })),
    ...(definition.analysis && analysisTruth(definition, layout, range)),
  };
}

function analysisTruth(
  definition: SampleDefinition,
  layout: Layout,
  range: (r: FrameRange) => TruthRange,
): Pick<GroundTruth, "texts" | "cues" | "motion"> {
  return {
    texts: layout.texts.flatMap(({ event, range: r }) =>
      event.lines.map((line) => ({
        text: line.normalize("NFC"),
        ...range(r),
        region: event.region,
        language: event.language,
      })),
    ),
    cues: technicalCues(layout, definition.audio).map((c) => ({ type: c.type, ...range(c.range) })),
    motion: layout.shots.map((shot, index) => {
      const type = cameraMotion(shot);
      if (!type) throw new Error(`${definition.file}: shot ${index} has no single camera motion for the truth`);
      return { shot: index, type };
    }),
  };
}

/** Presentation time in seconds of a frame index (the clip's length for frameCount). */
function frameClock(
  timeline: Timeline,
  frameCount: number,
  timing: FrameTiming | undefined,
): (frame: number) => number {
  const round = (value: number) => Math.round(value * 1e6) / 1e6;
  if (timing) {
    const starts = frameStartTicks(timing, frameCount);
    return (frame) => round(((starts[frame] ?? Number.NaN) * timing.timeBase.num) / timing.timeBase.den);
  }
  return (frame) => round((frame * timeline.rate.den) / timeline.rate.num);
}

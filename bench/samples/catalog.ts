import { h264, mpeg2Interlaced, proresProxy } from "./Encoding.ts";
import type { Look } from "./Looks.ts";
import { news, newsLong } from "./newsClips.ts";
import { looks, stills } from "./palette.ts";
import { Random } from "./Random.ts";
import type { SampleDefinition } from "./Recipe.ts";
import { CUT, dissolve, fade, type Rational, type ShotSpec, type Timeline } from "./Timeline.ts";

const PAL: Rational = { num: 25, den: 1 };
const NTSC: Rational = { num: 30000, den: 1001 };

function hd(shots: ShotSpec[], rate: Rational = PAL, fieldsPerFrame: 1 | 2 = 1): Timeline {
  return { width: 1920, height: 1080, rate, fieldsPerFrame, shots };
}

function hd720(shots: ShotSpec[]): Timeline {
  return { width: 1280, height: 720, rate: PAL, fieldsPerFrame: 1, shots };
}

const cuts: SampleDefinition = {
  file: "h264-cuts-1080p25.mp4",
  description:
    "Ten hard cuts, shots of 1.5 to 8 s. Shots 4 and 5 are neighbouring regions of the same fractal " +
    "(same colours, different layout): a histogram-only detector misses that cut.",
  encoding: h264("veryfast"),
  timeline: hd([
    { look: looks.bars, frames: 200 },
    { look: looks.seahorseZoom, frames: 50 },
    { look: looks.lifeGold, frames: 75 },
    { look: looks.spiralA, frames: 38 },
    { look: looks.spiralB, frames: 88 },
    { look: looks.automatonGreen, frames: 45 },
    { look: looks.counter, frames: 60 },
    { look: looks.studioBars, frames: 62 },
    { look: looks.barsMirrored, frames: 40 },
    { look: looks.lifeCyan, frames: 52 },
    { look: looks.tendrilsZoom, frames: 40 },
  ]),
};

const gradual: SampleDefinition = {
  file: "h264-gradual-1080p25.mp4",
  description:
    "Dissolves of 8, 12 and 25 frames; fades through black (12+0+12 and 10+4+15 frames: out, black, in); " +
    "a fade through white (12+2+12); two hard cuts.",
  encoding: h264("veryfast"),
  timeline: hd([
    { look: looks.barsWarm, frames: 75 },
    { look: looks.lifeGold, frames: 70, in: dissolve(8) },
    { look: looks.studioBars, frames: 65, in: CUT },
    { look: looks.seahorseZoom, frames: 72, in: dissolve(12) },
    { look: looks.automatonAmber, frames: 68, in: fade("black", 12, 0, 12) },
    { look: looks.minibrotPan, frames: 70, in: dissolve(25) },
    { look: looks.counter, frames: 66, in: fade("black", 10, 4, 15) },
    { look: looks.lifeCyan, frames: 70, in: CUT },
    { look: looks.barsCool, frames: 70, in: fade("white", 12, 2, 12) },
  ]),
};

const fastPan: Look = {
  kind: "pan",
  still: stills.mosaic,
  drift: [1, 0],
  move: { at: 25, frames: 75, velocity: [44, 3] },
};

const fastZoom: Look = { kind: "zoom", still: stills.mosaic, move: { at: 20, frames: 50, to: 2.5 }, hue: 120 };

const distractors: SampleDefinition = {
  file: "h264-distractors-1080p25.mp4",
  description:
    "Five hard cuts among things that are not cuts: three one-frame flashes and a two-frame flash, " +
    "a 3 s pan at 44 px/frame, a 2 s zoom to 2.5x, a lower third on for 3 s, a blinking box (6 frames on, 6 off).",
  encoding: h264("veryfast"),
  timeline: hd([
    { look: looks.barsWarm, frames: 110, events: [{ type: "flash", at: 50, frames: 1 }] },
    { look: fastPan, frames: 125 },
    {
      look: looks.lifeGreen,
      frames: 130,
      events: [
        { type: "lowerThird", at: 20, frames: 75 },
        { type: "flash", at: 110, frames: 1 },
      ],
    },
    { look: fastZoom, frames: 90 },
    {
      look: looks.studioRgb,
      frames: 160,
      events: [
        { type: "blink", at: 15, frames: 120, period: 12 },
        { type: "flash", at: 145, frames: 2 },
      ],
    },
    { look: looks.counterPlain, frames: 135, events: [{ type: "flash", at: 60, frames: 1 }] },
  ]),
};

const mpeg2: SampleDefinition = {
  file: "mpeg2-2997df.mxf",
  description:
    "1080i29.97 (top field first, each field its own moment in time), drop-frame timecode from 01:00:00;00. " +
    "Cuts, a 15-frame dissolve and a fade through black (10+2+10).",
  encoding: mpeg2Interlaced(),
  startTimecode: "01:00:00;00",
  audio: true,
  timeline: hd(
    [
      { look: looks.bars, frames: 120 },
      { look: looks.lifeGold, frames: 120, in: CUT },
      { look: looks.studioBars, frames: 115, in: dissolve(15) },
      { look: looks.seahorseZoom, frames: 110, in: CUT },
      { look: looks.automatonGreen, frames: 110, in: fade("black", 10, 2, 10) },
      { look: looks.minibrotPan, frames: 108, in: CUT },
    ],
    NTSC,
    2,
  ),
};

const prores: SampleDefinition = {
  file: "prores-intra-720p25.mov",
  description: "Intra-only 720p25 with start timecode 10:00:00:00. Three cuts, a 12-frame dissolve, one flash.",
  encoding: proresProxy(),
  startTimecode: "10:00:00:00",
  audio: true,
  timeline: hd720([
    { look: looks.counter, frames: 100 },
    { look: looks.lifeCyan, frames: 95, in: CUT },
    { look: looks.spiralA, frames: 98, in: dissolve(12), events: [{ type: "flash", at: 50, frames: 1 }] },
    { look: looks.barsCool, frames: 110, in: CUT },
    { look: looks.seahorseZoom, frames: 85, in: CUT },
  ]),
};

const vfr: SampleDefinition = {
  file: "h264-vfr.mp4",
  description:
    "Variable frame rate 720p (frame durations of 1/25, 1/30 and 1/50 s in steady runs and irregular cycles), five cuts.",
  encoding: h264("veryfast"),
  // Ticks of 1/150 s: 6 = 1/25 s, 5 = 1/30 s, 3 = 1/50 s.
  timing: {
    timeBase: { num: 1, den: 150 },
    segments: [
      { frames: 90, cycle: [6] },
      { frames: 110, cycle: [5] },
      { frames: 100, cycle: [6, 5, 3, 6, 6, 5, 3, 5] },
      { frames: 80, cycle: [3] },
      { frames: 120, cycle: [6, 6, 5, 6, 3, 5, 5, 6, 3] },
    ],
  },
  timeline: hd720([
    { look: looks.barsWarm, frames: 85 },
    { look: looks.lifeGold, frames: 70 },
    { look: looks.studioNavy, frames: 100 },
    { look: looks.seahorseZoom, frames: 80 },
    { look: looks.minibrotPan, frames: 90 },
    { look: looks.counter, frames: 75 },
  ]),
};

/** Ten minutes for speed and memory benchmarks: long shots, mostly cuts, a few dissolves. */
function longTimeline(): Timeline {
  const random = new Random(20_240_607);
  const total = 10 * 60 * 25;
  const palette = Object.values(looks) as Look[];
  const shots: ShotSpec[] = [];
  let used = 0;
  let previous: Look | undefined;
  while (used < total) {
    const transition = shots.length === 0 ? CUT : random.next() < 0.2 ? dissolve(random.int(10, 25)) : CUT;
    const joined = transition.type === "dissolve" ? transition.frames : 0;
    const remaining = total - used - joined;
    // Shots of 5 to 40 s; the last two split what is left so neither falls outside that range.
    const frames = remaining <= 1000 ? remaining : remaining <= 2000 ? Math.ceil(remaining / 2) : random.int(125, 1000);
    let look = random.pick(palette);
    while (look === previous) look = random.pick(palette);
    previous = look;
    shots.push({ look: { ...look, hue: ((look.hue ?? 0) + random.int(0, 5) * 60) % 360 }, frames, in: transition });
    used += joined + frames;
  }
  return hd(shots);
}

const long: SampleDefinition = {
  file: "h264-long-1080p25.mp4",
  description: "Ten minutes, shots of 5 to 40 s joined by cuts and some dissolves, for speed and memory benchmarks.",
  long: true,
  encoding: h264("ultrafast"),
  timeline: longTimeline(),
};

/** Every sample, default set first. */
export const catalog: readonly SampleDefinition[] = [
  cuts,
  gradual,
  distractors,
  mpeg2,
  prores,
  vfr,
  news,
  long,
  newsLong,
];

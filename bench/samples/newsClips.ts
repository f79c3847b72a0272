import { h264 } from "./Encoding.ts";
import type { Look } from "./Looks.ts";
import {
  breakingBanner,
  longClipBanners,
  longClipCaptions,
  longClipCards,
  shortClipCaptions as captions,
  specialCard,
  type Caption,
} from "./newsTexts.ts";
import { stills } from "./palette.ts";
import { Random } from "./Random.ts";
import type { SampleDefinition } from "./Recipe.ts";
import {
  CUT,
  fade,
  type ShotEvent,
  type ShotSpec,
  type TextRegion,
  type Timeline,
  type TransitionSpec,
} from "./Timeline.ts";

/**
 * News-like clips for the stages after shot detection (OCR, technical cues, camera motion): a tape
 * head of bars and tone, black, then shots with lower thirds, banners and cards, pans, tilts, zooms,
 * a handheld shot and freeze frames. Black between shots is cut in hard, as editors do; the truth
 * calls such a gap a fade with empty ramps, as the engine's fade detector reports it.
 */

const BARS: ShotSpec = { look: { kind: "bars" }, frames: 50 };
/** One second of black after the bars: hard cuts in and out. */
const HEAD_BLACK = fade("black", 0, 25, 0);

function blackGap(frames: number): TransitionSpec {
  return fade("black", 0, frames, 0);
}

function text(caption: Caption, region: TextRegion, at: number, frames: number): ShotEvent {
  return { type: "text", region, language: caption.language, lines: caption.lines, at, frames };
}

function hd(shots: ShotSpec[]): Timeline {
  return { width: 1920, height: 1080, rate: { num: 25, den: 1 }, fieldsPerFrame: 1, shots };
}

/** A still scene with a moving picture on a monitor in it: a locked-off camera. */
const studio: Look = { kind: "inset", background: stills.spiralB, inset: "testsrc2", hue: 300 };
const cardBackground: Look = { kind: "inset", background: "#304060", inset: "testsrc2" };

export const news: SampleDefinition = {
  file: "h264-news-1080p25.mp4",
  description:
    "News package: 2 s of SMPTE HD bars with 1 kHz tone, 1 s of black (silent), then a pan right, a zoom in, " +
    "a pan left with a 2 s freeze frame, 12 frames of black (silent), a static shot, a tilt down under a " +
    "breaking-news banner, a handheld shot and a full-screen card; German and English lower thirds. " +
    "Audio: tone under the bars, silence under black, a quiet noise bed elsewhere.",
  encoding: h264("veryfast"),
  audio: "program",
  analysis: true,
  timeline: hd([
    BARS,
    {
      look: { kind: "pan", still: stills.spiralA, drift: [6, 0] },
      frames: 100,
      in: HEAD_BLACK,
      events: [text(captions.landtag, "lower-third", 15, 70)],
    },
    {
      // A crash zoom: a slow one would hardly differ from the grain frame to frame.
      look: { kind: "zoom", still: stills.mosaic, move: { at: 10, frames: 50, to: 2.5 }, hue: 120 },
      frames: 100,
      in: CUT,
      events: [text(captions.station, "lower-third", 10, 60)],
    },
    {
      look: { kind: "pan", still: stills.valley, drift: [-5, 0], hue: 40 },
      frames: 130,
      in: CUT,
      // The caption leaves before the freeze: a freeze frame repeats the picture exactly.
      events: [text(captions.roadblock, "lower-third", 5, 45)],
      freeze: { at: 55, frames: 50 },
    },
    { look: studio, frames: 90, in: blackGap(12), events: [text(captions.mayor, "lower-third", 15, 60)] },
    {
      look: { kind: "pan", still: stills.mosaic, drift: [0, 5], hue: 250 },
      frames: 100,
      in: CUT,
      events: [text(breakingBanner, "top", 0, 100), text(captions.minister, "lower-third", 20, 65)],
    },
    {
      look: { kind: "pan", still: stills.antenna, shake: 6, hue: 160 },
      frames: 80,
      in: CUT,
      events: [text(captions.harbour, "lower-third", 10, 55)],
    },
    { look: cardBackground, frames: 60, in: CUT, events: [text(specialCard, "full", 0, 60)] },
  ]),
};

const STILLS = [stills.mosaic, stills.spiralA, stills.spiralB, stills.valley, stills.antenna, stills.minibrot];
const HUES = [0, 60, 120, 180, 240, 300];
type ShotKind = "pan-right" | "pan-left" | "tilt-up" | "tilt-down" | "zoom-in" | "zoom-out" | "handheld" | "static";
const KINDS: readonly ShotKind[] = [
  "pan-right",
  "pan-left",
  "tilt-up",
  "tilt-down",
  "zoom-in",
  "zoom-out",
  "handheld",
  "static",
];

/**
 * Five minutes of the same ingredients in a seeded order: every camera motion, lower thirds from the
 * long list (each caption once before any repeats), banners over whole shots, two full-screen cards,
 * freeze frames and black gaps.
 */
function longNewsTimeline(): Timeline {
  const random = new Random(20_260_301);
  const total = 5 * 60 * 25;
  const shots: ShotSpec[] = [BARS];
  let used = BARS.frames;
  let caption = 0;
  let banner = 0;
  let card = 0;
  let previousStill: unknown;
  let previousKind: ShotKind | undefined;
  while (used < total) {
    const index = shots.length;
    const transition = index === 1 ? HEAD_BLACK : random.next() < 0.15 ? blackGap(random.int(8, 20)) : CUT;
    const joined = transition.type === "fade" ? transition.holdFrames : 0;
    const left = total - used - joined;
    // The last shot takes what is left; the one before leaves it at least 100 frames.
    let frames = left <= 250 ? left : Math.min(random.int(100, 200), left - 100);
    const cardDue = card < longClipCards.length && used > ((card + 1) * total) / (longClipCards.length + 1);
    if (cardDue && transition.type === "cut") {
      const text = longClipCards[card++] as Caption;
      frames = Math.min(frames, 75);
      shots.push({
        look: { kind: "inset", background: "#2a3a5c", inset: "testsrc2", hue: random.pick(HUES) },
        frames,
        in: transition,
        events: [{ type: "text", region: "full", language: text.language, lines: text.lines, at: 0, frames }],
      });
      used += joined + frames;
      previousKind = "static";
      continue;
    }
    let kind = random.pick(KINDS);
    while (kind === previousKind) kind = random.pick(KINDS);
    previousKind = kind;
    let still = random.pick(STILLS);
    while (still === previousStill) still = random.pick(STILLS);
    previousStill = still;
    const hue = random.pick(HUES);
    const events: ShotEvent[] = [];
    const withBanner = banner < longClipBanners.length && index % 12 === 6;
    if (withBanner) events.push(text(longClipBanners[banner++] as Caption, "top", 0, frames));
    // A banner stays over the whole shot, so it would sit over a freeze too.
    const freeze = !withBanner && (kind === "pan-right" || kind === "pan-left") && frames >= 150 && random.next() < 0.5;
    if (random.next() < 0.8) {
      const at = random.int(5, 20);
      // Before a freeze the caption must be gone: a freeze repeats one picture exactly.
      const length = freeze ? 40 : Math.min(random.int(50, 100), frames - at - 5);
      events.push(text(longClipCaptions[caption++ % longClipCaptions.length] as Caption, "lower-third", at, length));
    }
    shots.push({
      look: cameraLook(kind, still, hue, frames, random),
      frames,
      in: transition,
      events,
      ...(freeze && { freeze: { at: 70, frames: 50 } }),
    });
    used += joined + frames;
  }
  return hd(shots);
}

function cameraLook(kind: ShotKind, still: (typeof STILLS)[number], hue: number, frames: number, random: Random): Look {
  const speed = random.int(3, 7);
  switch (kind) {
    case "pan-right":
      return { kind: "pan", still, drift: [speed, 0], hue };
    case "pan-left":
      return { kind: "pan", still, drift: [-speed, 0], hue };
    case "tilt-up":
      return { kind: "pan", still, drift: [0, -speed], hue };
    case "tilt-down":
      return { kind: "pan", still, drift: [0, speed], hue };
    case "zoom-in":
      return { kind: "zoom", still, move: { at: 3, frames: frames - 8, to: 1.5 + random.int(0, 5) / 10 }, hue };
    case "zoom-out":
      return {
        kind: "zoom",
        still,
        move: { at: 3, frames: frames - 8, from: 1.5 + random.int(0, 5) / 10, to: 1 },
        hue,
      };
    case "handheld":
      return { kind: "pan", still, shake: random.int(4, 8), hue };
    case "static":
      return { kind: "inset", background: still, inset: random.next() < 0.5 ? "testsrc2" : "mandelbrot", hue };
  }
}

export const newsLong: SampleDefinition = {
  file: "h264-news-5min-1080p25.mp4",
  description:
    "Five-minute news programme for the analysis benchmark: bars and tone, black, then 4 to 8 s shots with " +
    "every camera motion, German and English lower thirds, banners, full-screen cards, freeze frames and " +
    "black gaps (silent). Audio: tone under the bars, silence under black, a quiet noise bed elsewhere.",
  long: true,
  encoding: h264("veryfast"),
  audio: "program",
  analysis: true,
  timeline: longNewsTimeline(),
};

import type { Look } from "./Looks.ts";

/** An exact rate such as 30000/1001; floating point would drift over a 10-minute clip. */
export interface Rational {
  readonly num: number;
  readonly den: number;
}

export type FadeColor = "black" | "white";

/** How a shot is joined to the one before it. Frame counts are output frames. */
export type TransitionSpec =
  | { readonly type: "cut" }
  /** Every one of the `frames` frames is a blend; none is plain A or plain B. */
  | { readonly type: "dissolve"; readonly frames: number }
  /**
   * `outFrames` darkening (or whitening) frames, `holdFrames` flat frames, `inFrames` brightening frames.
   * Zero-frame ramps are hard cuts to and from the colour: the engine's fade detector reports such a
   * flat run of up to 25 frames between two shots as one fade (with empty ramps), so the truth does too.
   */
  | {
      readonly type: "fade";
      readonly color: FadeColor;
      readonly outFrames: number;
      readonly holdFrames: number;
      readonly inFrames: number;
    };

/**
 * Something drawn over a shot that is not a shot boundary. `at` counts from the shot's first plain
 * frame, so editing the transition before it does not move the event out of the shot.
 */
export type ShotEvent =
  /** The whole picture pushed towards white for `frames` frames (a photographer's flash). */
  | { readonly type: "flash"; readonly at: number; readonly frames: number }
  /** A caption bar over the bottom fifth with a name box on it. */
  | { readonly type: "lowerThird"; readonly at: number; readonly frames: number }
  /** A small box switching on and off every `period / 2` frames, like a blinking LIVE bug. */
  | { readonly type: "blink"; readonly at: number; readonly frames: number; readonly period: number }
  /** Rendered text on a box (see Captions.ts): what OCR should read, with the frames it is visible. */
  | TextEvent;

export type TextRegion = "lower-third" | "top" | "full";
export type TextLanguage = "de" | "en";

export interface TextEvent {
  readonly type: "text";
  readonly at: number;
  readonly frames: number;
  readonly region: TextRegion;
  readonly language: TextLanguage;
  /** One or two lines for a lower third, one for the top banner, up to three for a full-screen card. */
  readonly lines: readonly string[];
}

/** Frames `at` .. `at + frames - 1` (from the shot's first plain frame) all show the picture of frame `at`. */
export interface FreezeSpec {
  readonly at: number;
  readonly frames: number;
}

export interface ShotSpec {
  readonly look: Look;
  /** Plain frames: neither blended with a neighbour nor faded. */
  readonly frames: number;
  /** The join with the previous shot; ignored for the first shot. */
  readonly in?: TransitionSpec;
  readonly events?: readonly ShotEvent[];
  /** A freeze frame inside the shot; the motion resumes where it stopped. Progressive timelines only. */
  readonly freeze?: FreezeSpec;
}

export interface Timeline {
  readonly width: number;
  readonly height: number;
  readonly rate: Rational;
  /**
   * 2 renders every output frame from two moments in time (top field first), as a 1080i camera
   * does; motion inside the frame then combs like real interlaced footage.
   */
  readonly fieldsPerFrame: 1 | 2;
  readonly shots: readonly ShotSpec[];
}

export type DistractorType = "flash" | "pan" | "zoom" | "overlay" | "blink";

export interface FrameRange {
  /** First frame, 0-based in presentation order. */
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

export interface PlacedShot {
  readonly spec: ShotSpec;
  /** Where the shot counts as started and ended: the middles of its transitions. */
  readonly span: FrameRange;
  /** The shot's plain frames. */
  readonly body: FrameRange;
  /** Frames of this shot's picture shown during the incoming / outgoing transition. */
  readonly headFrames: number;
  readonly tailFrames: number;
}

export interface PlacedTransition {
  readonly spec: TransitionSpec;
  /** First frame that is not the plain outgoing shot .. first plain frame of the incoming shot. */
  readonly range: FrameRange;
}

export interface PlacedDistractor {
  readonly type: DistractorType;
  readonly range: FrameRange;
}

export interface PlacedText {
  readonly event: TextEvent;
  readonly range: FrameRange;
}

export interface Layout {
  readonly frameCount: number;
  readonly shots: readonly PlacedShot[];
  readonly transitions: readonly PlacedTransition[];
  readonly distractors: readonly PlacedDistractor[];
  readonly texts: readonly PlacedText[];
  /** Frames that repeat the picture before them exactly (freeze frames, held from their first frame). */
  readonly freezes: readonly FrameRange[];
}

export const CUT: TransitionSpec = { type: "cut" };

export function dissolve(frames: number): TransitionSpec {
  return { type: "dissolve", frames };
}

export function fade(color: FadeColor, outFrames: number, holdFrames: number, inFrames: number): TransitionSpec {
  return { type: "fade", color, outFrames, holdFrames, inFrames };
}

export function transitionFrames(t: TransitionSpec): number {
  switch (t.type) {
    case "cut":
      return 0;
    case "dissolve":
      return t.frames;
    case "fade":
      return t.outFrames + t.holdFrames + t.inFrames;
  }
}

/** Frames of the outgoing shot's picture the transition needs after the shot's plain frames. */
function outgoingFrames(t: TransitionSpec): number {
  return t.type === "cut" ? 0 : t.type === "dissolve" ? t.frames : t.outFrames;
}

/** Frames of the incoming shot's picture the transition shows before the shot's plain frames. */
function incomingFrames(t: TransitionSpec): number {
  return t.type === "cut" ? 0 : t.type === "dissolve" ? t.frames : t.inFrames;
}

/** Places every shot, transition and distractor on the output frame axis. */
export function layoutTimeline(timeline: Timeline): Layout {
  const transitions: PlacedTransition[] = [];
  const bodies: FrameRange[] = [];
  let position = 0;
  timeline.shots.forEach((shot, index) => {
    assertFrames(shot.frames, 1, `shot ${index} frames`);
    if (index > 0) {
      const spec = shot.in ?? CUT;
      checkTransition(spec, index);
      const length = transitionFrames(spec);
      transitions.push({ spec, range: { start: position, end: position + length } });
      position += length;
    }
    bodies.push({ start: position, end: position + shot.frames });
    position += shot.frames;
  });
  const frameCount = position;

  const shots = timeline.shots.map((spec, index): PlacedShot => {
    const before = index > 0 ? transitions[index - 1] : undefined;
    const after = transitions[index];
    const body = bodies[index] as FrameRange;
    return {
      spec,
      span: {
        start: before ? midpoint(before.range) : 0,
        end: after ? midpoint(after.range) : frameCount,
      },
      body,
      headFrames: before ? incomingFrames(before.spec) : 0,
      tailFrames: after ? outgoingFrames(after.spec) : 0,
    };
  });

  const distractors: PlacedDistractor[] = [];
  const texts: PlacedText[] = [];
  const freezes: FrameRange[] = [];
  shots.forEach((shot, index) => {
    for (const event of shot.spec.events ?? []) {
      const range = inBody(shot.body, event.at, event.frames, `shot ${index} ${event.type}`);
      if (event.type === "text") {
        texts.push({ event, range });
        // Text over the whole shot never pops on or off inside it, so it cannot pass for a cut.
        if (range.start > shot.body.start || range.end < shot.body.end) distractors.push({ type: "overlay", range });
        continue;
      }
      const type: DistractorType = event.type === "lowerThird" ? "overlay" : event.type;
      distractors.push({ type, range });
    }
    const { freeze } = shot.spec;
    if (freeze) {
      if (timeline.fieldsPerFrame !== 1) throw new Error(`shot ${index} freeze: only progressive timelines can freeze`);
      assertFrames(freeze.frames, 2, `shot ${index} freeze length`);
      freezes.push(inBody(shot.body, freeze.at, freeze.frames, `shot ${index} freeze`));
    }
    const move = shot.spec.look.kind === "pan" || shot.spec.look.kind === "zoom" ? shot.spec.look.move : undefined;
    if (move) {
      distractors.push({
        type: shot.spec.look.kind as "pan" | "zoom",
        range: inBody(shot.body, move.at, move.frames, `shot ${index} ${shot.spec.look.kind}`),
      });
    }
  });
  distractors.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  texts.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);

  return { frameCount, shots, transitions, distractors, texts, freezes };
}

/** The rule the truth format fixes: a gradual transition hands over in its middle frame. */
export function midpoint(range: FrameRange): number {
  return Math.floor((range.start + range.end) / 2);
}

/** Events must stay inside the plain frames, or the truth would call a blended frame a distractor. */
function inBody(body: FrameRange, at: number, frames: number, what: string): FrameRange {
  assertFrames(at, 0, `${what} start`);
  assertFrames(frames, 1, `${what} length`);
  const range = { start: body.start + at, end: body.start + at + frames };
  if (range.end > body.end) throw new Error(`${what} ends after the shot's plain frames`);
  return range;
}

function checkTransition(spec: TransitionSpec, index: number): void {
  if (spec.type === "dissolve") assertFrames(spec.frames, 1, `shot ${index} dissolve`);
  if (spec.type === "fade") {
    assertFrames(spec.outFrames, 0, `shot ${index} fade out`);
    assertFrames(spec.holdFrames, 0, `shot ${index} fade hold`);
    assertFrames(spec.inFrames, 0, `shot ${index} fade in`);
    assertFrames(spec.outFrames + spec.holdFrames + spec.inFrames, 1, `shot ${index} fade length`);
  }
}

function assertFrames(value: number, min: number, what: string): void {
  if (!Number.isInteger(value) || value < min) throw new Error(`${what} must be an integer >= ${min}, got ${value}`);
}

export function rateToString(rate: Rational): string {
  return `${rate.num}/${rate.den}`;
}

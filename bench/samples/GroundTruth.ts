import { readFile, rename, writeFile } from "node:fs/promises";
import type { CueType } from "./Cues.ts";
import type { CameraMotion } from "./Motion.ts";
import type { DistractorType, FadeColor, TextLanguage, TextRegion } from "./Timeline.ts";

/**
 * What a generated clip contains, written beside it as `<clip basename>.truth.json`.
 * Frames are 0-based indices in presentation order from the file's first frame; every `endFrame`
 * is exclusive. Times are the presentation time of the frame in seconds from the first frame
 * (for variable frame rate clips the only correct way from a frame index to a time).
 */
export interface GroundTruth {
  readonly generatorVersion: number;
  /** Hash of everything that shaped the clip; a change regenerates it even without a version bump. */
  readonly recipe: string;
  readonly file: string;
  readonly description: string;
  readonly container: "mp4" | "mxf" | "mov";
  readonly codec: "h264" | "mpeg2video" | "prores" | "mjpeg";
  readonly width: number;
  readonly height: number;
  /** Nominal rate as "num/den"; for variable frame rate clips the time base rate (use the times). */
  readonly frameRate: string;
  readonly dropFrame: boolean;
  /** "HH:MM:SS:FF", or with ';' before the frames when drop-frame. */
  readonly startTimecode: string;
  readonly frameCount: number;
  /** Seconds from the first frame's start to the last frame's end. */
  readonly duration: number;
  readonly variableFrameRate: boolean;
  readonly intraOnly: boolean;
  readonly interlaced: boolean;
  /** "tt" (top field first) for interlaced clips, "progressive" otherwise; ffprobe's field_order. */
  readonly fieldOrder: "tt" | "progressive";
  readonly hasAudio: boolean;
  /** Contiguous, covering every frame; a shot starts in the middle of its incoming transition. */
  readonly shots: readonly TruthShot[];
  readonly transitions: readonly TruthTransition[];
  /** Things that are not shot boundaries but look like one to a naive detector. */
  readonly distractors: readonly TruthDistractor[];
  /**
   * Every line of on-screen text, one entry per line (a two-line lower third gives two entries with
   * the same frames). Present in clips made for text, cue and motion analysis; absent elsewhere.
   */
  readonly texts?: readonly TruthText[];
  /** Technical cues; present where `texts` is. */
  readonly cues?: readonly TruthCue[];
  /** Camera motion of every shot, by index into `shots`; present where `texts` is. */
  readonly motion?: readonly TruthMotion[];
}

export interface TruthRange {
  readonly startFrame: number;
  readonly endFrame: number;
  readonly startTime: number;
  readonly endTime: number;
}

export type TruthShot = TruthRange;

/**
 * A cut has startFrame = endFrame = the first frame of the new shot. A gradual transition runs from
 * the first frame that differs from the plain outgoing shot to the first plain incoming frame.
 */
export type TruthTransition =
  | (TruthRange & { readonly type: "cut" | "dissolve" })
  | (TruthRange & {
      readonly type: "fade";
      readonly color: FadeColor;
      /** Frames moving towards the colour, frames of flat colour, frames moving away from it. */
      readonly outFrames: number;
      readonly holdFrames: number;
      readonly inFrames: number;
    });

export type TruthDistractor = TruthRange & { readonly type: DistractorType };

/** A line of text exactly as drawn (NFC), visible on every frame of its range and on no other. */
export type TruthText = TruthRange & {
  readonly text: string;
  /** "lower-third": caption box in the lower left; "top": banner across the top; "full": full-screen card. */
  readonly region: TextRegion;
  readonly language: TextLanguage;
};

/**
 * "bars": the line-up pattern (with 1 kHz tone under it). "black": flat black frames, including
 * those of fades through black. "freeze": frames that all repeat the range's first frame exactly
 * (before encoding). "silence": digital silence in the audio, aligned to frames.
 */
export type TruthCue = TruthRange & { readonly type: CueType };

/**
 * Named from the camera's point of view: "pan-right" means the camera turns right, so the picture
 * content moves left; "tilt-down" means the camera tilts down, content moves up. "static" is a
 * locked-off camera even when something moves inside the frame; "handheld" an unsteady camera
 * without a deliberate move.
 */
export interface TruthMotion {
  /** Index into `shots`. */
  readonly shot: number;
  readonly type: CameraMotion;
}

export async function writeGroundTruth(path: string, truth: GroundTruth): Promise<void> {
  const problems = groundTruthProblems(truth);
  if (problems.length > 0) throw new Error(`refusing to write inconsistent truth ${path}: ${problems.join("; ")}`);
  // Written whole and renamed: a reader never sees half a file, and a truth only exists when complete.
  const temporary = `${path}.partial-${process.pid}`;
  await writeFile(temporary, `${JSON.stringify(truth, null, 2)}\n`, "utf8");
  await rename(temporary, path);
}

export async function readGroundTruth(path: string): Promise<GroundTruth> {
  const truth = JSON.parse(await readFile(path, "utf8")) as GroundTruth;
  const problems = groundTruthProblems(truth);
  if (problems.length > 0) throw new Error(`inconsistent truth ${path}: ${problems.join("; ")}`);
  return truth;
}

/** The invariants every consumer may rely on; empty when the truth is consistent. */
export function groundTruthProblems(truth: GroundTruth): string[] {
  const problems: string[] = [];
  if (typeof truth.frameCount !== "number" || !Array.isArray(truth.shots)) return ["not a ground truth file"];
  let expected = 0;
  for (const shot of truth.shots) {
    if (shot.startFrame !== expected) problems.push(`shot at ${shot.startFrame} should start at ${expected}`);
    if (shot.endFrame <= shot.startFrame) problems.push(`empty shot at ${shot.startFrame}`);
    expected = shot.endFrame;
  }
  if (expected !== truth.frameCount) problems.push(`shots end at ${expected}, not at frame count ${truth.frameCount}`);
  if (truth.transitions.length !== truth.shots.length - 1)
    problems.push("need one transition between each pair of shots");
  truth.transitions.forEach((t, i) => {
    const next = truth.shots[i + 1];
    const boundary = Math.floor((t.startFrame + t.endFrame) / 2);
    if (t.type === "cut" && t.startFrame !== t.endFrame) problems.push(`cut at ${t.startFrame} has a length`);
    if (t.type !== "cut" && t.endFrame <= t.startFrame) problems.push(`${t.type} at ${t.startFrame} is empty`);
    if (t.type === "fade" && t.outFrames + t.holdFrames + t.inFrames !== t.endFrame - t.startFrame) {
      problems.push(`fade at ${t.startFrame}: its parts do not add up to its length`);
    }
    if (next && next.startFrame !== boundary) problems.push(`shot ${i + 1} should start at ${boundary}`);
  });
  const ranges = [
    ...truth.distractors.map((d) => ({ what: `${d.type} distractor`, ...d })),
    ...(truth.texts ?? []).map((t) => ({ what: `text "${t.text}"`, ...t })),
    ...(truth.cues ?? []).map((c) => ({ what: `${c.type} cue`, ...c })),
  ];
  for (const r of ranges) {
    if (r.startFrame < 0 || r.endFrame > truth.frameCount || r.endFrame <= r.startFrame) {
      problems.push(`${r.what} ${r.startFrame}-${r.endFrame} is out of range`);
    }
  }
  for (const t of truth.texts ?? []) if (t.text.trim() === "") problems.push(`empty text at ${t.startFrame}`);
  const motionShots = (truth.motion ?? []).map((m) => m.shot);
  if (
    motionShots.some(
      (shot, i) =>
        !Number.isInteger(shot) || shot < 0 || shot >= truth.shots.length || shot <= (motionShots[i - 1] ?? -1),
    )
  ) {
    problems.push("motion entries must name existing shots in increasing order");
  }
  return problems;
}

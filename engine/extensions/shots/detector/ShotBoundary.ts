export type TransitionType = "cut" | "dissolve" | "fade";

/**
 * Where one shot ends and the next begins. `frame` is the first frame of the new shot; for a cut the
 * transition range is empty at that frame, for a dissolve or fade it is [startFrame, endFrame) and
 * the new shot starts in its middle. Frames are 0-based from the file's first frame.
 */
export interface ShotBoundary {
  readonly type: TransitionType;
  readonly frame: number;
  readonly startFrame: number;
  readonly endFrame: number;
  /** How clearly the detector saw it, 0..1. */
  readonly confidence: number;
  /** For fades: the colour faded through. */
  readonly color?: "black" | "white" | "other";
}

/** Tuning that users may change. */
export interface DetectionThresholds {
  /** 0 (only obvious changes) .. 1 (every plausible change); 0.5 is the tuned default. */
  readonly sensitivity: number;
}

/** Multiplier for score thresholds: 1 at the default sensitivity, 2 at 0, 0.5 at 1. */
export function thresholdScale(t: DetectionThresholds): number {
  return 2 ** ((0.5 - Math.min(1, Math.max(0, t.sensitivity))) * 2);
}

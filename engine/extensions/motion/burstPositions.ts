import type { Shot } from "@sichter/engine/extension-api";

/** Consecutive frames decoded per burst: 5 frame pairs, enough to tell a steady move from wobble. */
export const BURST_FRAMES = 6;
/** One burst per this many seconds of shot (at least one; two from 2 s on). */
export const SECONDS_PER_BURST = 4;

/**
 * Where to measure bursts in a shot: spread evenly over the shot after its opening transition, by
 * time alone. Not moved onto keyframes or frame runs: those sit where an encoder put its GOPs, so
 * an H.264 and a ProRes copy of one picture would be measured on different frames and could be
 * tagged differently. A burst inside a GOP costs the frames before it in that GOP.
 */
export function burstPositions(shot: Shot, fps: number): number[] {
  const first = Math.max(shot.startFrame, shot.transition ? shot.transition.endFrame : shot.startFrame);
  const last = shot.endFrame - BURST_FRAMES; // latest burst start
  if (last < first) return shot.endFrame - shot.startFrame >= 3 ? [shot.startFrame] : [];
  const length = last - first + BURST_FRAMES;
  const seconds = length / fps;
  const count = Math.max(seconds >= 2 ? 2 : 1, Math.round(seconds / SECONDS_PER_BURST));
  const spacing = (last - first + 1) / count;
  const positions: number[] = [];
  for (let i = 0; i < count; i++) {
    const at = Math.min(last, Math.max(first, Math.round(first + (i + 0.5) * spacing - BURST_FRAMES / 2)));
    if (!positions.includes(at)) positions.push(at);
  }
  return positions;
}

import type { Shot } from "@sichter/shared/model";

/** Consecutive frames decoded per burst: 5 frame pairs, enough to tell a steady move from wobble. */
export const BURST_FRAMES = 6;
/** One burst per this many seconds of shot (at least one; two from 2 s on). */
export const SECONDS_PER_BURST = 4;

/**
 * Where to decode bursts in a shot: spread evenly over the shot after its opening transition, each
 * moved onto a keyframe when one is near (a burst that starts on a keyframe costs 6 decoded frames;
 * anywhere else it costs the GOP before it as well). Where a frame run is at hand (`runStarts`, see
 * FrameRuns), a near one wins over a nearer keyframe: it costs no decoding at all.
 */
export function burstPositions(shot: Shot, keyframes: readonly number[], fps: number, runStarts: ReadonlySet<number> = new Set()): number[] {
  const first = Math.max(shot.startFrame, shot.transition ? shot.transition.endFrame : shot.startFrame);
  const last = shot.endFrame - BURST_FRAMES; // latest burst start
  if (last < first) return shot.endFrame - shot.startFrame >= 3 ? [shot.startFrame] : [];
  const length = last - first + BURST_FRAMES;
  const seconds = length / fps;
  const count = Math.max(seconds >= 2 ? 2 : 1, Math.round(seconds / SECONDS_PER_BURST));
  const spacing = (last - first + 1) / count;
  const positions: number[] = [];
  for (let i = 0; i < count; i++) {
    const wanted = Math.round(first + (i + 0.5) * spacing - BURST_FRAMES / 2);
    const desired = Math.min(last, Math.max(first, wanted));
    const nearest = (candidates: Iterable<number>): number | undefined => {
      let best: number | undefined;
      let bestDistance = spacing / 2;
      for (const k of candidates) {
        if (k < first || k > last) continue;
        const distance = Math.abs(k - desired);
        if (distance <= bestDistance && !positions.includes(k)) {
          best = k;
          bestDistance = distance;
        }
      }
      return best;
    };
    const best = nearest(runStarts) ?? nearest(keyframes) ?? desired;
    if (!positions.includes(best)) positions.push(best);
  }
  return positions.sort((a, b) => a - b);
}

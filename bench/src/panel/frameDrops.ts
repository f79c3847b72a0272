/**
 * Dropped frames from requestAnimationFrame timestamps: a callback that comes more than half a frame
 * late skipped one or more frames. The frame interval is the median delta of the run itself (60 Hz
 * is 16.7 ms; a headless browser may tick at another rate), so a steady run counts no drops.
 */
export interface FrameStats {
  readonly frames: number;
  readonly intervalMs: number;
  readonly dropped: number;
  readonly longestMs: number;
}

export function frameDeltas(timestamps: readonly number[]): number[] {
  const deltas: number[] = [];
  for (let i = 1; i < timestamps.length; i++) deltas.push(timestamps[i]! - timestamps[i - 1]!);
  return deltas;
}

export function medianOf(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Frames missed between callbacks `deltas` apart when frames come every `intervalMs`. */
export function countDroppedFrames(deltas: readonly number[], intervalMs: number): number {
  if (!(intervalMs > 0)) throw new Error(`the frame interval must be positive, not ${intervalMs}`);
  return deltas.reduce((dropped, delta) => dropped + Math.max(0, Math.round(delta / intervalMs) - 1), 0);
}

export function frameStats(timestamps: readonly number[], intervalMs?: number): FrameStats {
  const deltas = frameDeltas(timestamps);
  const interval = intervalMs ?? medianOf(deltas);
  return {
    frames: deltas.length,
    intervalMs: interval,
    dropped: deltas.length === 0 ? 0 : countDroppedFrames(deltas, interval),
    longestMs: deltas.length === 0 ? 0 : Math.max(...deltas),
  };
}

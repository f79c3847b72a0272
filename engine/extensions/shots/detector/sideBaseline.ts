/**
 * The typical score of one side of candidate n: the median (or another quantile) over up to
 * `radius` frames walking away from n in `direction`. Infinity when no frame is there (that side
 * does not count).
 */
export function sideBaseline(
  values: readonly number[],
  n: number,
  direction: -1 | 1,
  radius: number,
  quantile = 0.5,
): number {
  const side: number[] = [];
  for (let i = n + direction; Math.abs(i - n) <= radius; i += direction) {
    const v = values[i];
    if (v === undefined) break;
    if (!Number.isNaN(v)) side.push(v);
  }
  if (side.length === 0) return Infinity;
  side.sort((a, b) => a - b);
  return side[Math.min(side.length - 1, Math.floor(side.length * quantile))]!;
}

/** The busier side's baseline (sideBaseline) around n; 0 when neither side has a frame. */
export function busierSideBaseline(values: readonly number[], n: number, radius: number, quantile = 0.5): number {
  return Math.max(
    0,
    ...([-1, 1] as const).map((side) => sideBaseline(values, n, side, radius, quantile)).filter((v) => v !== Infinity),
  );
}

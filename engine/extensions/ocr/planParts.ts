import type { PlannedSample } from "./ocrSamplePlan.ts";

/**
 * The plan in at most `count` consecutive parts of about the same number of samples, each cut at
 * the shot boundary nearest to its ideal place: readings are reused within a shot only, so a cut
 * there changes no reading. A plan within one shot stays whole.
 */
export function planParts(plan: readonly PlannedSample[], count: number): PlannedSample[][] {
  const starts: number[] = [];
  for (let i = 1; i < plan.length; i++) if (isShotStart(plan, i)) starts.push(i);
  const cuts = new Set<number>();
  for (let k = 1; k < count; k++) {
    const ideal = (k * plan.length) / count;
    const nearest = starts.reduce<number | undefined>((best, i) => (best === undefined || Math.abs(i - ideal) < Math.abs(best - ideal) ? i : best), undefined);
    if (nearest !== undefined) cuts.add(nearest);
  }
  const parts: PlannedSample[][] = [];
  let start = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    parts.push(plan.slice(start, cut));
    start = cut;
  }
  parts.push(plan.slice(start));
  return parts;
}

function isShotStart(plan: readonly PlannedSample[], i: number): boolean {
  return i > 0 && i < plan.length && plan[i]!.shot !== plan[i - 1]!.shot;
}

import { detectCuts } from "./detectCuts.ts";
import { detectDissolves } from "./detectDissolves.ts";
import { detectFades } from "./detectFades.ts";
import type { DetectionThresholds, ShotBoundary } from "./ShotBoundary.ts";
import type { SignalSeries } from "./ShotSignals.ts";

/**
 * All boundaries in one run of consecutive frames. Fades are the most specific pattern, so they claim
 * their frames first; cuts inside a fade's ramps are the fade itself; dissolves are looked for only
 * where neither found anything.
 */
export function decideBoundaries(series: SignalSeries, thresholds: DetectionThresholds): ShotBoundary[] {
  const fades = detectFades(series);
  const cuts = detectCuts(series, thresholds).filter(
    (c) => !fades.some((f) => c.frame >= f.startFrame - 1 && c.frame <= f.endFrame + 1),
  );
  const dissolves = detectDissolves(series, thresholds, [...fades, ...cuts]);
  return [...fades, ...cuts, ...dissolves].sort((a, b) => a.frame - b.frame);
}

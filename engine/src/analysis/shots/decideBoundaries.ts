import { detectColourCuts } from "./detectColourCuts.ts";
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
  const lumaCuts = detectCuts(series, thresholds);
  // A colour change next to a structural cut is that cut seen in colour too.
  const colourCuts = detectColourCuts(series, thresholds).filter((c) => !lumaCuts.some((l) => Math.abs(l.frame - c.frame) <= 1));
  const cuts = [...lumaCuts, ...colourCuts].filter(
    (c) => !fades.some((f) => c.frame >= f.startFrame - 1 && c.frame <= f.endFrame + 1),
  );
  const dissolves = detectDissolves(series, thresholds, [...fades, ...cuts]);
  return [...fades, ...cuts, ...dissolves].sort((a, b) => a.frame - b.frame);
}

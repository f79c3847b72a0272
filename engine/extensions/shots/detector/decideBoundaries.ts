import { detectColourCuts } from "./detectColourCuts.ts";
import { detectColourJumps } from "./detectColourJumps.ts";
import { detectCuts } from "./detectCuts.ts";
import { detectDissolves } from "./detectDissolves.ts";
import { detectFades } from "./detectFades.ts";
import { detectStatisticRamps } from "./detectStatisticRamps.ts";
import { asShortDissolve } from "./shortDissolves.ts";
import { steadyChange } from "./steadyChange.ts";
import type { DetectionThresholds, ShotBoundary } from "./ShotBoundary.ts";
import { FLAT_STD } from "./LumaFrame.ts";
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
  const colourCuts = detectColourCuts(series, thresholds).filter(
    (c) => !lumaCuts.some((l) => Math.abs(l.frame - c.frame) <= 1),
  );
  // Where no block can be matched (a fast pan over fine detail), only the mean colour tells.
  for (const j of detectColourJumps(series, thresholds))
    if (![...lumaCuts, ...colourCuts].some((l) => Math.abs(l.frame - j.frame) <= 1)) colourCuts.push(j);
  const candidates = [...lumaCuts, ...colourCuts].filter(
    (c) => !fades.some((f) => c.frame >= f.startFrame - 1 && c.frame <= f.endFrame + 1),
  );
  // A dissolve of a few frames can peak like a cut in one of its steps.
  const cuts: ShotBoundary[] = [];
  const short: ShotBoundary[] = [];
  for (const c of candidates) {
    const blend = asShortDissolve(series, c);
    if (!blend) cuts.push(c);
    else if (!short.some((s) => s.startFrame <= blend.endFrame && blend.startFrame <= s.endFrame)) short.push(blend);
  }
  // A picture that only keeps changing steadily looks like a blend over any span.
  const blends = detectDissolves(series, thresholds, [...fades, ...cuts, ...short]).filter(
    (d) => !steadyChange(series, d.startFrame - series.firstFrame, d.endFrame - series.firstFrame),
  );
  // Where busy texture hides the blend, the pictures' statistics still ramp from shot to shot.
  const ramps = detectStatisticRamps(series, thresholds, [...fades, ...cuts, ...short, ...blends]);
  const dissolves = [...short, ...blends, ...ramps].map((d) => asFadeWhereFlat(series, d));
  return [...fades, ...cuts, ...dissolves].sort((a, b) => a.frame - b.frame);
}

/** Levels below or above which a flat frame is black or white (noise keeps it off isFadeFrame). */
const DARK = 40;
const BRIGHT = 215;

/**
 * A blend whose one end is a flat black or white frame is a fade, whatever noise or grain kept that
 * frame from passing for the bottom of a fade: an editor looks for fades to black, not dissolves.
 */
function asFadeWhereFlat(series: SignalSeries, d: ShotBoundary): ShotBoundary {
  for (const i of [d.startFrame - 1 - series.firstFrame, d.endFrame - series.firstFrame]) {
    if (i < 0 || i >= series.length) continue;
    const mean = series.mean[i]!;
    if (series.std[i]! < FLAT_STD && (mean < DARK || mean > BRIGHT))
      return { ...d, type: "fade", color: mean < DARK ? "black" : "white" };
  }
  return d;
}

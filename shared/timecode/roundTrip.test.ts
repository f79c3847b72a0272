import { describe, expect, it } from "vitest";
import { formatWithScheme } from "./formatTimecode.ts";
import { frameRate, parseFrameRate } from "./FrameRate.ts";
import { parseWithScheme } from "./parseTimecode.ts";
import { framesToTimecodeParts } from "./TimecodeParts.ts";
import { resolveTimecodeScheme, type TimecodeScheme } from "./TimecodeScheme.ts";

// These loops run millions of times, so they count mismatches and report the first few instead of
// calling expect per frame (which would cost minutes).

/**
 * Walks every frame of a day with an independent odometer model of the label (advance the frames
 * field, carry into seconds/minutes/hours, skip the dropped labels when a non-tenth minute starts)
 * and compares it with framesToTimecodeParts. Optionally also formats and parses every frame.
 */
function walkDay(scheme: TimecodeScheme, withStrings: boolean): string[] {
  const problems: string[] = [];
  const report = (message: string) => {
    if (problems.length < 5) problems.push(message);
  };
  const n = scheme.nominalRate;
  const dropped = scheme.droppedPerMinute;
  let hours = 0;
  let minutes = 0;
  let seconds = 0;
  let frames = 0;
  let previous = "";
  for (let frame = 0; frame < scheme.framesPerDay; frame++) {
    const parts = framesToTimecodeParts(scheme, frame);
    if (parts.hours !== hours || parts.minutes !== minutes || parts.seconds !== seconds || parts.frames !== frames) {
      const expected = `${hours}:${minutes}:${seconds}:${frames}`;
      report(`frame ${frame}: got ${JSON.stringify(parts)}, odometer ${expected}`);
    }
    if (dropped > 0 && parts.seconds === 0 && parts.frames < dropped && parts.minutes % 10 !== 0) {
      report(`frame ${frame} is labelled with a dropped frame number`);
    }
    if (withStrings) {
      const text = formatWithScheme(scheme, frame);
      if (!(text > previous)) report(`frame ${frame}: "${text}" does not follow "${previous}"`);
      const back = parseWithScheme(scheme, text);
      if (back !== frame) report(`frame ${frame}: "${text}" parses back as ${back}`);
      previous = text;
    }
    frames++;
    if (frames === n) {
      frames = 0;
      seconds++;
      if (seconds === 60) {
        seconds = 0;
        minutes++;
        if (minutes === 60) {
          minutes = 0;
          hours++;
        }
        if (minutes % 10 !== 0) frames = dropped;
      }
    }
  }
  // After the last frame the odometer must have rolled over to exactly 24:00:00:00.
  if (hours !== 24 || minutes !== 0 || seconds !== 0 || frames !== 0) {
    report(`day ends at ${hours}:${minutes}:${seconds}:${frames}, not 24:00:00:00`);
  }
  return problems;
}

describe("every frame of 24 hours", () => {
  it("29.97 DF: labels match the odometer, strings rise strictly and parse back", () => {
    const scheme = resolveTimecodeScheme({ rate: parseFrameRate("29.97"), dropFrame: true });
    expect(scheme.framesPerDay).toBe(2_589_408);
    expect(walkDay(scheme, true)).toEqual([]);
  });

  it("59.94 DF: labels match the odometer, strings rise strictly and parse back", () => {
    const scheme = resolveTimecodeScheme({ rate: parseFrameRate("59.94"), dropFrame: true });
    expect(scheme.framesPerDay).toBe(5_178_816);
    expect(walkDay(scheme, true)).toEqual([]);
  });

  it("25 fps: labels match the odometer, strings rise strictly and parse back", () => {
    const scheme = resolveTimecodeScheme({ rate: frameRate(25) });
    expect(walkDay(scheme, true)).toEqual([]);
  });
});

describe("sampled frames of 24 hours at the other rates", () => {
  it.each(["23.976", "24", "29.97", "30", "50", "59.94", "60"])("%s NDF round-trips", (text) => {
    const scheme = resolveTimecodeScheme({ rate: parseFrameRate(text) });
    const failures: number[] = [];
    const day = scheme.framesPerDay;
    // A stride coprime to every nominal rate visits all frame fields; the day's edges are added.
    const samples: number[] = [0, 1, day - 2, day - 1];
    for (let frame = 0; frame < day; frame += 101) samples.push(frame);
    let previous = "";
    for (const frame of samples.slice(4)) {
      const label = formatWithScheme(scheme, frame);
      if (parseWithScheme(scheme, label) !== frame || !(label > previous)) failures.push(frame);
      previous = label;
    }
    for (const frame of samples.slice(0, 4)) {
      if (parseWithScheme(scheme, formatWithScheme(scheme, frame)) !== frame) failures.push(frame);
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });
});

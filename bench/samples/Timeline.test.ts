import { describe, expect, it } from "vitest";
import { catalog } from "./catalog.ts";
import { frameStartTicks, ptsExpression } from "./FrameTiming.ts";
import { groundTruthProblems, type GroundTruth } from "./GroundTruth.ts";
import { looks } from "./palette.ts";
import { prepareRecipe } from "./Recipe.ts";
import { CUT, dissolve, fade, layoutTimeline, type ShotSpec, type Timeline } from "./Timeline.ts";

function timeline(shots: ShotSpec[]): Timeline {
  return { width: 640, height: 360, rate: { num: 25, den: 1 }, fieldsPerFrame: 1, shots };
}

describe("layoutTimeline", () => {
  it("places a cut at the first frame of the new shot", () => {
    const layout = layoutTimeline(
      timeline([
        { look: looks.bars, frames: 10 },
        { look: looks.counter, frames: 5, in: CUT },
      ]),
    );
    expect(layout.frameCount).toBe(15);
    expect(layout.transitions[0]?.range).toEqual({ start: 10, end: 10 });
    expect(layout.shots.map((s) => s.span)).toEqual([
      { start: 0, end: 10 },
      { start: 10, end: 15 },
    ]);
  });

  it("hands a dissolve over in its middle frame and counts every blended frame", () => {
    const layout = layoutTimeline(
      timeline([
        { look: looks.bars, frames: 10 },
        { look: looks.counter, frames: 5, in: dissolve(7) },
      ]),
    );
    expect(layout.frameCount).toBe(22);
    expect(layout.transitions[0]?.range).toEqual({ start: 10, end: 17 });
    expect(layout.shots[1]?.span).toEqual({ start: 13, end: 22 });
    expect(layout.shots[1]?.body).toEqual({ start: 17, end: 22 });
    expect(layout.shots[0]?.tailFrames).toBe(7);
    expect(layout.shots[1]?.headFrames).toBe(7);
  });

  it("makes a fade out, hold and in one transition", () => {
    const layout = layoutTimeline(
      timeline([
        { look: looks.bars, frames: 10 },
        { look: looks.counter, frames: 5, in: fade("black", 3, 4, 5) },
      ]),
    );
    expect(layout.transitions[0]?.range).toEqual({ start: 10, end: 22 });
    expect(layout.shots[1]?.span.start).toBe(16);
    expect(layout.shots[0]?.tailFrames).toBe(3);
    expect(layout.shots[1]?.headFrames).toBe(5);
  });

  it("places events relative to the shot's first plain frame", () => {
    const layout = layoutTimeline(
      timeline([
        { look: looks.bars, frames: 10 },
        {
          look: looks.counter,
          frames: 20,
          in: dissolve(4),
          events: [
            { type: "flash", at: 3, frames: 2 },
            { type: "lowerThird", at: 5, frames: 10 },
          ],
        },
      ]),
    );
    expect(layout.distractors).toEqual([
      { type: "flash", range: { start: 17, end: 19 } },
      { type: "overlay", range: { start: 19, end: 29 } },
    ]);
  });

  it("reports camera moves as distractors", () => {
    const layout = layoutTimeline(
      timeline([
        { look: looks.bars, frames: 10 },
        { look: { kind: "pan", still: { kind: "mosaic" }, move: { at: 2, frames: 5, velocity: [40, 0] } }, frames: 10 },
      ]),
    );
    expect(layout.distractors).toEqual([{ type: "pan", range: { start: 12, end: 17 } }]);
  });

  it("rejects events outside the plain frames and empty transitions", () => {
    expect(() =>
      layoutTimeline(timeline([{ look: looks.bars, frames: 10, events: [{ type: "flash", at: 9, frames: 2 }] }])),
    ).toThrow(/plain frames/);
    expect(() =>
      layoutTimeline(
        timeline([
          { look: looks.bars, frames: 10 },
          { look: looks.bars, frames: 3, in: dissolve(0) },
        ]),
      ),
    ).toThrow(/dissolve/);
  });
});

describe("frame timing", () => {
  const timing = {
    timeBase: { num: 1, den: 150 },
    segments: [
      { frames: 3, cycle: [6] },
      { frames: 4, cycle: [5, 3] },
      { frames: 1, cycle: [6, 6, 5] },
    ],
  };

  it("accumulates ticks segment by segment, the last segment running to the end", () => {
    expect(frameStartTicks(timing, 10)).toEqual([0, 6, 12, 18, 23, 26, 31, 34, 40, 46, 51]);
  });

  it("writes the same times as a setpts expression", () => {
    const expr = ptsExpression(timing, 10);
    const starts = frameStartTicks(timing, 10);
    for (let n = 0; n < 10; n++) expect(evaluate(expr, n)).toBe(starts[n]);
  });
});

describe("catalog", () => {
  it("describes consistent truths for every sample", () => {
    for (const definition of catalog) {
      const { truth } = prepareRecipe(definition);
      expect(groundTruthProblems(truth), truth.file).toEqual([]);
    }
  });

  it("is deterministic: the same recipe and truth on every run", () => {
    for (const definition of catalog) {
      const a = prepareRecipe(definition);
      const b = prepareRecipe(definition);
      expect(JSON.stringify(a.truth)).toBe(JSON.stringify(b.truth));
      expect(a.ffmpegArgs("x")).toEqual(b.ffmpegArgs("x"));
    }
  });

  it("keeps the long clip at ten minutes with 5 to 40 s shots and distinct neighbours", () => {
    const definition = catalog.find((d) => d.long);
    expect(definition).toBeDefined();
    const { truth, layout } = prepareRecipe(definition as (typeof catalog)[number]);
    expect(truth.frameCount).toBe(15_000);
    for (const shot of layout.shots) {
      expect(shot.spec.frames).toBeGreaterThanOrEqual(125);
      expect(shot.spec.frames).toBeLessThanOrEqual(1000);
    }
    layout.shots.slice(1).forEach((shot, i) => {
      expect(JSON.stringify(shot.spec.look)).not.toBe(JSON.stringify(layout.shots[i]?.spec.look));
    });
    expect(truth.transitions.some((t) => t.type === "dissolve")).toBe(true);
  });
});

describe("groundTruthProblems", () => {
  const good = prepareRecipe(catalog[0] as (typeof catalog)[number]).truth;

  it("finds gaps, a wrong frame count and a misplaced shot start", () => {
    const shots = good.shots.map((s) => ({ ...s }));
    (shots[1] as { startFrame: number }).startFrame += 1;
    const broken: GroundTruth = { ...good, shots, frameCount: good.frameCount + 1 };
    const problems = groundTruthProblems(broken);
    expect(problems.some((p) => p.includes("should start at"))).toBe(true);
    expect(problems.some((p) => p.includes("frame count"))).toBe(true);
  });
});

/**
 * A small evaluator for the subset of ffmpeg's expression language ptsExpression emits, so the
 * expression is checked without running ffmpeg.
 */
function evaluate(expr: string, n: number): number {
  let pos = 0;
  const peek = () => expr[pos];
  const parseSum = (): number => {
    let value = parseProduct();
    for (;;) {
      if (peek() === "+") {
        pos++;
        value += parseProduct();
      } else if (peek() === "-") {
        pos++;
        value -= parseProduct();
      } else return value;
    }
  };
  const parseProduct = (): number => {
    let value = parseAtom();
    for (;;) {
      if (peek() === "*") {
        pos++;
        value *= parseAtom();
      } else if (peek() === "/") {
        pos++;
        value /= parseAtom();
      } else return value;
    }
  };
  const parseArgs = (): number[] => {
    const args: number[] = [];
    pos++; // (
    for (;;) {
      args.push(parseSum());
      if (peek() === ",") pos++;
      else break;
    }
    pos++; // )
    return args;
  };
  const parseAtom = (): number => {
    if (peek() === "(") {
      pos++;
      const value = parseSum();
      pos++;
      return value;
    }
    const name = /^[a-zA-Z]+/.exec(expr.slice(pos))?.[0];
    if (name) {
      pos += name.length;
      if (name === "N") return n;
      const [a = 0, b = 0, c = 0] = parseArgs();
      const fns: Record<string, number> = {
        if: a !== 0 ? b : c,
        lt: a < b ? 1 : 0,
        gte: a >= b ? 1 : 0,
        mod: a - b * Math.floor(a / b),
        floor: Math.floor(a),
      };
      const result = fns[name];
      if (result === undefined) throw new Error(`unknown function ${name}`);
      return result;
    }
    const number = /^\d+(\.\d+)?/.exec(expr.slice(pos))?.[0];
    if (!number) throw new Error(`cannot parse at ${expr.slice(pos)}`);
    pos += number.length;
    return Number(number);
  };
  return parseSum();
}

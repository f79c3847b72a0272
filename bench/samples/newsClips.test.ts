import { describe, expect, it } from "vitest";
import { textProblems } from "./Captions.ts";
import { catalog } from "./catalog.ts";
import { cameraMotion } from "./Motion.ts";
import { news, newsLong } from "./newsClips.ts";
import { looks } from "./palette.ts";
import { prepareRecipe } from "./Recipe.ts";
import { CUT, fade, layoutTimeline, type ShotSpec, type Timeline } from "./Timeline.ts";

function timeline(shots: ShotSpec[], fieldsPerFrame: 1 | 2 = 1): Timeline {
  return { width: 640, height: 360, rate: { num: 25, den: 1 }, fieldsPerFrame, shots };
}

const caption = { type: "text", region: "lower-third", language: "de", lines: ["Köln"] } as const;

describe("news timeline features", () => {
  it("treats black cut in hard as a fade with empty ramps", () => {
    const layout = layoutTimeline(
      timeline([
        { look: { kind: "bars" }, frames: 10 },
        { look: looks.counter, frames: 5, in: fade("black", 0, 4, 0) },
      ]),
    );
    expect(layout.transitions[0]?.range).toEqual({ start: 10, end: 14 });
    expect(layout.shots[1]?.span.start).toBe(12);
    expect(layout.shots[0]?.tailFrames).toBe(0);
    expect(() =>
      layoutTimeline(
        timeline([
          { look: looks.bars, frames: 10 },
          { look: looks.counter, frames: 5, in: fade("black", 0, 0, 0) },
        ]),
      ),
    ).toThrow(/fade length/);
  });

  it("makes popping text a distractor, text over the whole shot not", () => {
    const layout = layoutTimeline(
      timeline([
        { look: looks.bars, frames: 10, events: [{ ...caption, at: 2, frames: 5 }] },
        { look: looks.counter, frames: 8, in: CUT, events: [{ ...caption, at: 0, frames: 8 }] },
      ]),
    );
    expect(layout.texts.map((t) => t.range)).toEqual([
      { start: 2, end: 7 },
      { start: 10, end: 18 },
    ]);
    expect(layout.distractors).toEqual([{ type: "overlay", range: { start: 2, end: 7 } }]);
  });

  it("places freezes inside the plain frames of progressive shots only", () => {
    const shot: ShotSpec = { look: looks.spiralA, frames: 20, freeze: { at: 5, frames: 10 } };
    expect(layoutTimeline(timeline([{ look: looks.bars, frames: 3 }, shot])).freezes).toEqual([{ start: 8, end: 18 }]);
    expect(() => layoutTimeline(timeline([{ ...shot, freeze: { at: 15, frames: 10 } }]))).toThrow(/plain frames/);
    expect(() => layoutTimeline(timeline([shot], 2))).toThrow(/progressive/);
  });

  it("names camera motion from the camera: content moving left is a pan right", () => {
    const motion = (look: ShotSpec["look"]) =>
      cameraMotion(layoutTimeline(timeline([{ look, frames: 50 }])).shots[0] as Parameters<typeof cameraMotion>[0]);
    const still = { kind: "mosaic" } as const;
    expect(motion({ kind: "pan", still, drift: [5, 0] })).toBe("pan-right");
    expect(motion({ kind: "pan", still, drift: [-5, 1] })).toBe("pan-left");
    expect(motion({ kind: "pan", still, drift: [0, 5] })).toBe("tilt-down");
    expect(motion({ kind: "pan", still, drift: [0, -5] })).toBe("tilt-up");
    expect(motion({ kind: "pan", still, drift: [5, 5] })).toBeUndefined();
    expect(motion({ kind: "pan", still, shake: 5 })).toBe("handheld");
    expect(motion({ kind: "zoom", still, move: { at: 2, frames: 40, to: 2 } })).toBe("zoom-in");
    expect(motion({ kind: "zoom", still, move: { at: 2, frames: 40, from: 2, to: 1 } })).toBe("zoom-out");
    expect(motion({ kind: "bars" })).toBe("static");
    expect(motion(looks.lifeGold)).toBeUndefined();
  });

  it("refuses text that would not fit or whose truth would differ from its pixels", () => {
    expect(textProblems("lower-third", ["Bürgermeisterin Anna Schäfer"])).toEqual([]);
    expect(textProblems("lower-third", ["a", "b", "c"])).not.toEqual([]);
    expect(textProblems("lower-third", ["x".repeat(35)])).not.toEqual([]);
    expect(textProblems("top", ["Ko\u0308ln"])).not.toEqual([]);
    expect(textProblems("full", [" padded"])).not.toEqual([]);
  });
});

describe("news clips", () => {
  const short = prepareRecipe(news).truth;
  const long = prepareRecipe(newsLong).truth;

  it("puts the short clip in the default set and the five-minute clip behind --long", () => {
    expect(catalog.find((d) => d.file === news.file)?.long).toBeUndefined();
    expect(newsLong.long).toBe(true);
    expect(long.frameCount).toBe(7500);
    // The ten-minute clip stays the first long one: its own test looks it up that way.
    expect(catalog.find((d) => d.long)?.file).toBe("h264-long-1080p25.mp4");
  });

  it("opens with bars and tone, then a second of silent black", () => {
    expect(short.cues?.slice(0, 3).map((c) => [c.type, c.startFrame, c.endFrame])).toEqual([
      ["bars", 0, 50],
      ["black", 50, 75],
      ["silence", 50, 75],
    ]);
    expect(short.transitions[0]).toMatchObject({ type: "fade", outFrames: 0, holdFrames: 25, inFrames: 0 });
    expect(short.hasAudio).toBe(true);
  });

  it("has every ingredient the brief asks for", () => {
    const types = (truth: typeof short) => new Set(truth.motion?.map((m) => m.type));
    expect([...types(short)].sort()).toEqual(["handheld", "pan-left", "pan-right", "static", "tilt-down", "zoom-in"]);
    expect(types(long).size).toBe(8);
    for (const truth of [short, long]) {
      const cueTypes = new Set(truth.cues?.map((c) => c.type));
      expect([...cueTypes].sort()).toEqual(["bars", "black", "freeze", "silence"]);
      expect(new Set(truth.texts?.map((t) => t.region))).toEqual(new Set(["lower-third", "top", "full"]));
      expect(new Set(truth.texts?.map((t) => t.language))).toEqual(new Set(["de", "en"]));
      // Black is silent and silence is black.
      const ranges = (type: string) =>
        truth.cues?.filter((c) => c.type === type).map((c) => [c.startFrame, c.endFrame]);
      expect(ranges("silence")).toEqual(ranges("black"));
    }
    const freeze = short.cues?.find((c) => c.type === "freeze");
    expect(freeze && freeze.endFrame - freeze.startFrame).toBe(50);
  });

  it("has at least 40 distinct lower-third lines, with umlauts and ß", () => {
    const lines = new Set(
      [...(short.texts ?? []), ...(long.texts ?? [])].filter((t) => t.region === "lower-third").map((t) => t.text),
    );
    expect(lines.size).toBeGreaterThanOrEqual(40);
    const all = [...lines].join(" ");
    for (const letter of ["ä", "ö", "ü", "ß", "Ä", "Ö", "Ü"]) expect(all).toContain(letter);
  });

  it("never shows text over a freeze frame (it would not be one)", () => {
    for (const truth of [short, long]) {
      for (const freeze of truth.cues?.filter((c) => c.type === "freeze") ?? []) {
        const over = truth.texts?.filter((t) => t.startFrame < freeze.endFrame && freeze.startFrame < t.endFrame) ?? [];
        expect(
          over.map((t) => t.text),
          `freeze at ${freeze.startFrame}`,
        ).toEqual([]);
      }
    }
  });
});

import { describe, expect, it } from "vitest";
import { layoutClipMarkers } from "@sichter/premiere-common";
import { RESOLVE_COLOR_OF, mergeKeywords, withSichterLine } from "@sichter/resolve-adapter";
import type { TagPlan } from "@sichter/shared/model";
import { createTimecodeContext, formatTimecode, parseFrameRate } from "@sichter/shared/timecode";
import { mergeSameFrame } from "../../adapter/src/layoutResolveMarkers.ts";
import { tagPlan } from "../../adapter/test/resolveFixture.ts";
import { luajit } from "./luajitTestSupport.ts";

const decomposed = "Ko\u0308ln";
const withoutShots: TagPlan = tagPlan({
  markers: [
    { name: "Stille", comment: "technical 90%", startFrame: 40, durationFrames: 25, kind: "cue.silence", color: "red" },
    { name: "  ", comment: "leer", startFrame: 10, durationFrames: 5, kind: "ocr.line", color: "yellow" },
    {
      name: "Schwarzbild",
      comment: "technical 100%",
      startFrame: 40,
      durationFrames: 10,
      kind: "cue.black",
      color: "red",
    },
    { name: "Rathaus", comment: "user", startFrame: 0, durationFrames: 3, kind: "keyword.place", color: "orange" },
  ],
});
const manyKeywords: TagPlan = tagPlan({
  markers: [
    ...tagPlan().markers,
    { name: "köln", comment: "ocr", startFrame: 140, durationFrames: 5, kind: "ocr.line", color: "yellow" },
    { name: decomposed, comment: "ocr", startFrame: 150, durationFrames: 5, kind: "ocr.line", color: "yellow" },
    { name: "Dom", comment: "ocr", startFrame: 160, durationFrames: 5, kind: "ocr.line", color: "yellow" },
    { name: "Brücke", comment: "ocr", startFrame: 170, durationFrames: 5, kind: "ocr.line", color: "yellow" },
  ],
});

describe("the Lua script's rules, in a real LuaJIT, are the plugin's", () => {
  it("lays out, names and colours markers as the plugin does", () => {
    const layouts = [
      { plan: tagPlan(), start: 900_000, dropFrame: false },
      { plan: withoutShots, start: 0, dropFrame: false },
      { plan: manyKeywords, start: 0, dropFrame: false },
      { plan: tagPlan({ frameRate: "30000/1001" }), start: 107_892, dropFrame: true },
    ];
    const keywords = [
      { existing: "Interview, Dom, köln", wanted: ["Rathaus", "Köln"], withdrawn: ["Dom"] },
      { existing: `${decomposed}, Ärger`, wanted: ["köln", "ärger", "Neu, Zwei"], withdrawn: [] },
      { existing: " , a ,, b ", wanted: [" c "], withdrawn: ["A"] },
      { existing: "", wanted: [], withdrawn: ["x"] },
    ];
    const lines = [
      { existing: "Drehort: Rathausplatz", text: "3 Einstellungen." },
      { existing: "Eigenes\r\nSichter: alt\n\n", text: "neu\nzweizeilig" },
      { existing: "Sichter: alt", text: "" },
    ];
    const timecodes = [
      { frame: 1800, rate: "29.97", dropFrame: true },
      { frame: 17_982, rate: "29.97", dropFrame: true },
      { frame: 107_892, rate: "29.97", dropFrame: true },
      { frame: 90_250, rate: "25", dropFrame: false },
      { frame: 3_599, rate: "59.94", dropFrame: true },
      { frame: 86_399, rate: "23.976", dropFrame: false },
    ];
    const jsonTexts = ['{"a":[1,2.5,-3e2,{"b":"K\\u00f6ln \\ud83d\\ude00"}],"c":"x\\"y\\n","d":{},"e":[]}'];
    const lua = luajit("./mirror.lua", { layouts, keywords, lines, timecodes, json: jsonTexts }) as Record<
      string,
      unknown[]
    >;

    expect(lua.layouts).toEqual(
      layouts.map(({ plan, start, dropFrame }) => {
        const timecode = createTimecodeContext({ rate: parseFrameRate(plan.frameRate), dropFrame, start });
        return mergeSameFrame(layoutClipMarkers(plan, { timecode })).map((m) => ({
          ...m,
          color: RESOLVE_COLOR_OF[m.color],
        }));
      }),
    );
    expect(lua.keywords).toEqual(keywords.map((c) => mergeKeywords(c.existing, c.wanted, c.withdrawn).value));
    expect(lua.lines).toEqual(lines.map((c) => withSichterLine(c.existing, c.text)));
    expect(lua.timecodes).toEqual(
      timecodes.map((c) => ({
        label: formatTimecode(c.frame, { rate: parseFrameRate(c.rate), dropFrame: c.dropFrame }),
        back: c.frame,
      })),
    );
    expect((lua.json as string[]).map((text) => JSON.parse(text))).toEqual(jsonTexts.map((text) => JSON.parse(text)));
  });
});

import { describe, expect, it } from "vitest";
import { describeWrite, mergeLogComment } from "./mergeTexts.ts";

describe("describeWrite", () => {
  it("fills x-default and the language entry of an empty description", () => {
    expect(describeWrite({}, "de", "Text")).toEqual({ language: "Text", xDefault: "Text" });
  });

  it("keeps an x-default a person wrote and only sets its own language", () => {
    expect(describeWrite({ "x-default": "Von Hand" }, "de", "Text")).toEqual({ language: "Text", xDefault: null });
  });

  it("updates an x-default that was its own copy", () => {
    expect(describeWrite({ "x-default": "Alt", de: "Alt" }, "de", "Neu")).toEqual({ language: "Neu", xDefault: "Neu" });
  });

  it("writes nothing for an empty description", () => {
    expect(describeWrite({ "x-default": "X" }, "en", " ")).toEqual({ language: null, xDefault: null });
  });
});

describe("mergeLogComment", () => {
  it("writes into an empty field, appends to a person's text, and does not repeat itself", () => {
    expect(mergeLogComment(null, "ours")).toBe("ours");
    expect(mergeLogComment("editor note", "ours")).toBe("editor note\nours");
    expect(mergeLogComment("editor note\nours", "ours")).toBeNull();
    expect(mergeLogComment("editor note", "")).toBeNull();
  });
});

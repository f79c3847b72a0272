import { describe, expect, it } from "vitest";
import { descriptionWrite } from "./descriptionWrite.ts";

describe("descriptionWrite", () => {
  it("fills x-default and the language entry of an empty description", () => {
    expect(descriptionWrite({}, "de", "Text")).toEqual({ language: "Text", xDefault: "Text" });
    expect(descriptionWrite({}, "de", "3 Einstellungen.")).toEqual({
      language: "3 Einstellungen.",
      xDefault: "3 Einstellungen.",
    });
  });

  it("keeps an x-default a person wrote and only sets its own language", () => {
    expect(descriptionWrite({ "x-default": "Von Hand" }, "de", "Text")).toEqual({ language: "Text", xDefault: null });
    expect(descriptionWrite({ "x-default": "Redaktion: Dreh am Dom" }, "de", "3 Einstellungen.")).toEqual({
      language: "3 Einstellungen.",
      xDefault: null,
    });
  });

  it("updates an x-default that was its own copy", () => {
    expect(descriptionWrite({ "x-default": "Alt", de: "Alt" }, "de", "Neu")).toEqual({
      language: "Neu",
      xDefault: "Neu",
    });
  });

  it("writes nothing for an empty text or an unchanged one", () => {
    expect(descriptionWrite({ "x-default": "X" }, "en", " ")).toEqual({ language: null, xDefault: null });
    expect(descriptionWrite({}, "de", " ")).toEqual({ language: null, xDefault: null });
    expect(descriptionWrite({ "x-default": "a", de: "a" }, "de", "a")).toEqual({ language: null, xDefault: null });
  });
});

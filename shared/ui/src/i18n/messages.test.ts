import { describe, expect, it } from "vitest";
import { messages, type MessageKey } from "./messages.ts";
import { placeholdersOf, translate } from "./translate.ts";

const keys = Object.keys(messages) as MessageKey[];

describe("the panel's message table", () => {
  it("has a German and an English text for every key, none empty", () => {
    const missing = keys.flatMap((key) =>
      (["de", "en"] as const)
        .filter((locale) => typeof messages[key][locale] !== "string" || messages[key][locale].trim() === "")
        .map((locale) => `${key} (${locale})`),
    );
    expect(missing).toEqual([]);
  });

  it("uses the same placeholders in both languages", () => {
    const differing = keys.filter(
      (key) => placeholdersOf(messages[key].de).join() !== placeholdersOf(messages[key].en).join(),
    );
    expect(differing).toEqual([]);
  });

  it("has no English text left in the German column for sentences", () => {
    const words = (text: string): number => text.replace(/\{\w+\}/g, "").match(/\p{L}{2,}/gu)?.length ?? 0;
    const same = keys.filter((key) => messages[key].de === messages[key].en && words(messages[key].en) > 2);
    expect(same).toEqual([]);
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(translate("de", "search.none", { query: "Schäfer" })).toBe("Nichts gefunden für „Schäfer“.");
    expect(translate("en", "search.none")).toBe("Nothing found for “{query}”.");
  });
});

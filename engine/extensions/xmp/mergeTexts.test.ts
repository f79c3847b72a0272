import { describe, expect, it } from "vitest";
import { mergeLogComment } from "./mergeTexts.ts";

describe("mergeLogComment", () => {
  it("writes into an empty field, appends to a person's text, and does not repeat itself", () => {
    expect(mergeLogComment(null, "ours")).toBe("ours");
    expect(mergeLogComment("editor note", "ours")).toBe("editor note\nours");
    expect(mergeLogComment("editor note\nours", "ours")).toBeNull();
    expect(mergeLogComment("editor note", "")).toBeNull();
  });
});

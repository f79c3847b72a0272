import { describe, expect, it } from "vitest";
import { searchKey } from "./searchKeys.ts";

describe("searchKey", () => {
  it("goes from the box into the results with ↓, only when there are some", () => {
    expect(searchKey("ArrowDown", null, 3)).toEqual({ to: "item", index: 0 });
    expect(searchKey("ArrowDown", null, 0)).toBeNull();
    expect(searchKey("ArrowUp", null, 3)).toBeNull();
    expect(searchKey("Enter", null, 3)).toBeNull();
  });

  it("moves through the results and back up into the box", () => {
    expect(searchKey("ArrowDown", 1, 3)).toEqual({ to: "item", index: 2 });
    expect(searchKey("ArrowDown", 2, 3)).toEqual({ to: "item", index: 2 });
    expect(searchKey("ArrowUp", 2, 3)).toEqual({ to: "item", index: 1 });
    expect(searchKey("ArrowUp", 0, 3)).toEqual({ to: "box" });
    expect(searchKey("Home", 2, 3)).toEqual({ to: "item", index: 0 });
    expect(searchKey("End", 0, 3)).toEqual({ to: "item", index: 2 });
    expect(searchKey("Escape", 1, 3)).toEqual({ to: "box" });
    expect(searchKey("Enter", 1, 3)).toBeNull();
  });
});

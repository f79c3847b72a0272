import { describe, expect, it } from "vitest";
import { reviewCommandFor } from "./reviewKeys.ts";

describe("reviewCommandFor", () => {
  it.each([
    ["ArrowDown", { type: "move", move: "next" }],
    ["j", { type: "move", move: "next" }],
    ["ArrowUp", { type: "move", move: "previous" }],
    ["k", { type: "move", move: "previous" }],
    ["Home", { type: "move", move: "first" }],
    ["End", { type: "move", move: "last" }],
    ["a", { type: "accept" }],
    ["r", { type: "reject" }],
    ["u", { type: "reset" }],
    ["e", { type: "edit" }],
    ["Enter", { type: "seek" }],
    ["?", { type: "help" }],
    ["F2", { type: "edit" }],
    ["n", { type: "add" }],
  ])("%s", (key, command) => {
    expect(reviewCommandFor({ key })).toEqual(command);
  });

  it("leaves other keys and every Ctrl, Cmd or Alt combination to the host", () => {
    expect(reviewCommandFor({ key: "x" })).toBeNull();
    expect(reviewCommandFor({ key: "a", ctrlKey: true })).toBeNull();
    expect(reviewCommandFor({ key: "r", metaKey: true })).toBeNull();
    expect(reviewCommandFor({ key: "ArrowDown", altKey: true })).toBeNull();
  });
});

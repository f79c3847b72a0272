import { describe, expect, it } from "vitest";
import { FrameFocus } from "./FrameFocus.ts";

describe("FrameFocus", () => {
  it("holds the latest frame asked for and tells listeners each time, the same frame too", () => {
    const focus = new FrameFocus();
    let told = 0;
    focus.state.subscribe(() => told++);
    focus.seek("/m/a.mov", 100);
    const first = focus.state.get();
    focus.seek("/m/a.mov", 100);
    expect(focus.state.get()).toMatchObject({ path: "/m/a.mov", frame: 100 });
    expect(focus.state.get()!.serial).toBeGreaterThan(first!.serial);
    expect(told).toBe(2);
  });

  it("answers for the clip it is about only", () => {
    const focus = new FrameFocus();
    focus.seek("/m/a.mov", 12);
    expect(focus.requestFor("/m/a.mov")?.frame).toBe(12);
    expect(focus.requestFor("/m/b.mov")).toBeNull();
  });

  it("keeps frames whole and not before the first", () => {
    const focus = new FrameFocus();
    focus.seek("/m/a.mov", -3);
    expect(focus.state.get()?.frame).toBe(0);
    focus.seek("/m/a.mov", 7.6);
    expect(focus.state.get()?.frame).toBe(8);
    expect(() => focus.seek("/m/a.mov", Number.NaN)).toThrow(RangeError);
  });
});

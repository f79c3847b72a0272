import { describe, expect, it } from "vitest";
import { ApplyController } from "../src/state/apply/ApplyController.ts";
import { FakeHostAdapter } from "./FakeHostAdapter.ts";

const noEngine = {
  request: () => Promise.reject(new Error("no engine")),
  onNotification: () => ({ dispose: () => {} }),
} as never;

describe("ApplyController.undoGrouping", () => {
  it("tells the view whether the host makes an apply one undo step, so it can say when it does not", () => {
    expect(new ApplyController(noEngine, new FakeHostAdapter({ undoGrouping: false })).undoGrouping).toBe(false);
    expect(new ApplyController(noEngine, new FakeHostAdapter({ undoGrouping: true })).undoGrouping).toBe(true);
    expect(new ApplyController(noEngine, new FakeHostAdapter()).undoGrouping).toBeUndefined();
  });
});

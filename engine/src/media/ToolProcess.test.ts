import os from "node:os";
import { describe, expect, it } from "vitest";
import { CancellationTokenSource } from "../core/Cancellation.ts";
import { startTool } from "./ToolProcess.ts";

/** An ffmpeg that runs until it is killed: an endless test source decoded to nowhere. */
const endless = [
  "-v",
  "error",
  "-nostdin",
  "-re",
  "-f",
  "lavfi",
  "-i",
  "testsrc2=size=64x36:rate=5",
  "-f",
  "null",
  "-",
];

describe("startTool", () => {
  it("runs a tool at the niceness asked for, and others at the engine's priority", async () => {
    const cts = new CancellationTokenSource();
    const background = startTool("ffmpeg", endless, cts.token, { niceness: 7 });
    const normal = startTool("ffmpeg", endless, cts.token);
    try {
      // At least below normal: a process already running lower keeps its own, lower priority.
      expect(os.getPriority(background.pid!)).toBe(Math.max(os.getPriority(), 7));
      expect(os.getPriority(normal.pid!)).toBe(os.getPriority());
    } finally {
      cts.cancel();
      await Promise.allSettled([background.exit, normal.exit]);
    }
  });
});

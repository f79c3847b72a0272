import { describe, expect, it } from "vitest";
import { analysisReducer, initialAnalysis, type AnalysisAction, type AnalysisState } from "./analysisReducer.ts";

const run = (actions: AnalysisAction[], from: AnalysisState = initialAnalysis): AnalysisState =>
  actions.reduce(analysisReducer, from);
const error = { code: "SICHTER_E_PROBE_NOT_VIDEO", params: { path: "/a.wav", streams: "audio" }, message: "no video" };

describe("analysisReducer", () => {
  it("goes from start through the job's stages to completed", () => {
    const state = run([
      { type: "start", path: "/m/a.mov" },
      { type: "queued", jobId: "j1" },
      { type: "progress", jobId: "j1", stage: "shots", fraction: 0.3 },
      { type: "progress", jobId: "j1", stage: "ocr", fraction: 0.6 },
    ]);
    expect(state).toEqual({
      phase: "running",
      path: "/m/a.mov",
      jobId: "j1",
      stage: "ocr",
      fraction: 0.6,
      cancelling: false,
    });
    expect(analysisReducer(state, { type: "completed", jobId: "j1" })).toEqual({
      phase: "completed",
      path: "/m/a.mov",
      jobId: "j1",
    });
  });

  it("ignores other jobs' progress and never moves the bar backwards", () => {
    const state = run([
      { type: "start", path: "/m/a.mov" },
      { type: "queued", jobId: "j1" },
      { type: "progress", jobId: "j1", stage: "ocr", fraction: 0.6 },
      { type: "progress", jobId: "other", stage: "write", fraction: 0.99 },
      { type: "progress", jobId: "j1", stage: "shots", fraction: 0.2 },
      { type: "completed", jobId: "other" },
    ]);
    expect(state).toMatchObject({ phase: "running", stage: "shots", fraction: 0.6 });
  });

  it("marks a cancel request and ends cancelled", () => {
    const running = run([{ type: "start", path: "/m/a.mov" }, { type: "queued", jobId: "j1" }, { type: "cancel" }]);
    expect(running).toMatchObject({ phase: "running", cancelling: true });
    expect(analysisReducer(running, { type: "cancelled", jobId: "j1" })).toEqual({
      phase: "cancelled",
      path: "/m/a.mov",
    });
  });

  it("fails before a job exists when the request is refused, and with the job's error after", () => {
    expect(
      run([
        { type: "start", path: "/a.wav" },
        { type: "failed", jobId: null, error },
      ]),
    ).toEqual({ phase: "failed", path: "/a.wav", error });
    const running = run([
      { type: "start", path: "/a.wav" },
      { type: "queued", jobId: "j1" },
    ]);
    expect(analysisReducer(running, { type: "failed", jobId: null, error })).toBe(running);
    expect(analysisReducer(running, { type: "failed", jobId: "j1", error })).toEqual({
      phase: "failed",
      path: "/a.wav",
      error,
    });
  });

  it("does not start a second analysis while one runs, nor reset it", () => {
    const running = run([
      { type: "start", path: "/m/a.mov" },
      { type: "queued", jobId: "j1" },
    ]);
    expect(analysisReducer(running, { type: "start", path: "/m/b.mov" })).toBe(running);
    expect(analysisReducer(running, { type: "reset" })).toBe(running);
    expect(
      analysisReducer(
        run([
          { type: "start", path: "/x" },
          { type: "failed", jobId: null, error },
        ]),
        { type: "reset" },
      ),
    ).toEqual(initialAnalysis);
  });
});

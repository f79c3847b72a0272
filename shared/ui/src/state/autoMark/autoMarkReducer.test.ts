import { ErrorCode } from "@sichter/shared/protocol";
import { describe, expect, it } from "vitest";
import { jobFixture } from "../../../../protocol/test/wireFixtures.ts";
import { autoMarkReducer, initialAutoMark, type AutoMarkRun, type AutoMarkState } from "./autoMarkReducer.ts";

const run: AutoMarkRun = {
  source: "Landtag",
  language: "en",
  startedAt: "2026-01-05T10:00:00.000Z",
  cancelling: false,
  clips: [{ path: "/m/a.mp4", name: "a.mp4", jobId: "j1", state: "queued", stage: null, fraction: 0, error: null }],
};
const started: AutoMarkState = autoMarkReducer(initialAutoMark, { type: "start", run });
const job = (state: string, extra: object = {}) =>
  ({ ...jobFixture, id: "j1", clipPath: "/m/a.mp4", state, ...extra }) as never;
const clipOf = (state: AutoMarkState) => state.run!.clips[0]!;

describe("autoMarkReducer", () => {
  it("never moves progress backwards, nor a job's snapshot an ended clip back", () => {
    let state = autoMarkReducer(started, { type: "progress", jobId: "j1", stage: "ocr", fraction: 0.6 });
    state = autoMarkReducer(state, { type: "progress", jobId: "j1", stage: "shots", fraction: 0.3 });
    expect(clipOf(state)).toMatchObject({ state: "running", stage: "shots", fraction: 0.6 });
    state = autoMarkReducer(state, { type: "job", job: job("queued"), error: null });
    expect(clipOf(state).state).toBe("running");
    state = autoMarkReducer(state, { type: "job", job: job("completed"), error: null });
    state = autoMarkReducer(state, { type: "job", job: job("running", { fraction: 0.1 }), error: null });
    state = autoMarkReducer(state, { type: "progress", jobId: "j1", stage: "ocr", fraction: 0.9 });
    expect(clipOf(state)).toMatchObject({ state: "completed", fraction: 1 });
  });

  it("keeps an interrupted job's error as the clip's failure", () => {
    const error = { code: ErrorCode.TOOL_KILLED, params: { signal: "SIGKILL" }, message: "killed" };
    expect(clipOf(autoMarkReducer(started, { type: "job", job: job("interrupted"), error }))).toMatchObject({
      state: "failed",
      error,
    });
  });

  it("cancels only a run that still goes, and dismisses only a finished one", () => {
    expect(autoMarkReducer(started, { type: "cancelling" }).run?.cancelling).toBe(true);
    expect(autoMarkReducer(started, { type: "dismiss" })).toBe(started);
    const ended = autoMarkReducer(started, { type: "job", job: job("cancelled"), error: null });
    expect(autoMarkReducer(ended, { type: "cancelling" })).toBe(ended);
    expect(autoMarkReducer(ended, { type: "dismiss" })).toEqual(initialAutoMark);
  });
});

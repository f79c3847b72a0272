import { ErrorCode, SichterClient, SichterRpcError, type WebSocketConstructor } from "@sichter/shared/protocol";
import type { TagPlan } from "@sichter/shared/model";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { jobFixture } from "../../protocol/test/wireFixtures.ts";
import { AutoMarkController } from "../src/state/autoMark/AutoMarkController.ts";
import { AutoMarkStorage } from "../src/state/autoMark/autoMarkStorage.ts";
import { SequenceMarkController } from "../src/state/autoMark/SequenceMarkController.ts";
import { FakeEngineServer } from "./FakeEngineServer.ts";
import { FakeHostAdapter } from "./FakeHostAdapter.ts";
import { waitUntil } from "./waitUntil.ts";

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const placed = (path: string, startFrame: number) => ({
  mediaPath: path,
  name: path.slice(path.lastIndexOf("/") + 1),
  sequence: { sequenceName: "Landtag 18 Uhr", frameRate: "25/1", startFrame, endFrame: startFrame + 50, track: 0 },
});
const plan = (path: string): TagPlan => ({
  clipPath: path,
  frameRate: "25/1",
  markers: [{ name: "Einstellung 1", comment: "", startFrame: 0, durationFrames: 50, kind: "shot", color: "blue" }],
  keywords: ["Landtag"],
  description: "",
  logComment: "",
  withdrawnKeywords: [],
});
const job = (id: string, clipPath: string, state: string) => ({
  ...jobFixture,
  id,
  clipPath,
  state,
  stage: null,
  fraction: state === "completed" ? 1 : 0,
});

/** An engine that queues each media as job-<n> and plans it; a host with a three-instance sequence of two media. */
async function setUp(host: FakeHostAdapter) {
  const server = await FakeEngineServer.start();
  cleanup.push(() => server.stop());
  const jobs = new Map<string, string>();
  server.handlers.set("clip.analyze", (params) => {
    const jobId = jobs.get(String(params.path)) ?? `job-${jobs.size + 1}`;
    jobs.set(String(params.path), jobId);
    return { jobId, joined: false };
  });
  server.handlers.set("tags.plan", (params) => {
    if (String(params.path).includes("A003"))
      throw SichterRpcError.of(ErrorCode.FILE_NOT_FOUND, { path: String(params.path) });
    return { clipId: 1, plan: plan(String(params.path)) };
  });
  server.handlers.set("job.cancel", (params) => job(String(params.jobId), "/m/any.mp4", "cancelled"));
  const client = new SichterClient({
    url: server.address.ws,
    token: server.token,
    WebSocket: WebSocket as unknown as WebSocketConstructor,
    reconnect: false,
  });
  cleanup.push(() => client.dispose());
  const autoMark = new AutoMarkController(client, new AutoMarkStorage(null));
  cleanup.push(() => autoMark.dispose());
  const marking = new SequenceMarkController(client, host, autoMark);
  cleanup.push(() => marking.dispose());
  host.sequence = [placed("/m/A001.mp4", 0), placed("/m/A002.mp4", 50), placed("/m/A001.mp4", 100)];
  const finish = (path: string, state: "completed" | "failed") => {
    const jobId = jobs.get(path)!;
    server.notifyJob(state === "completed" ? "job.done" : "job.failed", {
      jobId,
      job: job(jobId, path, state),
      ...(state === "failed" ? { error: { code: "SICHTER_E_PROBE_NOT_VIDEO", message: "not video" } } : {}),
    });
  };
  return { server, autoMark, marking, finish };
}

describe("SequenceMarkController", () => {
  it("writes the sequence's markers through the host once every analysis has ended, with the plans of the analysed media, and keeps the host's report", async () => {
    const host = new FakeHostAdapter({ markSequence: true });
    const { server, marking, finish } = await setUp(host);
    const started = marking.start({
      language: "de",
      preparePlan: (p) => ({ ...p, markers: p.markers.map((m) => ({ ...m, color: "cyan" })) }),
    });
    await waitUntil(() => marking.state.get().phase === "analysing", "the analyses going");
    expect(host.marked).toEqual([]);

    finish("/m/A001.mp4", "completed");
    finish("/m/A002.mp4", "failed");
    await started;
    expect(server.received.filter((r) => r.method === "tags.plan").map((r) => r.params)).toEqual([
      { path: "/m/A001.mp4", language: "de" },
    ]);
    expect(host.marked).toHaveLength(1);
    expect([...host.marked[0]!.plans.keys()]).toEqual(["/m/A001.mp4"]);
    // The user's settings shape the plan the host writes.
    expect(host.marked[0]!.plans.get("/m/A001.mp4")!.markers[0]!.color).toBe("cyan");
    const state = marking.state.get();
    expect(state).toMatchObject({ phase: "done", done: 3, total: 3, error: null });
    expect(state.report?.items.map((item) => [item.name, item.status, item.reason ?? null])).toEqual([
      ["A001.mp4", "written", null],
      ["A002.mp4", "skipped", "no-plan"],
      ["A001.mp4", "written", null],
    ]);

    marking.dismiss();
    expect(marking.state.get().phase).toBe("idle");
  });

  it("says the host cannot write them where it has no markSequence, and still analyses the sequence", async () => {
    const host = new FakeHostAdapter({ markSequence: false });
    const { server, autoMark, marking } = await setUp(host);
    expect(marking.available).toBe(false);
    await marking.start({ language: "en" });
    expect(marking.state.get().phase).toBe("unavailable");
    expect(autoMark.state.get().run?.clips.map((clip) => clip.path)).toEqual(["/m/A001.mp4", "/m/A002.mp4"]);
    expect(server.received.some((r) => r.method === "tags.plan")).toBe(false);
  });

  it("writes nothing when the run is cancelled, and hands the host an aborted token when cancelled while writing", async () => {
    const host = new FakeHostAdapter({ markSequence: true });
    const first = await setUp(host);
    const started = first.marking.start({ language: "de" });
    await waitUntil(
      () => first.autoMark.state.get().run?.clips.every((clip) => clip.jobId !== null) === true,
      "queued",
    );
    await first.marking.cancel();
    await started;
    expect(first.marking.state.get().phase).toBe("cancelled");
    expect(host.marked).toEqual([]);

    const secondHost = new FakeHostAdapter({ markSequence: true });
    let release: () => void = () => {};
    secondHost.holdMarking = new Promise((resolve) => (release = resolve));
    const second = await setUp(secondHost);
    const writing = second.marking.start({ language: "de" });
    await waitUntil(() => second.marking.state.get().phase === "analysing", "analysing");
    second.finish("/m/A001.mp4", "completed");
    second.finish("/m/A002.mp4", "completed");
    await waitUntil(() => second.marking.state.get().phase === "writing", "writing");
    await second.marking.cancel();
    expect(secondHost.marked[0]!.token?.aborted).toBe(true);
    release();
    await writing;
    // The host answers what it did (this fake ignores the token); the report is kept all the same.
    expect(second.marking.state.get().phase).toBe("done");
  });

  it("writes what it could plan and shows the first plan the engine refused", async () => {
    const host = new FakeHostAdapter({ markSequence: true });
    const { marking, finish } = await setUp(host);
    host.sequence = [placed("/m/A001.mp4", 0), placed("/m/A003.mp4", 50)];
    const started = marking.start({ language: "en" });
    await waitUntil(() => marking.state.get().phase === "analysing", "the analyses going");
    finish("/m/A001.mp4", "completed");
    finish("/m/A003.mp4", "completed");
    await started;
    expect([...host.marked[0]!.plans.keys()]).toEqual(["/m/A001.mp4"]);
    expect(marking.state.get()).toMatchObject({ phase: "done", error: { code: ErrorCode.FILE_NOT_FOUND } });
  });
});

import {
  ErrorCode,
  SichterClient,
  SichterRpcError,
  formatErrorMessage,
  type WebSocketConstructor,
} from "@sichter/shared/protocol";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { jobFixture } from "../../../../protocol/test/wireFixtures.ts";
import type { KeyValueStorage } from "../../connection/TokenStore.ts";
import { FakeEngineServer } from "../../../test/FakeEngineServer.ts";
import { waitUntil } from "../../../test/waitUntil.ts";
import { AutoMarkController } from "./AutoMarkController.ts";
import { autoMarkProgress } from "./autoMarkProgress.ts";
import { AutoMarkStorage } from "./autoMarkStorage.ts";

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function memoryStorage(): KeyValueStorage & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

async function connect(server: FakeEngineServer, storage: KeyValueStorage): Promise<AutoMarkController> {
  const client = new SichterClient({
    url: server.address.ws,
    token: server.token,
    WebSocket: WebSocket as unknown as WebSocketConstructor,
    reconnect: false,
  });
  cleanup.push(() => client.dispose());
  const controller = new AutoMarkController(client, new AutoMarkStorage(storage));
  cleanup.push(() => controller.dispose());
  return controller;
}

const job = (id: string, clipPath: string, state: string, extra: object = {}) => ({
  ...jobFixture,
  id,
  clipPath,
  state,
  stage: state === "running" ? "shots" : null,
  fraction: 0,
  ...extra,
});
const notVideo = (path: string) => ({
  code: ErrorCode.PROBE_NOT_VIDEO,
  message: formatErrorMessage(ErrorCode.PROBE_NOT_VIDEO, { streams: "none", path }, "en"),
});
const targets = [
  { path: "/m/Landtag/A001.mp4", name: "A001.mp4" },
  { path: "/m/Landtag/A002.mp4", name: "A002.mp4" },
  { path: "/m/Landtag/Notizen.mp4", name: "Notizen.mp4" },
];

/** An engine that queues each clip as job-<n>, in the order asked. */
async function engineQueueing(): Promise<{ server: FakeEngineServer; jobs: Map<string, string> }> {
  const server = await FakeEngineServer.start();
  cleanup.push(() => server.stop());
  const jobs = new Map<string, string>();
  server.handlers.set("clip.analyze", (params) => {
    const path = String(params.path);
    if (path.includes("verboten")) throw SichterRpcError.of(ErrorCode.MEDIA_NOT_ALLOWED, { path });
    const jobId = jobs.get(path) ?? `job-${jobs.size + 1}`;
    const joined = jobs.has(path);
    jobs.set(path, jobId);
    return { jobId, joined };
  });
  return { server, jobs };
}

describe("AutoMarkController", () => {
  it("queues every clip at once without writing XMP, follows each, and sums them up with the failure's code", async () => {
    const { server, jobs } = await engineQueueing();
    const autoMark = await connect(server, memoryStorage());
    await autoMark.start("Landtag", [...targets, targets[0]!], "de");

    const analyze = server.received.filter((r) => r.method === "clip.analyze");
    expect(analyze.map((r) => r.params)).toEqual(
      targets.map((t) => ({ path: t.path, options: { language: "de", write: "none" } })),
    );
    expect(autoMark.state.get().run?.clips.map((c) => [c.name, c.state, c.jobId])).toEqual([
      ["A001.mp4", "queued", "job-1"],
      ["A002.mp4", "queued", "job-2"],
      ["Notizen.mp4", "queued", "job-3"],
    ]);

    server.notifyJob("job.progress", { jobId: "job-1", stage: "ocr", fraction: 0.5 });
    server.notifyJob("job.failed", {
      jobId: "job-3",
      job: job("job-3", targets[2]!.path, "failed", { error: notVideo(targets[2]!.path) }),
      error: notVideo(targets[2]!.path),
    });
    await waitUntil(
      () =>
        autoMark.state.get().run?.clips[0]?.stage === "ocr" && autoMark.state.get().run?.clips[2]?.state === "failed",
      "progress and a failure",
    );
    expect(autoMarkProgress(autoMark.state.get().run!)).toMatchObject({
      total: 3,
      done: 1,
      failed: 1,
      fraction: (0.5 + 0 + 1) / 3,
    });

    for (const [path, jobId] of jobs) {
      if (jobId !== "job-3")
        server.notifyJob("job.done", { jobId, job: job(jobId, path, "completed", { fraction: 1 }) });
    }
    await waitUntil(() => autoMarkProgress(autoMark.state.get().run!).done === 3, "the end of the run");
    expect(autoMarkProgress(autoMark.state.get().run!)).toMatchObject({
      completed: 2,
      failed: 1,
      cancelled: 0,
      fraction: 1,
    });
    const failure = autoMark.state.get().run!.clips[2]!.error!;
    // The job's stored error has no params: they are read back from its text, so it can be told in German.
    expect(failure).toMatchObject({
      code: ErrorCode.PROBE_NOT_VIDEO,
      params: { streams: "none", path: targets[2]!.path },
    });
  });

  it("records a clip the engine refuses to queue as failed with the refusal's code", async () => {
    const { server } = await engineQueueing();
    const autoMark = await connect(server, memoryStorage());
    await autoMark.start("Mix", [targets[0]!, { path: "/verboten/B.mp4", name: "B.mp4" }], "en");
    expect(autoMark.state.get().run?.clips.map((c) => [c.state, c.error?.code ?? null])).toEqual([
      ["queued", null],
      ["failed", ErrorCode.MEDIA_NOT_ALLOWED],
    ]);
  });

  it("cancels every job that has not ended, queued ones first, and a clip whose request was still on its way", async () => {
    const { server } = await engineQueueing();
    let releaseThird: () => void = () => {};
    const plain = server.handlers.get("clip.analyze")!;
    server.handlers.set("clip.analyze", async (params) => {
      if (String(params.path).includes("Notizen")) await new Promise<void>((resolve) => (releaseThird = resolve));
      return plain(params);
    });
    server.handlers.set("job.cancel", (params) =>
      job(String(params.jobId), "/m/any.mp4", params.jobId === "job-1" ? "running" : "cancelled"),
    );
    const autoMark = await connect(server, memoryStorage());
    const started = autoMark.start("Landtag", targets, "en");
    await waitUntil(
      () => autoMark.state.get().run?.clips.filter((c) => c.state === "queued").length === 2,
      "two queued",
    );
    server.notifyJob("job.progress", { jobId: "job-1", stage: "shots", fraction: 0.2 });
    await waitUntil(() => autoMark.state.get().run?.clips[0]?.state === "running", "first running");

    await autoMark.cancel();
    expect(autoMark.state.get().run?.cancelling).toBe(true);
    expect(server.received.filter((r) => r.method === "job.cancel").map((r) => r.params.jobId)).toEqual([
      "job-2",
      "job-1",
    ]);
    releaseThird();
    await started;
    expect(server.received.filter((r) => r.method === "job.cancel").map((r) => r.params.jobId)).toEqual([
      "job-2",
      "job-1",
      "job-3",
    ]);
    // The running one ends when its work stops, as a job.failed in state cancelled.
    expect(autoMark.state.get().run?.clips.map((c) => c.state)).toEqual(["running", "cancelled", "cancelled"]);
    server.notifyJob("job.failed", {
      jobId: "job-1",
      job: job("job-1", targets[0]!.path, "cancelled"),
      error: { code: ErrorCode.CANCELLED, message: "cancelled" },
    });
    await waitUntil(() => autoMark.state.get().run?.clips[0]?.state === "cancelled", "all cancelled");
    expect(autoMarkProgress(autoMark.state.get().run!)).toMatchObject({ done: 3, cancelled: 3 });
  });

  it("finds its run again after a reload: job states from job.list, the running ones followed with job.subscribe", async () => {
    const { server } = await engineQueueing();
    const storage = memoryStorage();
    const before = await connect(server, storage);
    await before.start("Landtag", targets, "de");
    before.dispose();

    server.handlers.set("job.list", () => ({
      jobs: [
        job("job-3", targets[2]!.path, "failed", { error: notVideo(targets[2]!.path) }),
        job("job-2", targets[1]!.path, "running", { fraction: 0.3 }),
        job("job-1", targets[0]!.path, "completed", { fraction: 1 }),
      ],
    }));
    server.handlers.set("job.subscribe", (params) =>
      job(String(params.jobId), targets[1]!.path, "running", { fraction: 0.4 }),
    );
    const after = await connect(server, storage);
    await after.resume();
    expect(server.received.filter((r) => r.method === "job.subscribe").map((r) => r.params)).toEqual([
      { jobId: "job-2" },
    ]);
    expect(after.state.get().run).toMatchObject({ source: "Landtag", language: "de" });
    expect(after.state.get().run?.clips.map((c) => [c.state, c.fraction, c.error?.code ?? null])).toEqual([
      ["completed", 1, null],
      ["running", 0.4, null],
      ["failed", 0, ErrorCode.PROBE_NOT_VIDEO],
    ]);
    server.notifyJob("job.done", { jobId: "job-2", job: job("job-2", targets[1]!.path, "completed", { fraction: 1 }) });
    await waitUntil(() => after.state.get().run?.clips[1]?.state === "completed", "the followed job's end");

    after.dismiss();
    expect(after.state.get().run).toBeNull();
    expect(storage.items.size).toBe(0);
  });

  it("after a reload mid-queueing, matches an unanswered clip to its job by path and sends the ones never queued again", async () => {
    const { server } = await engineQueueing();
    const storage = memoryStorage();
    const startedAt = new Date().toISOString();
    storage.setItem(
      "sichter.autoMark",
      JSON.stringify({
        source: "Landtag",
        language: "en",
        startedAt,
        clips: targets.map((t, i) => ({ path: t.path, name: t.name, jobId: i === 0 ? "job-7" : null, error: null })),
      }),
    );
    server.handlers.set("job.list", () => ({
      jobs: [
        job("job-8", targets[1]!.path, "queued", { createdAt: new Date().toISOString() }),
        job("job-7", targets[0]!.path, "running", { createdAt: startedAt }),
        // An older analysis of the third clip is not this run's.
        job("job-old", targets[2]!.path, "completed", { createdAt: "2020-01-01T00:00:00.000Z" }),
      ],
    }));
    server.handlers.set("job.subscribe", (params) => job(String(params.jobId), "/m/any.mp4", "running"));
    const autoMark = await connect(server, storage);
    await autoMark.resume();
    expect(autoMark.state.get().run?.clips.map((c) => c.jobId)).toEqual(["job-7", "job-8", "job-1"]);
    expect(server.received.filter((r) => r.method === "clip.analyze").map((r) => r.params.path)).toEqual([
      targets[2]!.path,
    ]);
    expect(
      server.received
        .filter((r) => r.method === "job.subscribe")
        .map((r) => r.params.jobId)
        .sort(),
    ).toEqual(["job-7", "job-8"]);
  });

  it("keeps a finished run's summary until dismissed, and starts no second run while one goes", async () => {
    const { server } = await engineQueueing();
    const autoMark = await connect(server, memoryStorage());
    await autoMark.start("Landtag", [targets[0]!], "en");
    await autoMark.start("Other", [targets[1]!], "en");
    expect(autoMark.state.get().run?.source).toBe("Landtag");
    autoMark.dismiss();
    expect(autoMark.state.get().run?.source).toBe("Landtag");
    server.notifyJob("job.done", { jobId: "job-1", job: job("job-1", targets[0]!.path, "completed") });
    await waitUntil(() => autoMark.state.get().run?.clips[0]?.state === "completed", "done");
    await autoMark.start("Other", [targets[1]!], "en");
    expect(autoMark.state.get().run?.source).toBe("Other");
  });

  it("marks the host's active sequence, each media file once, named after the sequence; an empty one says so", async () => {
    const { server } = await engineQueueing();
    const autoMark = await connect(server, memoryStorage());
    const placed = (path: string, startFrame: number) => ({
      mediaPath: path,
      name: path.slice(path.lastIndexOf("/") + 1),
      sequence: { sequenceName: "Landtag 18 Uhr", frameRate: "25/1", startFrame, endFrame: startFrame + 50, track: 0 },
    });
    await autoMark.startSequence(async () => [], "de");
    expect(autoMark.state.get()).toMatchObject({ run: null, empty: true });
    await autoMark.startSequence(
      async () => [placed(targets[0]!.path, 0), placed(targets[1]!.path, 50), placed(targets[0]!.path, 100)],
      "de",
    );
    expect(autoMark.state.get()).toMatchObject({ empty: false, run: { source: "Landtag 18 Uhr" } });
    expect(server.received.filter((r) => r.method === "clip.analyze").map((r) => r.params.path)).toEqual([
      targets[0]!.path,
      targets[1]!.path,
    ]);
  });

  it("shows why the host could not list its sequence", async () => {
    const { server } = await engineQueueing();
    const autoMark = await connect(server, memoryStorage());
    await autoMark.startSequence(() => Promise.reject(SichterRpcError.of(ErrorCode.HOST_NOT_AVAILABLE)), "en");
    expect(autoMark.state.get()).toMatchObject({ run: null, error: { code: ErrorCode.HOST_NOT_AVAILABLE } });
  });
});

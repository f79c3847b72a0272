import { ErrorCode, SichterClient, SichterRpcError, type WebSocketConstructor } from "@sichter/shared/protocol";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { jobFixture } from "../../../../protocol/test/wireFixtures.ts";
import { FakeEngineServer } from "../../../test/FakeEngineServer.ts";
import { waitUntil } from "../../../test/waitUntil.ts";
import { AnalysisController } from "./AnalysisController.ts";

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function setup(): Promise<{ server: FakeEngineServer; controller: AnalysisController }> {
  const server = await FakeEngineServer.start();
  cleanup.push(() => server.stop());
  const client = new SichterClient({
    url: server.address.ws,
    token: server.token,
    WebSocket: WebSocket as unknown as WebSocketConstructor,
    reconnect: false,
  });
  cleanup.push(() => client.dispose());
  const controller = new AnalysisController(client);
  cleanup.push(() => controller.dispose());
  return { server, controller };
}

const job = (state: string, extra: object = {}) => ({
  ...jobFixture,
  id: "j1",
  clipPath: "/m/a.mov",
  state,
  stage: state === "running" ? "probe" : null,
  fraction: 0,
  ...extra,
});

describe("AnalysisController", () => {
  it("analyses without writing XMP, shows the stages and tells when it completed", async () => {
    const { server, controller } = await setup();
    server.handlers.set("clip.analyze", () => ({ jobId: "j1", joined: false }));
    server.handlers.set("job.subscribe", () => job("running"));
    const completed: string[] = [];
    controller.onCompleted((path) => completed.push(path));

    await controller.analyze({ path: "/m/a.mov", language: "de" });
    await waitUntil(
      () => controller.state.get().phase === "running" && server.received.some((r) => r.method === "job.subscribe"),
      "running",
    );
    server.notifyAll("job.progress", { jobId: "j1", stage: "ocr", fraction: 0.5 });
    await waitUntil(
      () => controller.state.get().phase === "running" && (controller.state.get() as { stage: string }).stage === "ocr",
      "ocr stage",
    );
    server.notifyAll("job.done", { jobId: "j1", job: job("completed", { fraction: 1 }) });
    await waitUntil(() => controller.state.get().phase === "completed", "completed");

    expect(completed).toEqual(["/m/a.mov"]);
    expect(server.received.find((r) => r.method === "clip.analyze")?.params).toEqual({
      path: "/m/a.mov",
      options: { language: "de", write: "none" },
    });
  });

  it("follows an analysis of the clip that already runs (after a reload), and only that clip's", async () => {
    const { server, controller } = await setup();
    server.handlers.set("job.list", () => ({
      jobs: [job("running", { id: "other", clipPath: "/m/b.mov" }), job("running", { stage: "ocr", fraction: 0.5 })],
    }));
    server.handlers.set("job.subscribe", () => job("running", { stage: "ocr", fraction: 0.5 }));
    await controller.attach("/m/c.mov");
    expect(controller.state.get()).toEqual({ phase: "idle" });
    await controller.attach("/m/a.mov");
    expect(controller.state.get()).toEqual({
      phase: "running",
      path: "/m/a.mov",
      jobId: "j1",
      stage: "ocr",
      fraction: 0.5,
      cancelling: false,
    });
    expect(server.received.find((r) => r.method === "job.list")?.params).toEqual({ states: ["queued", "running"] });
    server.notifyAll("job.done", { jobId: "j1", job: job("completed", { fraction: 1 }) });
    await waitUntil(() => controller.state.get().phase === "completed", "completed");
  });

  it("cancels through job.cancel", async () => {
    const { server, controller } = await setup();
    server.handlers.set("clip.analyze", () => ({ jobId: "j1", joined: false }));
    server.handlers.set("job.subscribe", () => job("running"));
    server.handlers.set("job.cancel", () => job("cancelled"));
    await controller.analyze({ path: "/m/a.mov", language: "en" });
    await controller.cancel();
    expect(controller.state.get()).toEqual({ phase: "cancelled", path: "/m/a.mov" });
    expect(server.received.find((r) => r.method === "job.cancel")?.params).toEqual({ jobId: "j1" });
  });

  it("keeps the engine's error code when the request is refused", async () => {
    const { server, controller } = await setup();
    server.handlers.set("clip.analyze", () => {
      throw SichterRpcError.of(ErrorCode.FILE_NOT_FOUND, { path: "/m/gone.mov" });
    });
    await controller.analyze({ path: "/m/gone.mov", language: "de" });
    expect(controller.state.get()).toMatchObject({
      phase: "failed",
      error: { code: ErrorCode.FILE_NOT_FOUND, params: { path: "/m/gone.mov" } },
    });
  });

  it("shows a job that failed with the job's error", async () => {
    const { server, controller } = await setup();
    server.handlers.set("clip.analyze", () => ({ jobId: "j1", joined: false }));
    server.handlers.set("job.subscribe", () =>
      job("failed", { error: { code: ErrorCode.PROBE_CORRUPT, message: "cannot be decoded" } }),
    );
    await controller.analyze({ path: "/m/a.mov", language: "de" });
    await waitUntil(() => controller.state.get().phase === "failed", "failed");
    expect(controller.state.get()).toMatchObject({
      error: { code: ErrorCode.PROBE_CORRUPT, params: null, message: "cannot be decoded" },
    });
  });
});

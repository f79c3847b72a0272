import { SichterClient, type WebSocketConstructor } from "@sichter/shared/protocol";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { FakeEngineServer } from "../../../test/FakeEngineServer.ts";
import { JOBS_SHOWN, TransparencyController } from "./TransparencyController.ts";

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const job = (id: string, state: string) => ({
  id,
  clipPath: `/media/${id}.mov`,
  state,
  stage: null,
  fraction: state === "completed" ? 1 : 0,
  createdAt: "2026-11-05T10:00:00.000Z",
  startedAt: state === "queued" ? null : "2026-11-05T10:00:01.000Z",
  finishedAt: state === "completed" ? "2026-11-05T10:01:00.000Z" : null,
  error: null,
});
const sent = {
  at: "2026-11-05T10:00:30.000Z",
  provider: "sichter.openai-vision",
  endpoint: "https://api.openai.com",
  images: 1,
  keyframes: 4,
  imageSizes: [{ width: 768, height: 432, bytes: 61_234 }],
  bytesSent: 83_000,
  attempts: 1,
  status: 200,
  error: null,
};

describe("TransparencyController", () => {
  it("lists the recent jobs that ran, each with what it sent: nothing for a local-only one", async () => {
    const server = await FakeEngineServer.start();
    cleanup.push(() => server.stop());
    const client = new SichterClient({
      url: server.address.ws,
      token: server.token,
      WebSocket: WebSocket as unknown as WebSocketConstructor,
      reconnect: false,
    });
    cleanup.push(() => client.dispose());
    server.handlers.set("job.list", () => ({
      jobs: [job("waiting", "queued"), job("cloud", "completed"), job("local", "completed")],
    }));
    server.handlers.set("job.privacy", (params) => ({
      jobId: params.jobId,
      records: params.jobId === "cloud" ? [sent] : [],
    }));
    const transparency = new TransparencyController(client);

    await transparency.load();

    const state = transparency.state.get();
    expect(state.load).toBe("loaded");
    expect(state.jobs.map((entry) => [entry.job.id, entry.records.length])).toEqual([
      ["cloud", 1],
      ["local", 0],
    ]);
    expect(state.jobs[0]!.records[0]).toEqual(sent);
    expect(server.received.find((r) => r.method === "job.list")?.params).toEqual({ limit: JOBS_SHOWN });
    expect(server.received.filter((r) => r.method === "job.privacy").map((r) => r.params.jobId)).toEqual([
      "cloud",
      "local",
    ]);
  });

  it("says why when the engine cannot answer", async () => {
    const server = await FakeEngineServer.start();
    cleanup.push(() => server.stop());
    const client = new SichterClient({
      url: server.address.ws,
      token: server.token,
      WebSocket: WebSocket as unknown as WebSocketConstructor,
      reconnect: false,
    });
    cleanup.push(() => client.dispose());
    const transparency = new TransparencyController(client);
    await transparency.load();
    expect(transparency.state.get()).toMatchObject({ load: "failed", error: { code: "SICHTER_E_METHOD_NOT_FOUND" } });
  });
});

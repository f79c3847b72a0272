import { SichterClient, type WebSocketConstructor } from "@sichter/shared/protocol";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { jobFixture } from "../../../protocol/test/wireFixtures.ts";
import { FakeEngineServer } from "../../test/FakeEngineServer.ts";
import { waitUntil } from "../../test/waitUntil.ts";
import { watchJob } from "./watchJob.ts";

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function connected(): Promise<{ server: FakeEngineServer; client: SichterClient }> {
  const server = await FakeEngineServer.start();
  cleanup.push(() => server.stop());
  const client = new SichterClient({
    url: server.address.ws,
    token: server.token,
    WebSocket: WebSocket as unknown as WebSocketConstructor,
    reconnect: false,
  });
  cleanup.push(() => client.dispose());
  return { server, client };
}

describe("watchJob", () => {
  it("reports the job's progress and settles with job.done", async () => {
    const { server, client } = await connected();
    server.handlers.set("job.subscribe", () => ({
      ...jobFixture,
      id: "j1",
      state: "running",
      stage: "probe",
      fraction: 0.05,
    }));
    const progress: string[] = [];
    const watch = watchJob(client, "j1", (stage, fraction) => progress.push(`${stage} ${fraction}`));
    await waitUntil(() => progress.length === 1, "the job.subscribe answer");
    server.notifyAll("job.progress", { jobId: "other", stage: "ocr", fraction: 0.9 });
    server.notifyAll("job.progress", { jobId: "j1", stage: "shots", fraction: 0.4 });
    const done = {
      ...jobFixture,
      id: "j1",
      state: "completed",
      stage: null,
      fraction: 1,
      finishedAt: "2025-03-01T10:01:00.000Z",
    };
    server.notifyAll("job.done", { jobId: "j1", job: done });
    await expect(watch.finished).resolves.toMatchObject({ id: "j1", state: "completed" });
    expect(progress).toEqual(["probe 0.05", "shots 0.4"]);
  });

  it("follows with job.subscribe, and an answer older than a notification does not turn the stage back", async () => {
    const { server, client } = await connected();
    server.handlers.set("job.subscribe", async () => {
      server.notifyAll("job.progress", { jobId: "j3", stage: "ocr", fraction: 0.6 });
      await new Promise((resolve) => setTimeout(resolve, 30));
      return { ...jobFixture, id: "j3", state: "running", stage: "shots", fraction: 0.3 };
    });
    const progress: string[] = [];
    watchJob(client, "j3", (stage) => progress.push(stage));
    await waitUntil(() => server.received.some((r) => r.method === "job.subscribe") && progress.length > 0, "progress");
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(progress).toEqual(["ocr"]);
    expect(server.received.map((r) => r.method)).toEqual(["job.subscribe"]);
  });

  it("settles at once with a job that ended before anyone listened", async () => {
    const { server, client } = await connected();
    server.handlers.set("job.subscribe", () => ({ ...jobFixture, id: "j2", state: "cancelled", stage: null }));
    await expect(watchJob(client, "j2", () => {}).finished).resolves.toMatchObject({ state: "cancelled" });
  });
});

import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SichterClient } from "@sichter/shared/protocol";
import { startEngine, type EngineProcess } from "./engineProcess.ts";
import { makeClip, makeTempDir } from "./fixtures.ts";

const root = makeTempDir("sichter-audience-");
let engine: EngineProcess;
let clip: string;
const clients: SichterClient[] = [];

beforeAll(async () => {
  clip = await makeClip(path.join(root, "Pressekonferenz.mp4"), { seconds: 2 });
  engine = await startEngine(path.join(root, "home"));
}, 60_000);
afterAll(async () => {
  for (const client of clients) client.dispose();
  engine?.child.kill("SIGTERM");
  await engine?.exited;
  fs.rmSync(root, { recursive: true, force: true });
});

/** A connected client and every job notification it heard, as "method jobId". */
async function listener(): Promise<{ client: SichterClient; heard: string[] }> {
  const client = engine.client();
  clients.push(client);
  const heard: string[] = [];
  client.onNotification("job.progress", (p) => heard.push(`job.progress ${p.jobId}`));
  client.onNotification("job.done", (p) => heard.push(`job.done ${p.jobId}`));
  client.onNotification("job.failed", (p) => heard.push(`job.failed ${p.jobId}`));
  await client.request("engine.info", {});
  return { client, heard };
}

const ended = (heard: string[], jobId: string) =>
  heard.includes(`job.done ${jobId}`) || heard.includes(`job.failed ${jobId}`);

describe("engine service: who hears a job", () => {
  it("the starter, a joiner and a subscriber hear it; a bystander and one who unsubscribed do not", async () => {
    const [starter, joiner, subscriber, bystander, quitter] = await Promise.all([
      listener(),
      listener(),
      listener(),
      listener(),
      listener(),
    ]);
    const { jobId, joined } = await starter.client.request("clip.analyze", { path: clip, options: { write: "none" } });
    expect(joined).toBe(false);
    const [join, subscribed, quit] = await Promise.all([
      joiner.client.request("clip.analyze", { path: clip, options: { write: "none" } }),
      subscriber.client.request("job.subscribe", { jobId }),
      quitter.client
        .request("job.subscribe", { jobId })
        .then(() => quitter.client.request("job.unsubscribe", { jobId })),
    ]);
    expect(join).toEqual({ jobId, joined: true });
    expect(subscribed.id).toBe(jobId);
    expect(quit.id).toBe(jobId);

    await expect
      .poll(() => ended(starter.heard, jobId) && ended(joiner.heard, jobId) && ended(subscriber.heard, jobId), {
        timeout: 90_000,
      })
      .toBe(true);
    for (const { heard } of [starter, joiner, subscriber]) {
      expect(heard).toContain(`job.done ${jobId}`);
      expect(heard.filter((h) => h.startsWith("job.progress")).length).toBeGreaterThan(0);
      expect(heard.every((h) => h.endsWith(jobId))).toBe(true);
    }
    expect(bystander.heard).toEqual([]);
    expect(quitter.heard.filter((h) => !h.startsWith("job.progress"))).toEqual([]);
    // Everyone may still look the job up.
    expect((await bystander.client.request("job.get", { jobId })).state).toBe("completed");
    expect((await bystander.client.request("job.list", {})).jobs.map((j) => j.id)).toContain(jobId);
  }, 120_000);

  it("subscribing to an ended job answers with its end and sends nothing more", async () => {
    const { client, heard } = await listener();
    const { jobs } = await client.request("job.list", { states: ["completed"] });
    const job = await client.request("job.subscribe", { jobId: jobs[0]!.id });
    expect(job.state).toBe("completed");
    expect(heard).toEqual([]);
  });

  it("an unknown job cannot be subscribed to", async () => {
    const { client } = await listener();
    const code = (p: Promise<unknown>) =>
      p.then(
        () => "ok",
        (e: { code: string }) => e.code,
      );
    expect(await code(client.request("job.subscribe", { jobId: "no-such-job" }))).toBe("SICHTER_E_JOB_NOT_FOUND");
    expect(await code(client.request("job.unsubscribe", { jobId: "no-such-job" }))).toBe("SICHTER_E_JOB_NOT_FOUND");
  });
});

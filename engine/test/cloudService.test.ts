import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SichterClient } from "@sichter/shared/protocol";
import { startEngine, type EngineProcess } from "./engineProcess.ts";
import { makeTempDir } from "./fixtures.ts";
import {
  KEY_ENV,
  OPENAI,
  openAiSettings,
  requestText,
  startOpenAi,
  writeHome,
  type Simulated,
} from "./simulators/cloudHarness.ts";
import { makeColourShotsClip } from "./simulators/cloudTestClip.ts";
import { OPENAI_MOTIFS, type OpenAiVisionSimulator } from "./simulators/openAiVisionSimulator.ts";

// The panels' path to cloud keywords: a job of the engine service, its result and its
// transparency record over the protocol. (sichter analyze is covered by cloudKeywording.test.ts.)
const root = makeTempDir("sichter-cloud-service-");
const folder = path.join(root, "Landtag Rohschnitt");
const clip = path.join(folder, "Sitzung Plenarsaal.mp4");
const home = path.join(root, "home");
let openAi: Simulated<OpenAiVisionSimulator>;
let engine: EngineProcess;
let client: SichterClient;
let jobId: string;

beforeAll(async () => {
  fs.mkdirSync(folder, { recursive: true });
  await makeColourShotsClip(clip, [
    { colour: "red", pattern: "corners", seconds: 2 },
    { colour: "blue", pattern: "bands", seconds: 2 },
  ]);
  // Plain HTTP is allowed to this machine only; the engine's privacy guard checks that too.
  openAi = await startOpenAi();
  writeHome(home, {
    enabled: [OPENAI],
    disabled: ["sichter.ocr"],
    settings: { [OPENAI]: openAiSettings(`${openAi.server.url}/v1`) },
  });
  // The engine passes the variable the provider's apiKeyEnv setting names into the provider's process.
  Object.assign(process.env, KEY_ENV);
  engine = await startEngine(home);
  client = engine.client();
  let finished: () => void;
  const done = new Promise<void>((resolve) => (finished = resolve));
  client.onNotification("job.done", (p) => p.jobId === jobId && finished());
  ({ jobId } = await client.request("clip.analyze", { path: clip, options: { write: "none", language: "de" } }));
  await done;
}, 180_000);

afterAll(async () => {
  client?.dispose();
  engine?.child.kill("SIGTERM");
  await engine?.exited;
  await openAi?.server.close();
  for (const name of Object.keys(KEY_ENV)) delete process.env[name];
  fs.rmSync(root, { recursive: true, force: true });
});

describe("cloud keywords through the engine service", () => {
  it("a job's result has the provider's keywords on the right shots", async () => {
    const { job, result } = await client.request("job.result", { jobId });
    expect(job.state).toBe("completed");
    expect(result.failures).toEqual([]);
    const onShot = (startFrame: number) =>
      result.tags
        .filter(
          (t) => t.source === "vision" && t.kind === "keyword" && t.language === "de" && t.startFrame === startFrame,
        )
        .map((t) => t.label);
    expect(onShot(0).sort()).toEqual([...OPENAI_MOTIFS.red.de].sort());
    expect(onShot(result.shots[1]!.startFrame).sort()).toEqual([...OPENAI_MOTIFS.blue.de].sort());
  });

  it("job.privacy tells the panel what left, and the request named neither the clip nor its folder", async () => {
    const { records } = await client.request("job.privacy", { jobId });
    expect(openAi.server.requests).toHaveLength(1);
    expect(records).toEqual([
      expect.objectContaining({
        provider: OPENAI,
        endpoint: openAi.server.url,
        images: 1,
        keyframes: 2,
        attempts: 1,
        status: 200,
        error: null,
      }),
    ]);
    expect(records[0]!.bytesSent).toBe(openAi.server.requests[0]!.body.length);
    const sent = requestText(openAi.server.requests[0]!);
    for (const name of [clip, folder, "Sitzung Plenarsaal", "Landtag Rohschnitt"]) expect(sent).not.toContain(name);
  });
});

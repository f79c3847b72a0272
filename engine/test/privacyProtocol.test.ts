import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SichterClient } from "@sichter/shared/protocol";
import { defaultCatalogPath, SqliteCatalog } from "../src/catalog/index.ts";
import { extensionDirs } from "../src/extensionHost/extensionDirs.ts";
import { TransparencyLog } from "../src/keywording/privacy/TransparencyLog.ts";
import type { TransparencyRecord } from "../src/keywording/privacy/TransparencyRecord.ts";
import { startEngineWithClient, stopEngineWithClient, type EngineProcess } from "./engineProcess.ts";
import { makeTempDir } from "./fixtures.ts";
import { runCli } from "./runCli.ts";

const root = makeTempDir("sichter-privacy-protocol-");
const home = path.join(root, "home");
const env = { SICHTER_HOME: home };
let engine: EngineProcess;
let client: SichterClient;

const JOB = "5e0d7c1a-93f2-4b6e-8d40-1a2b3c4d5e6f";
const records: TransparencyRecord[] = [
  {
    at: "2026-11-05T10:23:45.678Z",
    provider: "sichter.openai-vision",
    endpoint: "https://api.openai.com",
    images: 1,
    keyframes: 4,
    imageSizes: [{ width: 768, height: 432, bytes: 61_234 }],
    bytesSent: 83_000,
    attempts: 1,
    status: 200,
    error: null,
  },
  {
    at: "2026-11-05T10:23:50.000Z",
    provider: "sichter.openai-vision",
    endpoint: "https://api.openai.com",
    images: 1,
    keyframes: 2,
    imageSizes: [{ width: 768, height: 432, bytes: 40_000 }],
    bytesSent: 0,
    attempts: 0,
    status: null,
    error: "SICHTER_E_PROVIDER_UNAVAILABLE",
  },
];

beforeAll(async () => {
  // The user switched a cloud provider on before starting the engine; the engine reads that at start.
  expect((await runCli(["extensions", "enable", "sichter.openai-vision"], { env })).code).toBe(0);
  const catalog = SqliteCatalog.open(defaultCatalogPath(env));
  try {
    const log = new TransparencyLog(catalog.database);
    for (const r of records) log.record(JOB, r);
  } finally {
    catalog.dispose();
  }
  ({ engine, client } = await startEngineWithClient(home));
}, 60_000);
afterAll(async () => {
  await stopEngineWithClient(engine, client);
  fs.rmSync(root, { recursive: true, force: true });
});

describe("engine.info: privacy", () => {
  it("says cloud with an enabled cloud provider, lists every provider, and starts none for it", async () => {
    const info = await client.request("engine.info", {});
    expect(info.mode).toBe("cloud");
    expect(info.privacy.mode).toBe("cloud");
    expect(info.privacy.providers).toEqual(
      expect.arrayContaining([
        { id: "sichter.openai-vision", title: "OpenAI-compatible vision model", cloud: true, enabled: true },
        { id: "sichter.google-vision", title: "Google Cloud Vision", cloud: true, enabled: false },
      ]),
    );
    // An extension gets its storage folder when its process starts.
    expect(fs.existsSync(path.join(extensionDirs(env).storageDir, "sichter.openai-vision"))).toBe(false);
  });
});

describe("job.privacy", () => {
  it("answers with the job's transparency records in send order", async () => {
    expect(await client.request("job.privacy", { jobId: JOB })).toEqual({ jobId: JOB, records });
  });

  it("an id that sent nothing (or that the engine never queued) has no records, not an error", async () => {
    expect(await client.request("job.privacy", { jobId: "nothing-sent" })).toEqual({
      jobId: "nothing-sent",
      records: [],
    });
  });

  it("refuses malformed params with INVALID_PARAMS", async () => {
    const code = (p: Promise<unknown>) =>
      p.then(
        () => "ok",
        (e: { code: string }) => e.code,
      );
    expect(await code(client.request("job.privacy", { jobId: "" }))).toBe("SICHTER_E_INVALID_PARAMS");
    expect(await code(client.request("job.privacy", { jobId: JOB, path: "/media" } as never))).toBe(
      "SICHTER_E_INVALID_PARAMS",
    );
  });
});

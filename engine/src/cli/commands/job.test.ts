import fs from "node:fs";
import path from "node:path";
import { ErrorCode } from "@sichter/shared/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../../../test/fixtures.ts";
import { runCli } from "../../../test/runCli.ts";
import { defaultCatalogPath, SqliteCatalog } from "../../catalog/index.ts";
import { SichterError } from "../../core/SichterError.ts";
import { JobQueue } from "../../jobs/index.ts";
import { TransparencyLog } from "../../keywording/privacy/TransparencyLog.ts";
import type { TransparencyRecord } from "../../keywording/privacy/TransparencyRecord.ts";

let dir: string;
let home: string;
let queuedId: string;
let failedId: string;
const env = (): NodeJS.ProcessEnv => ({ SICHTER_HOME: home });

/** A `sichter analyze` run's id: random, and unknown to the queue. */
const CLI_RUN = "3f1c2a9e-77b0-4d8e-b5a1-0c6e9d2f4a11";

const sent: TransparencyRecord[] = [
  {
    at: "2026-11-05T10:23:45.678Z",
    provider: "sichter.openai-vision",
    endpoint: "https://api.openai.com",
    images: 2,
    keyframes: 8,
    imageSizes: [
      { width: 768, height: 432, bytes: 61_234 },
      { width: 768, height: 576, bytes: 70_001 },
    ],
    bytesSent: 175_000,
    attempts: 2,
    status: 200,
    error: null,
  },
  {
    at: "2026-11-05T10:24:10.000Z",
    provider: "sichter.google-vision",
    endpoint: "https://vision.googleapis.com",
    images: 1,
    keyframes: 1,
    imageSizes: [{ width: 640, height: 360, bytes: 40_000 }],
    bytesSent: 0,
    attempts: 3,
    status: 503,
    error: "SICHTER_E_PROVIDER_UNAVAILABLE",
  },
];

beforeAll(async () => {
  dir = makeTempDir("sichter-job-cli-");
  home = path.join(dir, "home");
  // Seeded the way an analysis writes them: through TransparencyLog and JobQueue on the catalog the CLI opens.
  const catalog = SqliteCatalog.open(defaultCatalogPath(env()));
  try {
    const log = new TransparencyLog(catalog.database);
    for (const record of sent) log.record(CLI_RUN, record);
    log.record("some-other-job", { ...sent[0]!, provider: "acme.vision" });

    const params = (file: string) => ({
      path: path.join(dir, file),
      options: { language: "de" as const, write: "none" as const, shotMode: "auto" as const },
    });
    const failing = JobQueue.open(catalog.database, () =>
      Promise.reject(new SichterError(ErrorCode.INTERNAL, { detail: "decoder gave up" })),
    );
    failedId = failing.enqueue(params("Landtag.mov")).job.id;
    failing.start();
    await failing.whenIdle();
    await failing.shutdown();
    // Never started: this one stays queued.
    const waiting = JobQueue.open(catalog.database, () => Promise.resolve({}));
    queuedId = waiting.enqueue(params("Interview.mov")).job.id;
    await waiting.shutdown();
  } finally {
    catalog.dispose();
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("sichter job <id> --privacy", () => {
  it("--json: the job's records in send order, nothing of other jobs", async () => {
    const r = await runCli(["job", CLI_RUN, "--privacy", "--json"], { env: env() });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ jobId: CLI_RUN, records: sent });
  });

  it("English: one line per request with provider, endpoint, sizes, bytes, attempts and answer, then per provider", async () => {
    const r = await runCli(["job", CLI_RUN, "--privacy"], { env: env() });
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe(`Job ${CLI_RUN}: 2 requests to keyword providers left this machine.`);
    expect(lines[2]).toMatch(/^Time\s+Provider\s+Endpoint\s+Images\s+Sizes \(px\)\s+Sent\s+Attempts\s+Answer$/);
    expect(lines[3]).toMatch(
      /^2026-11-05T10:23:45\.678Z\s+sichter\.openai-vision\s+https:\/\/api\.openai\.com\s+2\s+768x432, 768x576\s+175\.0 kB\s+2\s+200$/,
    );
    expect(lines[4]).toMatch(
      /^2026-11-05T10:24:10\.000Z\s+sichter\.google-vision\s+https:\/\/vision\.googleapis\.com\s+1\s+640x360\s+0 B\s+3\s+503 SICHTER_E_PROVIDER_UNAVAILABLE$/,
    );
    expect(r.stdout).toContain(
      "  sichter.google-vision: 1 request, 0 images (0 keyframes), 0 B, largest –, 1 failed; 2026-11-05T10:24:10.000Z",
    );
    expect(r.stdout).toContain(
      "  sichter.openai-vision: 1 request, 2 images (8 keyframes), 175.0 kB, largest 768x576; 2026-11-05T10:23:45.678Z",
    );
    expect(r.stdout).not.toContain("acme.vision");
  });

  it("German", async () => {
    const r = await runCli(["job", CLI_RUN, "--privacy"], { env: { ...env(), SICHTER_LANG: "de" } });
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe(
      `Auftrag ${CLI_RUN}: 2 Anfragen an Schlagwortanbieter haben diesen Rechner verlassen.`,
    );
    expect(r.stdout).toMatch(/\nZeit\s+Anbieter\s+Ziel\s+Bilder\s+Größen \(px\)\s+Gesendet\s+Versuche\s+Antwort\n/);
    expect(r.stdout).toContain("175,0 kB");
  });

  it.each([
    ["a job of the queue that sent nothing", () => queuedId],
    [
      "an id nobody knows (an analyze run that sent nothing leaves no rows)",
      () => "0a0b0c0d-0000-4000-8000-000000000000",
    ],
  ])("%s: exit 0, nothing left this machine", async (_what, id) => {
    const en = await runCli(["job", id(), "--privacy"], { env: env() });
    expect(en.code).toBe(0);
    expect(en.stdout).toBe(`Job ${id()}: nothing left this machine.\n`);
    const de = await runCli(["job", id(), "--privacy"], { env: { ...env(), SICHTER_LANG: "de" } });
    expect(de.stdout).toBe(`Auftrag ${id()}: Nichts hat diesen Rechner verlassen.\n`);
    const json = await runCli(["job", id(), "--privacy", "--json"], { env: env() });
    expect(JSON.parse(json.stdout)).toEqual({ jobId: id(), records: [] });
  });
});

describe("sichter job <id>", () => {
  it("--json: the job as the protocol shows it", async () => {
    const r = await runCli(["job", queuedId, "--json"], { env: env() });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      id: queuedId,
      state: "queued",
      clipPath: path.join(dir, "Interview.mov"),
      startedAt: null,
      error: null,
    });
  });

  it("a failed job shows its state and error", async () => {
    const r = await runCli(["job", failedId], { env: env() });
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe(failedId);
    expect(r.stdout).toMatch(/\n {2}State\s+failed\n/);
    expect(r.stdout).toContain("SICHTER_E_INTERNAL: Internal error: decoder gave up");
    const de = await runCli(["job", failedId], { env: { ...env(), SICHTER_LANG: "de" } });
    expect(de.stdout).toMatch(/\n {2}Zustand\s+failed\n/);
  });

  it("an unknown job: exit 1 with JOB_NOT_FOUND", async () => {
    const r = await runCli(["job", "0a0b0c0d-0000-4000-8000-000000000000"], { env: env() });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("SICHTER_E_JOB_NOT_FOUND: No job 0a0b0c0d-0000-4000-8000-000000000000.\n");
  });

  it.each([
    [["job"], "sichter job needs a job id"],
    [["job", "../catalog.sqlite", "--privacy"], '"../catalog.sqlite" is not a job id'],
    [["job", "Interview Müller.mov", "--privacy"], "is not a job id"],
    [["job", "a", "b"], "sichter job takes one job id"],
    [["job", CLI_RUN, "--privat"], "see: sichter job --help"],
  ])("%j: exit 2 with a usage error", async (args, message) => {
    const r = await runCli(args, { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^SICHTER_E_USAGE: /);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe("");
  });

  it("is listed in the help", async () => {
    const r = await runCli(["--help"], { env: env() });
    expect(r.stdout).toMatch(/\n {2}job <id> \[--privacy\] +a job's state, or what it sent off this machine/);
    const own = await runCli(["job", "--help"], { env: env() });
    expect(own.code).toBe(0);
    expect(own.stdout).toContain("--privacy");
  });
});

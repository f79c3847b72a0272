import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disposeExifTool, readXmp } from "../extensions/xmp/index.ts";
import { jpegSegments, jpegSize } from "../src/keywording/privacy/jpegSegments.ts";
import { makeTempDir } from "./fixtures.ts";
import { runCli } from "./runCli.ts";
import {
  analyze,
  GOOGLE,
  googleImages,
  googleSettings,
  jobFolders,
  OPENAI,
  openAiImages,
  openAiSettings,
  privacyModeOfHome,
  requestText,
  spawnAnalyze,
  startGoogle,
  startOpenAi,
  transparencyRecords,
  waitFor,
  withCatalog,
  writeHome,
  type AnalyzedClip,
  type AnalyzeRun,
  type HomeSetup,
} from "./simulators/cloudHarness.ts";
import { makeColourShotsClip } from "./simulators/cloudTestClip.ts";
import { GOOGLE_MAX_IMAGES } from "./simulators/googleVisionSimulator.ts";
import type { LoopbackServer, RecordedRequest } from "./simulators/LoopbackServer.ts";
import { OPENAI_MOTIFS } from "./simulators/openAiVisionSimulator.ts";
import { createTestCertificates, type TestCertificates } from "./simulators/testCertificates.ts";

/**
 * Cloud keywording end to end: the real `sichter analyze` (its extension processes, privacy guard,
 * catalog) against the OpenAI and Google Vision simulators on loopback servers, each run in its own
 * SICHTER_HOME. The clip has four shots: red, yellow, blue, then the red shot again. Colours alone
 * are the motif the simulators name; each shot also has its own box pattern, so the three looks hash
 * apart and only the repeated shot is a near-duplicate.
 */

const root = makeTempDir("sichter-cloud-");
/** A folder and a file name that must never reach a provider (spaces and umlauts: no base64 run can hold them). */
const folder = path.join(root, "Redaktion Müller Vorlage");
const clipName = "Einsatz Feuerwache Süd.mp4";
const clip = path.join(folder, clipName);
const SHOT_COLOURS = ["red", "yellow", "blue", "red"] as const;
/** The repeat has the first shot's pattern too: the same look. */
const SHOT_PATTERNS = ["corners", "columns", "bands", "corners"] as const;
const SHOT_FRAMES = 50;
/** Everything of the clip's identity a request must not carry. */
const FORBIDDEN = [
  clip,
  folder,
  clipName,
  path.basename(folder),
  "Einsatz Feuerwache",
  "Feuerwache",
  path.basename(root),
];

let pki: TestCertificates;
const servers: LoopbackServer[] = [];
const track = <T extends { server: LoopbackServer }>(s: T): T => {
  servers.push(s.server);
  return s;
};

/** A fresh SICHTER_HOME; OCR is switched off (the clip has no text, and it only costs time here). */
let homes = 0;
function home(setup: HomeSetup): string {
  return writeHome(path.join(root, "homes", `h${++homes}`), {
    ...setup,
    disabled: ["sichter.ocr", ...(setup.disabled ?? [])],
  });
}

beforeAll(async () => {
  fs.mkdirSync(folder, { recursive: true });
  pki = await createTestCertificates();
  // Red, yellow and blue differ in luma as well as in pattern, so every cut is a plain hard cut
  // (red and the simulators' green have the same luma, and the shot detector looks at luma).
  await makeColourShotsClip(
    clip,
    SHOT_COLOURS.map((colour, i) => ({ colour, pattern: SHOT_PATTERNS[i]!, seconds: SHOT_FRAMES / 25 })),
  );
}, 60_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await disposeExifTool();
  pki?.dispose();
  fs.rmSync(root, { recursive: true, force: true });
});

/** The one clip of a run, which must have finished (with its local tags) whatever the cloud did. */
function clipOf(run: AnalyzeRun): AnalyzedClip {
  expect(run.clips, run.result.stderr).toHaveLength(1);
  const doc = run.clips[0]!;
  expect(doc.shots.map((s) => s.startFrame)).toEqual([0, 50, 100, 150]);
  // Local analysis stands on its own: every shot is static.
  expect(doc.tags.filter((t) => t.kind === "motion.static")).toHaveLength(4);
  return doc;
}

/** Vision keywords on shot `index` in `language`, lower-cased and sorted. */
function visionKeywords(doc: AnalyzedClip, index: number, language: string): string[] {
  const shot = doc.shots[index]!;
  return doc.tags
    .filter(
      (t) =>
        t.source === "vision" &&
        t.kind === "keyword" &&
        t.language === language &&
        t.startFrame === shot.startFrame &&
        t.endFrame === shot.endFrame,
    )
    .map((t) => t.label.toLowerCase())
    .sort();
}

const motif = (colour: (typeof SHOT_COLOURS)[number], language: "de" | "en"): string[] =>
  OPENAI_MOTIFS[colour][language].map((l) => l.toLowerCase()).sort();

/** No APP1..APP15 or COM segment anywhere (the scan data walked too), and the picture's size. */
function checkCleanJpeg(jpeg: Buffer): { width: number; height: number } {
  const markers = jpegSegments(jpeg, { throughScans: true }).map((s) => s.marker);
  expect(markers.filter((m) => (m > 0xe0 && m <= 0xef) || m === 0xfe)).toEqual([]);
  expect(markers.at(-1)).toBe(0xd9);
  return jpegSize(jpeg);
}

function expectNothingNamesTheClip(requests: readonly RecordedRequest[]): void {
  for (const request of requests) {
    const text = requestText(request);
    for (const forbidden of FORBIDDEN) expect(text.includes(forbidden), `a request carries "${forbidden}"`).toBe(false);
  }
}

describe("cloud keywords over HTTPS with a test CA", () => {
  let openAi: Awaited<ReturnType<typeof startOpenAi>>;
  let sheetsHome: string;
  let sheets: AnalyzeRun;

  beforeAll(async () => {
    openAi = track(await startOpenAi({ tls: pki.server }));
    sheetsHome = home({
      enabled: [OPENAI],
      settings: { [OPENAI]: openAiSettings(`${openAi.server.url}/v1`) },
      privacy: { caFile: pki.ca.certFile },
    });
    // German newsroom, sidecar XMP (the default), contact sheets (the default).
    sheets = await analyze(sheetsHome, clip, ["--lang", "de"]);
  }, 120_000);

  it("sends the three distinct looks once, as one contact sheet: the repeated shot is a near-duplicate", () => {
    const doc = clipOf(sheets);
    expect(sheets.result.code, sheets.result.stderr).toBe(0);
    expect(doc.failures).toEqual([]);
    expect(openAi.server.requests).toHaveLength(1);
    const [request] = openAi.simulator.requests;
    expect(request!.status).toBe(200);
    // 9 tiles per sheet by default; three distinct keyframes fill one row of three.
    expect(request!.grid).toEqual({ columns: 3, rows: 1, labels: ["1", "2", "3"] });
    expect(request!.images).toHaveLength(1);
  });

  it("sends clean JPEGs (no APPn/COM), at most 768 px, and nothing that names the clip", () => {
    const images = openAi.server.requests.flatMap(openAiImages);
    expect(images).toHaveLength(1);
    for (const jpeg of images) {
      const { width, height } = checkCleanJpeg(jpeg);
      expect(Math.max(width, height)).toBeLessThanOrEqual(768);
      // A sheet of three tiles uses the width it may: this run is not trivially small.
      expect(Math.max(width, height)).toBeGreaterThan(512);
    }
    expectNothingNamesTheClip(openAi.server.requests);
    expect(openAi.server.requests[0]!.path).toBe("/v1/chat/completions");
  });

  it("puts each tile's keywords on its own shot, in German and English", () => {
    const doc = clipOf(sheets);
    for (const [index, colour] of SHOT_COLOURS.slice(0, 3).entries()) {
      expect(visionKeywords(doc, index, "de"), `shot ${index} (${colour})`).toEqual(motif(colour, "de"));
      expect(visionKeywords(doc, index, "en"), `shot ${index} (${colour})`).toEqual(motif(colour, "en"));
    }
  });

  // The keyframe step drops shot 4's keyframe as a repeat of shot 1's; the cloud stage still gives
  // shot 4 the answer for the look it repeats.
  it("gives the repeated shot the answer of the look it repeats", () => {
    const doc = clipOf(sheets);
    expect(visionKeywords(doc, 3, "de")).toEqual(motif("red", "de"));
  });

  it("writes the German keywords (only) into the sidecar's dc:subject", async () => {
    const doc = clipOf(sheets);
    expect(doc.written.sidecar).toBe(path.join(fs.realpathSync(folder), "Einsatz Feuerwache Süd.xmp"));
    const xmp = await readXmp(doc.written.sidecar!);
    const german = SHOT_COLOURS.slice(0, 3).flatMap((c) => OPENAI_MOTIFS[c].de);
    expect([...xmp.keywords].sort()).toEqual([...german].sort());
    expect(xmp.keywords).not.toContain("fire engine");
  });

  it("files one transparency record for the job: endpoint, sizes, bytes, one attempt", async () => {
    const doc = clipOf(sheets);
    expect(await privacyModeOfHome(sheetsHome)).toBe("cloud");
    const records = await transparencyRecords(sheetsHome, doc.jobId);
    expect(records).toHaveLength(1);
    const sent = openAi.server.requests[0]!;
    const size = jpegSize(openAiImages(sent)[0]!);
    expect(records[0]).toMatchObject({
      provider: OPENAI,
      endpoint: openAi.server.url,
      images: 1,
      keyframes: 3,
      attempts: 1,
      status: 200,
      error: null,
      bytesSent: sent.body.length,
      imageSizes: [{ width: size.width, height: size.height, bytes: openAiImages(sent)[0]!.length }],
    });
  });

  it("leaves no job folder in <home>/tmp after a successful run", () => {
    expect(fs.existsSync(path.join(sheetsHome, "tmp"))).toBe(true);
    expect(jobFolders(sheetsHome)).toEqual([]);
  });

  it("bills the run in the usage ledger: requests, images, keyframes, bytes, footage minutes", async () => {
    const r = await runCli(["usage", "--json"], { env: { SICHTER_HOME: sheetsHome } });
    expect(r.code, r.stderr).toBe(0);
    const usage = JSON.parse(r.stdout) as { providers: Array<Record<string, unknown>> };
    expect(usage.providers).toHaveLength(1);
    expect(usage.providers[0]).toMatchObject({
      provider: OPENAI,
      requests: 1,
      images: 1,
      keyframes: 3,
      bytesSent: openAi.server.requests[0]!.body.length,
    });
    expect(usage.providers[0]!.tokens).toBeGreaterThan(0);
    // Four shots of 2 s: 8 s of footage.
    expect(usage.providers[0]!.footageMinutes).toBeCloseTo(8 / 60, 3);
  });

  it("keeps the ledger to its allowed columns, with no trace of the clip's name or folder", () => {
    const { columns, rows } = withCatalog(sheetsHome, (c) => ({
      columns: (c.database.prepare("PRAGMA table_info(usage_ledger)").all() as Array<{ name: string }>).map(
        (col) => col.name,
      ),
      rows: c.database.prepare("SELECT * FROM usage_ledger").all() as Array<Record<string, unknown>>,
    }));
    expect(columns.sort()).toEqual([
      "at",
      "bytes_sent",
      "currency",
      "estimated_cost",
      "footage_seconds",
      "id",
      "images",
      "input_tokens",
      "keyframes",
      "output_tokens",
      "provider",
      "requests",
    ]);
    expect(rows).toHaveLength(1);
    const values = rows.flatMap((row) => Object.values(row).map(String));
    for (const forbidden of FORBIDDEN)
      expect(
        values.some((v) => v.includes(forbidden)),
        `a ledger value holds "${forbidden}"`,
      ).toBe(false);
  });

  it("single keyframes (contact sheets off) at 512 px: one OpenAI request per distinct keyframe, Google batches them", async () => {
    const openAiSingles = track(await startOpenAi({ tls: pki.server }));
    const google = track(await startGoogle({ tls: pki.server }));
    const singlesHome = home({
      enabled: [OPENAI, GOOGLE],
      settings: {
        [OPENAI]: openAiSettings(`${openAiSingles.server.url}/v1`),
        [GOOGLE]: googleSettings(`${google.server.url}/v1`),
      },
      privacy: { caFile: pki.ca.certFile, maxLongSide: 512, contactSheets: { enabled: false } },
    });
    const run = await analyze(singlesHome, clip, ["--lang", "en", "--no-write"]);
    const doc = clipOf(run);
    expect(run.result.code, run.result.stderr).toBe(0);
    expect(doc.failures).toEqual([]);

    // One request per distinct keyframe, one picture each.
    expect(openAiSingles.server.requests).toHaveLength(3);
    expect(openAiSingles.simulator.requests.map((r) => r.grid)).toEqual(
      Array(3).fill({ columns: 1, rows: 1, labels: ["1"] }),
    );
    expect(openAiSingles.simulator.requests.map((r) => r.images.length)).toEqual([1, 1, 1]);
    // Google takes up to 16 pictures per call: three keyframes are one call.
    expect(google.server.requests).toHaveLength(Math.ceil(3 / GOOGLE_MAX_IMAGES));
    expect(google.simulator.requests[0]!.images).toHaveLength(3);
    expect(google.server.requests[0]!.path).toBe("/v1/images:annotate");

    const pictures = [
      ...openAiSingles.server.requests.flatMap(openAiImages),
      ...google.server.requests.flatMap(googleImages),
    ];
    expect(pictures).toHaveLength(6);
    for (const jpeg of pictures) expect(Math.max(...Object.values(checkCleanJpeg(jpeg)))).toBeLessThanOrEqual(512);
    expectNothingNamesTheClip([...openAiSingles.server.requests, ...google.server.requests]);

    // Both providers' keywords on the right shots; the plan's keywords are English.
    for (const [index, colour] of SHOT_COLOURS.slice(0, 3).entries()) {
      expect(visionKeywords(doc, index, "en")).toEqual(expect.arrayContaining(motif(colour, "en")));
      expect(visionKeywords(doc, index, "de")).toEqual(motif(colour, "de"));
    }
    expect(visionKeywords(doc, 0, "en")).toEqual(expect.arrayContaining(["vehicle", "emergency service"]));
    expect(visionKeywords(doc, 1, "en")).toEqual(expect.arrayContaining(["festival", "tent"]));
    expect(visionKeywords(doc, 2, "en")).toEqual(expect.arrayContaining(["meeting"]));
    // One spelling per keyword (folded), whichever provider said it first.
    const keywords = doc.keywords.map((k) => k.toLowerCase());
    expect(keywords).toEqual(expect.arrayContaining(["fire engine", "summer festival", "council chamber", "meeting"]));
    expect(keywords).not.toContain("feuerwehr");
    expect(jobFolders(singlesHome)).toEqual([]);
  }, 120_000);
});

describe("local-only and refusals", () => {
  it("local-only: settings present, provider not enabled: not one connection", async () => {
    const openAi = track(await startOpenAi({ tls: pki.server }));
    const localHome = home({
      settings: { [OPENAI]: openAiSettings(`${openAi.server.url}/v1`) },
      privacy: { caFile: pki.ca.certFile },
    });
    expect(await privacyModeOfHome(localHome)).toBe("local-only");
    const run = await analyze(localHome, clip, ["--no-write"]);
    const doc = clipOf(run);
    expect(run.result.code, run.result.stderr).toBe(0);
    expect(doc.failures).toEqual([]);
    expect(doc.tags.filter((t) => t.source === "vision")).toEqual([]);
    expect(openAi.server.connections).toBe(0);
    expect(await transparencyRecords(localHome, doc.jobId)).toEqual([]);
  }, 60_000);

  describe("refusals", () => {
    let google: Awaited<ReturnType<typeof startGoogle>>;
    let refusingHome: string;
    let run: AnalyzeRun;

    beforeAll(async () => {
      // Google behind a self-signed certificate, and no caFile that could vouch for it.
      google = track(await startGoogle({ tls: pki.selfSigned }));
      refusingHome = home({
        enabled: [OPENAI, GOOGLE],
        settings: {
          [OPENAI]: openAiSettings("http://example.invalid/v1"),
          [GOOGLE]: googleSettings(`${google.server.url}/v1`),
        },
      });
      run = await analyze(refusingHome, clip, ["--no-write"]);
    }, 60_000);

    it("refuses plain HTTP off loopback and an untrusted certificate; the clip still gets its local tags", async () => {
      const doc = clipOf(run);
      const failures = Object.fromEntries(doc.failures.map((f) => [f.analyzer, f.code]));
      expect(failures).toEqual({
        [OPENAI]: "SICHTER_E_PRIVACY_INSECURE_ENDPOINT",
        [GOOGLE]: "SICHTER_E_PRIVACY_CERTIFICATE_INVALID",
      });
      // A provider failure is reported (exit 1) but does not fail the clip.
      expect(run.result.code).toBe(1);
      expect(doc.tags.filter((t) => t.source === "vision")).toEqual([]);
      // The TLS handshake was the only contact: it connected once, refused, and sent nothing.
      expect(google.server.connections).toBe(1);
      expect(google.server.requests).toEqual([]);
      const records = await transparencyRecords(refusingHome, doc.jobId);
      // The insecure endpoint is refused before any attempt: no record, nothing sent.
      expect(records.filter((r) => r.provider === OPENAI)).toEqual([]);
      expect(records.reduce((n, r) => n + r.bytesSent, 0)).toBe(0);
      expect(records.filter((r) => r.provider === GOOGLE)).toEqual([
        expect.objectContaining({
          attempts: 1,
          status: null,
          bytesSent: 0,
          error: "SICHTER_E_PRIVACY_CERTIFICATE_INVALID",
        }),
      ]);
    });

    // The refused handshake carried no picture: nothing to bill.
    it("bills nothing for a request refused at the TLS handshake", () => {
      const rows = withCatalog(refusingHome, (c) =>
        c.database.prepare("SELECT provider, requests, images, bytes_sent FROM usage_ledger").all(),
      );
      expect(rows).toEqual([]);
    });
  });
});

describe("resilience", () => {
  it("429 with Retry-After then success; 500 four times gives up as unavailable after 4 attempts", async () => {
    const openAi = track(await startOpenAi({ tls: pki.server, failures: [{ status: 429, retryAfter: "1" }] }));
    const google = track(
      await startGoogle({
        tls: pki.server,
        failures: [{ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 }],
      }),
    );
    const flakyHome = home({
      enabled: [OPENAI, GOOGLE],
      settings: {
        [OPENAI]: openAiSettings(`${openAi.server.url}/v1`),
        [GOOGLE]: googleSettings(`${google.server.url}/v1`),
      },
      privacy: { caFile: pki.ca.certFile },
    });
    const run = await analyze(flakyHome, clip, ["--no-write", "--lang", "en"]);
    const doc = clipOf(run);
    expect(doc.failures.map((f) => [f.analyzer, f.code])).toEqual([[GOOGLE, "SICHTER_E_PROVIDER_UNAVAILABLE"]]);
    for (const [index, colour] of SHOT_COLOURS.slice(0, 3).entries())
      expect(visionKeywords(doc, index, "en")).toEqual(motif(colour, "en"));

    const first = openAi.server.requests;
    expect(first).toHaveLength(2);
    expect(google.server.requests).toHaveLength(4);
    const records = await transparencyRecords(flakyHome, doc.jobId);
    expect(records.filter((r) => r.provider === OPENAI)).toEqual([
      expect.objectContaining({ attempts: 2, status: 200, error: null }),
    ]);
    expect(records.filter((r) => r.provider === GOOGLE)).toEqual([
      expect.objectContaining({ attempts: 4, status: 500, error: "SICHTER_E_PROVIDER_UNAVAILABLE" }),
    ]);
    // Temp folder: gone after a provider failure too.
    expect(jobFolders(flakyHome)).toEqual([]);
  }, 90_000);

  describe("a hanging server and a malformed answer", () => {
    let openAi: Awaited<ReturnType<typeof startOpenAi>>;
    let google: Awaited<ReturnType<typeof startGoogle>>;
    let slowHome: string;
    let run: AnalyzeRun;

    beforeAll(async () => {
      openAi = track(await startOpenAi({ tls: pki.server, failures: ["hang", "hang", "hang", "hang"] }));
      google = track(await startGoogle({ tls: pki.server, failures: ["malformed"] }));
      slowHome = home({
        enabled: [OPENAI, GOOGLE],
        settings: {
          [OPENAI]: openAiSettings(`${openAi.server.url}/v1`),
          [GOOGLE]: googleSettings(`${google.server.url}/v1`),
        },
        privacy: { caFile: pki.ca.certFile, requestTimeoutSeconds: 1 },
      });
      run = await analyze(slowHome, clip, ["--no-write"]);
    }, 90_000);

    it("times out (requestTimeoutSeconds 1) as unavailable after 4 attempts; a malformed answer is invalid", async () => {
      const doc = clipOf(run);
      expect(Object.fromEntries(doc.failures.map((f) => [f.analyzer, f.code]))).toEqual({
        [OPENAI]: "SICHTER_E_PROVIDER_UNAVAILABLE",
        [GOOGLE]: "SICHTER_E_PROVIDER_RESPONSE_INVALID",
      });
      expect(openAi.server.requests).toHaveLength(4);
      expect(google.server.requests).toHaveLength(1);
      expect(doc.tags.filter((t) => t.source === "vision")).toEqual([]);
      const records = await transparencyRecords(slowHome, doc.jobId);
      expect(records.filter((r) => r.provider === OPENAI)).toEqual([
        expect.objectContaining({ attempts: 4, status: null, error: "SICHTER_E_PROVIDER_UNAVAILABLE" }),
      ]);
      expect(jobFolders(slowHome)).toEqual([]);
    });

    // Four complete requests reached the server and were never answered: they left all the same.
    it("records the bytes of requests that went out but were never answered", async () => {
      const records = await transparencyRecords(slowHome, clipOf(run).jobId);
      const sent = openAi.server.requests.reduce((n, r) => n + r.body.length, 0);
      expect(records.find((r) => r.provider === OPENAI)!.bytesSent).toBe(sent);
    });
  });
});

describe("temporary frames", () => {
  it("Ctrl-C while a provider holds the request: exit 130, no job folder left", async () => {
    const openAi = track(await startOpenAi({ tls: pki.server, failures: ["hang"] }));
    const cancelHome = home({
      enabled: [OPENAI],
      settings: { [OPENAI]: openAiSettings(`${openAi.server.url}/v1`) },
      privacy: { caFile: pki.ca.certFile },
    });
    const run = spawnAnalyze(cancelHome, clip, ["--no-write"]);
    await waitFor(() => openAi.server.requests.length > 0, 60_000, "the request to reach the hanging server");
    // The job's frames are on disk while it waits for the provider: the analysis's own folder and the
    // one holding keyframe pictures until the catalog copies them in under the clip's id.
    expect(jobFolders(cancelHome)).toHaveLength(2);
    run.child.kill("SIGINT");
    expect(await run.exited).toBe(130);
    expect(run.output()).toContain("SICHTER_E_CANCELLED");
    expect(jobFolders(cancelHome)).toEqual([]);
  }, 90_000);

  it("SIGKILL mid-request leaves the job's folders; the next run's startup sweep removes them", async () => {
    const openAi = track(await startOpenAi({ tls: pki.server, failures: ["hang"] }));
    const killHome = home({
      enabled: [OPENAI],
      settings: { [OPENAI]: openAiSettings(`${openAi.server.url}/v1`) },
      privacy: { caFile: pki.ca.certFile },
    });
    const run = spawnAnalyze(killHome, clip, ["--no-write"]);
    await waitFor(() => openAi.server.requests.length > 0, 60_000, "the request to reach the hanging server");
    run.child.kill("SIGKILL");
    await run.exited;
    const leftover = jobFolders(killHome);
    expect(leftover).toHaveLength(2);

    // The next run (the provider answers now) sweeps the dead run's folders and leaves none of its own.
    const again = await analyze(killHome, clip, ["--no-write"]);
    expect(clipOf(again).failures).toEqual([]);
    expect(jobFolders(killHome)).toEqual([]);
  }, 120_000);
});

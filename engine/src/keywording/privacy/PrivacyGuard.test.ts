import { randomUUID } from "node:crypto";
import { ErrorCode } from "@sichter/shared/errors";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  startLoopbackServer,
  type LoopbackServer,
  type LoopbackServerOptions,
  type ScriptedResponse,
} from "../../../test/simulators/LoopbackServer.ts";
import { createTestCertificates, type TestCertificates } from "../../../test/simulators/testCertificates.ts";
import { SichterError } from "../../core/SichterError.ts";
import type { RgbImage } from "../../media/FrameSource.ts";
import type { OutboundRequest, ProviderImage } from "../../extensionApi/KeywordProvider.ts";
import type { RetryPolicy } from "../resilience/index.ts";
import { encodeJpeg } from "./encodeJpeg.ts";
import { jpegSegments } from "./jpegSegments.ts";
import { PrivacyGuard, ProviderGates, type PrivacyGuardOptions } from "./PrivacyGuard.ts";
import { PrivacySettings } from "./PrivacySettings.ts";
import type { TransparencyRecord } from "./TransparencyRecord.ts";

/** A made-up clip of a made-up newsroom; its folder is all base64 characters on purpose (see below). */
const FOLDER = "/Volumes/Archiv/Landtag2024";
const FILE = "Sitzung Plenum.mov";
const CLIP = `${FOLDER}/${FILE}`;
const PROVIDER = "sichter.test-vision";
const FAST: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5 };

function solid(width: number, height: number, colour: readonly [number, number, number]): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) data.set(colour, i * 3);
  return { width, height, data };
}

function providerImage(jpeg: Buffer, width: number, height: number, tiles = 1): ProviderImage {
  return {
    id: randomUUID(),
    jpegBase64: jpeg.toString("base64"),
    width,
    height,
    tiles: Array.from({ length: tiles }, (_, i) => ({ label: String(i + 1) })),
    columns: Math.min(tiles, 3),
    rows: Math.ceil(tiles / 3),
  };
}

/** An APP1 EXIF block (with a "GPS" tag name as a camera would write) spliced in right after SOI. */
function withExif(jpeg: Buffer): Buffer {
  const payload = Buffer.concat([
    Buffer.from("Exif\0\0MM\0*\0\0\0\x08", "latin1"),
    Buffer.from("GPSLatitude 52.5200 N", "latin1"),
  ]);
  const header = Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]);
  return Buffer.concat([jpeg.subarray(0, 2), header, payload, jpeg.subarray(2)]);
}

async function refusal(promise: Promise<unknown>): Promise<SichterError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "expected a refusal").toBeInstanceOf(SichterError);
  return error as SichterError;
}

function thrown(fn: () => unknown): SichterError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SichterError);
    return error as SichterError;
  }
  throw new Error("expected a refusal");
}

describe("PrivacyGuard", () => {
  let pki: TestCertificates;
  let small: { jpeg: Buffer; width: number; height: number };
  let sheet: { jpeg: Buffer; width: number; height: number };
  const servers: LoopbackServer[] = [];

  beforeAll(async () => {
    pki = await createTestCertificates();
    small = await encodeJpeg(solid(96, 54, [200, 40, 40]), { maxLongSide: 768 });
    sheet = await encodeJpeg(solid(400, 300, [40, 200, 40]), { maxLongSide: 768 });
  }, 120_000);
  afterAll(() => pki?.dispose());
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  async function serve(handler: LoopbackServerOptions["handler"], tls = false): Promise<LoopbackServer> {
    const server = await startLoopbackServer({
      handler,
      ...(tls && { tls: { key: pki.server.key, cert: pki.server.cert } }),
    });
    servers.push(server);
    return server;
  }

  /** Answers with the scripted statuses in turn (the last one repeats). */
  function sequence(...answers: ScriptedResponse[]): LoopbackServerOptions["handler"] {
    let n = 0;
    return () => answers[Math.min(n++, answers.length - 1)]!;
  }

  const ok: ScriptedResponse = {
    status: 200,
    headers: { "Content-Type": "application/json", "X-Request-Id": "r-7" },
    body: '{"labels":["Plenarsaal"]}',
  };

  function guard(over: Partial<PrivacyGuardOptions> & { settings?: PrivacySettings } = {}): PrivacyGuard {
    return new PrivacyGuard({
      mode: "cloud",
      settings: PrivacySettings.parse({}),
      clipPath: CLIP,
      gates: new ProviderGates(),
      retryPolicy: FAST,
      sleep: async () => {},
      ...over,
    });
  }

  /** A request as a provider builds it: the images' base64 in a JSON body. */
  function request(
    url: string,
    images: readonly ProviderImage[],
    extra: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): OutboundRequest {
    return {
      url,
      headers: { "content-type": "application/json", authorization: "Bearer test-key", ...headers },
      body: JSON.stringify({
        prompt: "Schlagworte für jedes Bild",
        images: images.map((i) => ({ id: i.id, data: i.jpegBase64 })),
        ...extra,
      }),
      imageIds: images.map((i) => i.id),
    };
  }

  describe("admit", () => {
    it("accepts a clean JPEG within the size limit and hands it back unchanged", () => {
      const image = providerImage(small.jpeg, small.width, small.height);
      expect(guard().admit(image)).toBe(image);
    });

    it("refuses a JPEG carrying an EXIF APP1 block", () => {
      const dirty = withExif(small.jpeg);
      // The splice is a well-formed JPEG with an APP1 segment: the refusal is about the metadata.
      expect(
        jpegSegments(dirty)
          .map((s) => s.name)
          .slice(0, 3),
      ).toEqual(["SOI", "APP1", "APP0"]);
      const e = thrown(() => guard().admit(providerImage(dirty, small.width, small.height)));
      expect(e.code).toBe(ErrorCode.PRIVACY_IMAGE_REFUSED);
      expect(String(e.params.detail)).toContain("EXIF");
    });

    it("refuses a JPEG larger than settings.maxLongSide, accepts one exactly at it", async () => {
      const g = guard({ settings: PrivacySettings.parse({ maxLongSide: 256 }) });
      const e = thrown(() => g.admit(providerImage(sheet.jpeg, sheet.width, sheet.height)));
      expect(e.code).toBe(ErrorCode.PRIVACY_IMAGE_REFUSED);
      expect(String(e.params.detail)).toContain("256");
      const fits = await encodeJpeg(solid(400, 300, [40, 200, 40]), { maxLongSide: 256 });
      expect(Math.max(fits.width, fits.height)).toBe(256);
      expect(() => g.admit(providerImage(fits.jpeg, fits.width, fits.height))).not.toThrow();
    });

    it("refuses what is not a JPEG at all", () => {
      const e = thrown(() => guard().admit(providerImage(Buffer.from("GIF89a not a jpeg"), 1, 1)));
      expect(e.code).toBe(ErrorCode.PRIVACY_IMAGE_REFUSED);
    });
  });

  describe("send refuses before any connection", () => {
    it("in local-only mode", async () => {
      const server = await serve(() => ok);
      const g = guard({ mode: "local-only" });
      const image = g.admit(providerImage(small.jpeg, small.width, small.height));
      const e = await refusal(g.send(PROVIDER, request(`${server.url}/v1`, [image])));
      expect(e.code).toBe(ErrorCode.PRIVACY_LOCAL_ONLY);
      expect(server.connections).toBe(0);
      expect(g.trafficOf(PROVIDER)).toEqual({ requests: 0, images: 0, keyframes: 0, bytesSent: 0 });
    });

    it("an image id that never came through admit", async () => {
      const server = await serve(() => ok);
      const g = guard();
      const admitted = g.admit(providerImage(small.jpeg, small.width, small.height));
      const stranger = providerImage(small.jpeg, small.width, small.height);
      const e = await refusal(g.send(PROVIDER, request(`${server.url}/v1`, [admitted, stranger])));
      expect(e.code).toBe(ErrorCode.PRIVACY_IMAGE_REFUSED);
      expect(String(e.params.detail)).toContain(stranger.id);
      expect(server.connections).toBe(0);
    });

    it("an image that admit refused cannot be sent either", async () => {
      const server = await serve(() => ok);
      const g = guard();
      const dirty = providerImage(withExif(small.jpeg), small.width, small.height);
      expect(() => g.admit(dirty)).toThrow(SichterError);
      const e = await refusal(g.send(PROVIDER, request(`${server.url}/v1`, [dirty])));
      expect(e.code).toBe(ErrorCode.PRIVACY_IMAGE_REFUSED);
      expect(server.connections).toBe(0);
    });

    it.each([
      ["the file name", { title: FILE }],
      ["the folder", { context: `aus ${FOLDER} importiert` }],
      ["the full path", { source: CLIP }],
    ])("a body naming %s", async (_what, extra) => {
      const server = await serve(() => ok);
      const g = guard();
      const image = g.admit(providerImage(small.jpeg, small.width, small.height));
      const e = await refusal(g.send(PROVIDER, request(`${server.url}/v1`, [image], extra)));
      expect(e.code).toBe(ErrorCode.PRIVACY_IMAGE_REFUSED);
      // The refusal itself does not repeat what it refused to send.
      expect(JSON.stringify(e.params) + e.message).not.toContain(FOLDER);
      expect(server.connections).toBe(0);
      expect(g.trafficOf(PROVIDER).requests).toBe(0);
    });

    it.each([
      ["the file name", { "x-clip": FILE }],
      ["the folder", { "x-source-folder": FOLDER }],
      ["the full path", { "x-source": CLIP }],
    ])("a header naming %s", async (_what, headers) => {
      const server = await serve(() => ok);
      const g = guard();
      const image = g.admit(providerImage(small.jpeg, small.width, small.height));
      const e = await refusal(g.send(PROVIDER, request(`${server.url}/v1`, [image], {}, headers)));
      expect(e.code).toBe(ErrorCode.PRIVACY_IMAGE_REFUSED);
      expect(server.connections).toBe(0);
    });

    it.each([
      ["a quote in the file name", '/Volumes/Archiv/Interview "Meier".mov', { title: 'Interview "Meier".mov' }],
      [
        "a backslash in the folder",
        "/Volumes/Archiv/Pool\\Landtag/Sitzung.mov",
        { folder: "/Volumes/Archiv/Pool\\Landtag" },
      ],
      ["a tab in the file name", "/Volumes/Archiv/Sitzung\tPlenum.mov", { title: "Sitzung\tPlenum.mov" }],
    ])("a JSON body naming the clip with %s (escaped on the wire)", async (_what, clipPath, extra) => {
      const server = await serve(() => ok);
      const g = guard({ clipPath });
      const image = g.admit(providerImage(small.jpeg, small.width, small.height));
      const req = request(`${server.url}/v1`, [image], extra);
      // JSON escapes the character, so the raw name is not in the body as such.
      expect(req.body).not.toContain(Object.values(extra)[0]);
      const e = await refusal(g.send(PROVIDER, req));
      expect(e.code).toBe(ErrorCode.PRIVACY_IMAGE_REFUSED);
      expect(server.connections).toBe(0);
    });

    it("a header naming a file name that JSON would escape", async () => {
      const server = await serve(() => ok);
      const g = guard({ clipPath: '/Volumes/Archiv/Interview "Meier".mov' });
      const image = g.admit(providerImage(small.jpeg, small.width, small.height));
      const e = await refusal(
        g.send(PROVIDER, request(`${server.url}/v1`, [image], {}, { "x-title": 'Interview "Meier".mov' })),
      );
      expect(e.code).toBe(ErrorCode.PRIVACY_IMAGE_REFUSED);
      expect(server.connections).toBe(0);
    });

    it("a base64 run too short to be image data still counts as naming the folder", async () => {
      const server = await serve(() => ok);
      const g = guard();
      const image = g.admit(providerImage(small.jpeg, small.width, small.height));
      const short = `${"A".repeat(40)}${FOLDER}${"A".repeat(40)}`; // 107 characters, below the 200 of image data
      const e = await refusal(g.send(PROVIDER, request(`${server.url}/v1`, [image], { blob: short })));
      expect(e.code).toBe(ErrorCode.PRIVACY_IMAGE_REFUSED);
      expect(server.connections).toBe(0);
    });
  });

  it("does not refuse image data that happens to contain the folder name as a substring", async () => {
    const server = await serve(() => ok);
    const g = guard();
    const image = g.admit(providerImage(small.jpeg, small.width, small.height));
    // "/Volumes/Archiv/Landtag2024" is made of base64 characters only; inside a long run it is chance, not a leak.
    const run = `${"QUJD".repeat(60)}${FOLDER}${"REVG".repeat(60)}`;
    expect(/^[A-Za-z0-9+/=]+$/.test(run)).toBe(true);
    expect(run.length).toBeGreaterThan(200);
    const req = request(`${server.url}/v1`, [image], { data: run });
    expect(req.body).toContain(FOLDER);
    const answer = await g.send(PROVIDER, req);
    expect(answer.status).toBe(200);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.body.toString("utf8")).toBe(req.body);
  });

  it("sends over HTTPS trusting the custom CA, and writes down what left", async () => {
    const server = await serve(() => ok, true);
    const seen: TransparencyRecord[] = [];
    const g = guard({ settings: PrivacySettings.parse({ caFile: pki.ca.certFile }), onRecord: (r) => seen.push(r) });
    const single = g.admit(providerImage(small.jpeg, small.width, small.height));
    const contact = g.admit(providerImage(sheet.jpeg, sheet.width, sheet.height, 4));
    const req = request(`${server.url}/v1/images:annotate?key=SECRET-KEY`, [single, contact]);
    const before = Date.now();

    const answer = await g.send(PROVIDER, req);

    expect(answer.status).toBe(200);
    expect(answer.body).toBe('{"labels":["Plenarsaal"]}');
    expect(answer.headers["x-request-id"]).toBe("r-7");
    expect(server.requests).toHaveLength(1);
    const arrived = server.requests[0]!;
    expect(arrived.method).toBe("POST");
    expect(arrived.path).toBe("/v1/images:annotate?key=SECRET-KEY");
    expect(arrived.body.toString("utf8")).toBe(req.body);
    expect(arrived.headers.authorization).toBe("Bearer test-key");

    const bytes = Buffer.byteLength(req.body, "utf8");
    expect(g.records).toHaveLength(1);
    const record = g.records[0]!;
    expect(record).toEqual({
      at: record.at,
      provider: PROVIDER,
      endpoint: server.url, // scheme and host only: no path, no key in the query
      images: 2,
      keyframes: 5,
      imageSizes: [
        { width: small.width, height: small.height, bytes: small.jpeg.length },
        { width: sheet.width, height: sheet.height, bytes: sheet.jpeg.length },
      ],
      bytesSent: bytes,
      attempts: 1,
      status: 200,
      error: null,
    });
    expect(record.endpoint).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(JSON.stringify(record)).not.toContain("SECRET");
    expect(Date.parse(record.at)).toBeGreaterThanOrEqual(before - 1000);
    expect(seen).toEqual([record]);

    expect(g.trafficOf(PROVIDER)).toEqual({ requests: 1, images: 2, keyframes: 5, bytesSent: bytes });
    expect(g.trafficOf("sichter.other")).toEqual({ requests: 0, images: 0, keyframes: 0, bytesSent: 0 });
    // trafficOf hands out a copy: the caller cannot change the guard's count.
    g.trafficOf(PROVIDER).requests = 99;
    expect(g.trafficOf(PROVIDER).requests).toBe(1);
  });

  it("records each image's size as its JPEG says, whatever the image object claims", async () => {
    const server = await serve(() => ok);
    const g = guard();
    const image = g.admit({ ...providerImage(sheet.jpeg, sheet.width, sheet.height), width: 1, height: 1 });
    await g.send(PROVIDER, request(`${server.url}/v1`, [image]));
    expect(g.records[0]!.imageSizes).toEqual([{ width: sheet.width, height: sheet.height, bytes: sheet.jpeg.length }]);
    expect([sheet.width, sheet.height]).toEqual([400, 300]);
  });

  it("without the custom CA the test server's certificate is refused (checks stay on)", async () => {
    const server = await serve(() => ok, true);
    const g = guard();
    const image = g.admit(providerImage(small.jpeg, small.width, small.height));
    const e = await refusal(g.send(PROVIDER, request(`${server.url}/v1`, [image])));
    expect(e.code).toBe(ErrorCode.PRIVACY_CERTIFICATE_INVALID);
    expect(server.requests).toHaveLength(0);
    expect(g.records[0]).toMatchObject({ error: ErrorCode.PRIVACY_CERTIFICATE_INVALID, attempts: 1, status: null });
  });

  it("refuses plain HTTP off loopback without connecting", async () => {
    const g = guard();
    const image = g.admit(providerImage(small.jpeg, small.width, small.height));
    const e = await refusal(g.send(PROVIDER, request("http://vision.example.invalid/v1", [image])));
    expect(e.code).toBe(ErrorCode.PRIVACY_INSECURE_ENDPOINT);
  });

  describe("retries", () => {
    it("503 then 200 succeeds on the second attempt", async () => {
      const server = await serve(sequence({ status: 503, body: "busy" }, ok));
      const sleeps: number[] = [];
      const g = guard({ sleep: async (ms) => void sleeps.push(ms) });
      const image = g.admit(providerImage(small.jpeg, small.width, small.height));
      const req = request(`${server.url}/v1`, [image]);
      const answer = await g.send(PROVIDER, req);
      expect(answer.status).toBe(200);
      expect(server.requests).toHaveLength(2);
      expect(sleeps).toHaveLength(1);
      expect(sleeps[0]).toBeLessThanOrEqual(FAST.maxDelayMs);
      const bytes = Buffer.byteLength(req.body);
      expect(g.records).toHaveLength(1);
      expect(g.records[0]).toMatchObject({ attempts: 2, status: 200, error: null, bytesSent: 2 * bytes, images: 1 });
      expect(g.trafficOf(PROVIDER)).toEqual({ requests: 2, images: 1, keyframes: 1, bytesSent: 2 * bytes });
    });

    it("4 x 500 gives up with PROVIDER_UNAVAILABLE and records that code", async () => {
      const server = await serve(() => ({ status: 500, body: "down" }));
      const g = guard();
      const image = g.admit(providerImage(small.jpeg, small.width, small.height));
      const req = request(`${server.url}/v1`, [image]);
      const e = await refusal(g.send(PROVIDER, req));
      expect(e.code).toBe(ErrorCode.PROVIDER_UNAVAILABLE);
      expect(server.requests).toHaveLength(4);
      expect(g.records).toHaveLength(1);
      expect(g.records[0]).toMatchObject({
        provider: PROVIDER,
        attempts: 4,
        status: 500,
        error: ErrorCode.PROVIDER_UNAVAILABLE,
      });
      // The bytes went out four times even though no useful answer came back.
      expect(g.trafficOf(PROVIDER)).toEqual({
        requests: 4,
        images: 1,
        keyframes: 1,
        bytesSent: 4 * Buffer.byteLength(req.body),
      });
    });

    it("400 is handed to the provider to interpret, not retried", async () => {
      const server = await serve(() => ({
        status: 400,
        headers: { "content-type": "application/json" },
        body: '{"error":"bad image"}',
      }));
      const sleeps: number[] = [];
      const g = guard({ sleep: async (ms) => void sleeps.push(ms) });
      const image = g.admit(providerImage(small.jpeg, small.width, small.height));
      const answer = await g.send(PROVIDER, request(`${server.url}/v1`, [image]));
      expect(answer).toMatchObject({ status: 400, body: '{"error":"bad image"}' });
      expect(server.requests).toHaveLength(1);
      expect(sleeps).toEqual([]);
      expect(g.records[0]).toMatchObject({ attempts: 1, status: 400, error: null });
    });
  });

  it("opens the circuit across guards sharing one ProviderGates: a new job fails at once without connecting", async () => {
    const server = await serve(() => ({ status: 500, body: "down" }));
    const gates = new ProviderGates();
    const policy: RetryPolicy = { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 };
    // Five jobs in a row, each one request that fails after its retries (the breaker's threshold is 5).
    for (let job = 0; job < 5; job++) {
      const g = guard({ gates, retryPolicy: policy });
      const image = g.admit(providerImage(small.jpeg, small.width, small.height));
      const e = await refusal(g.send(PROVIDER, request(`${server.url}/v1`, [image])));
      expect(e.code).toBe(ErrorCode.PROVIDER_UNAVAILABLE);
    }
    expect(server.connections).toBe(10);

    const next = guard({ gates, retryPolicy: policy });
    const image = next.admit(providerImage(small.jpeg, small.width, small.height));
    const e = await refusal(next.send(PROVIDER, request(`${server.url}/v1`, [image])));
    expect(e.code).toBe(ErrorCode.PROVIDER_CIRCUIT_OPEN);
    expect(server.connections).toBe(10);
    expect(next.records[0]).toMatchObject({
      attempts: 0,
      status: null,
      bytesSent: 0,
      error: ErrorCode.PROVIDER_CIRCUIT_OPEN,
    });
    expect(next.trafficOf(PROVIDER)).toEqual({ requests: 0, images: 0, keyframes: 0, bytesSent: 0 });

    // The breaker is per provider: another provider on the same gates is still asked.
    const other = await refusal(next.send("sichter.other-vision", request(`${server.url}/v1`, [image])));
    expect(other.code).toBe(ErrorCode.PROVIDER_UNAVAILABLE);
    expect(server.connections).toBe(12);
    // And separate gates (another engine process) know nothing of the open circuit.
    const fresh = guard({ retryPolicy: policy });
    const freshImage = fresh.admit(providerImage(small.jpeg, small.width, small.height));
    await refusal(fresh.send(PROVIDER, request(`${server.url}/v1`, [freshImage])));
    expect(server.connections).toBe(14);
  });

  it("refuses a redirect and never contacts its target", async () => {
    const target = await serve(() => ({ status: 200, body: "stolen" }));
    const server = await serve(() => ({ status: 307, headers: { location: `${target.url}/collect?key=SECRET` } }));
    const g = guard();
    const image = g.admit(providerImage(small.jpeg, small.width, small.height));
    const e = await refusal(g.send(PROVIDER, request(`${server.url}/v1`, [image])));
    expect(e.code).toBe(ErrorCode.PRIVACY_REDIRECT_REFUSED);
    expect(server.requests).toHaveLength(1); // not retried
    expect(target.connections).toBe(0);
    expect(g.records[0]).toMatchObject({ attempts: 1, error: ErrorCode.PRIVACY_REDIRECT_REFUSED });
  });

  it("sender(provider) is send for that provider", async () => {
    const server = await serve(() => ok);
    const g = guard();
    const image = g.admit(providerImage(small.jpeg, small.width, small.height));
    const send = g.sender("sichter.bound");
    const answer = await send(request(`${server.url}/v1`, [image]), {
      isCancellationRequested: false,
      onCancellationRequested: () => ({ dispose() {} }),
    });
    expect(answer.status).toBe(200);
    expect(g.records.map((r) => r.provider)).toEqual(["sichter.bound"]);
    expect(g.trafficOf("sichter.bound").requests).toBe(1);
  });
});

import type { Keyframe, Shot } from "@sichter/shared/model";
import { ErrorCode } from "@sichter/shared/errors";
import { afterEach, describe, expect, it } from "vitest";
import {
  startLoopbackServer,
  type LoopbackServer,
  type LoopbackServerOptions,
} from "../../../test/simulators/LoopbackServer.ts";
import { type CancellationToken } from "../../core/Cancellation.ts";
import { SichterError } from "../../core/SichterError.ts";
import type { FrameSource, RgbImage } from "../../media/FrameSource.ts";
import type { EngineKeywordRequest, ImageAnswer, ProviderImage } from "../../extensionApi/KeywordProvider.ts";
import { assertCleanJpeg } from "../privacy/jpegSegments.ts";
import { PrivacyGuard, ProviderGates } from "../privacy/PrivacyGuard.ts";
import type { OutboundMode } from "../privacy/OutboundPolicy.ts";
import { PrivacySettings } from "../privacy/PrivacySettings.ts";
import { cloudKeywords, type PipelineKeywordProvider, type ProviderUsage } from "./cloudKeywords.ts";

const CLIP = "/Volumes/Archiv/Landtag2024/Sitzung Plenum.mov";

const shots: Shot[] = [
  { index: 0, startFrame: 0, endFrame: 100, transition: null },
  { index: 1, startFrame: 100, endFrame: 200, transition: { type: "cut", startFrame: 100, endFrame: 100 } },
  { index: 2, startFrame: 200, endFrame: 300, transition: { type: "cut", startFrame: 200, endFrame: 200 } },
  { index: 3, startFrame: 300, endFrame: 400, transition: { type: "cut", startFrame: 300, endFrame: 300 } },
];

/** One keyframe per shot; shot 3 cuts back to the look of shot 0 (same hash), so 3 keyframes are sent. */
const keyframes: Keyframe[] = [
  { shot: 0, frame: 50, timecode: "00:00:02:00", seconds: 2, hash: "ffffffff00000000" },
  { shot: 1, frame: 150, timecode: "00:00:06:00", seconds: 6, hash: "00000000ffffffff" },
  { shot: 2, frame: 250, timecode: "00:00:10:00", seconds: 10, hash: "aaaaaaaaaaaaaaaa" },
  { shot: 3, frame: 350, timecode: "00:00:14:00", seconds: 14, hash: "ffffffff00000000" },
];

function fakeFrames(): FrameSource & { calls: number[] } {
  const calls: number[] = [];
  return {
    calls,
    async rgb(first: number, width: number, count = 1): Promise<RgbImage[]> {
      calls.push(first);
      const height = 2 * Math.round((width * 9) / 16 / 2);
      const data = new Uint8Array(width * height * 3).fill((first * 37) % 256);
      return Array.from({ length: count }, () => ({ width, height, data }));
    },
  };
}

const input = () => ({ shots, keyframes, frames: fakeFrames(), durationSeconds: 16 });

interface FakeProvider extends PipelineKeywordProvider {
  /** What each call got. */
  readonly calls: Array<{ images: readonly ProviderImage[]; context: EngineKeywordRequest }>;
}

/**
 * A provider as an extension writes one. With `url`, it sends every picture there through
 * context.send and answers each tile with the keyword the server names; without, it answers
 * without sending anything (a local provider). `fail` throws before anything is sent.
 */
function provider(
  id: string,
  options: {
    cloud: boolean;
    contactSheets: boolean;
    url?: string;
    keyword?: string;
    fail?: Error;
    tokens?: { inputTokens: number; outputTokens: number };
  },
): FakeProvider {
  const calls: FakeProvider["calls"] = [];
  return {
    id,
    version: "1.2.3",
    cloud: options.cloud,
    contactSheets: options.contactSheets,
    calls,
    async provideKeywords(images, context, token) {
      calls.push({ images, context });
      if (options.fail) throw options.fail;
      let keyword = options.keyword ?? "Plenarsaal";
      if (options.url) {
        const answer = await context.send(
          {
            url: options.url,
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ images: images.map((i) => ({ id: i.id, data: i.jpegBase64 })) }),
            imageIds: images.map((i) => i.id),
          },
          token,
        );
        if (answer.status !== 200)
          throw new SichterError(ErrorCode.PROVIDER_REJECTED, { provider: id, detail: `HTTP ${answer.status}` });
        keyword = (JSON.parse(answer.body) as { keyword: string }).keyword;
      }
      return images.map((image): ImageAnswer => ({
        imageId: image.id,
        tiles: image.tiles.map((t) => ({
          label: t.label,
          keywords: [{ label: keyword, language: "de", confidence: 0.8 }],
        })),
        ...(options.tokens && { usage: options.tokens }),
      }));
    },
  };
}

describe("cloudKeywords", () => {
  const servers: LoopbackServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  async function serve(
    handler: LoopbackServerOptions["handler"] = () => ({ status: 200, body: '{"keyword":"Landtag"}' }),
  ): Promise<LoopbackServer> {
    const server = await startLoopbackServer({ handler });
    servers.push(server);
    return server;
  }

  function setup(mode: OutboundMode, settings: PrivacySettings = PrivacySettings.parse({})) {
    const guard = new PrivacyGuard({
      mode,
      settings,
      clipPath: CLIP,
      gates: new ProviderGates(),
      retryPolicy: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 },
      sleep: async () => {},
    });
    const usage: ProviderUsage[] = [];
    return {
      guard,
      settings,
      usage,
      options: (providers: PipelineKeywordProvider[]) => ({
        providers,
        guard,
        settings,
        languages: ["de", "en"] as const,
        onUsage: (u: ProviderUsage) => usage.push(u),
      }),
    };
  }

  it("skips a cloud provider in local-only mode: no call, no failure, no bill, no connection", async () => {
    const server = await serve();
    const cloud = provider("sichter.cloud-vision", { cloud: true, contactSheets: true, url: `${server.url}/v1` });
    const local = provider("sichter.local-vision", { cloud: false, contactSheets: false, keyword: "Rednerpult" });
    const { options, usage } = setup("local-only");

    const result = await cloudKeywords(input(), options([cloud, local]));

    expect(cloud.calls).toHaveLength(0);
    expect(result.failures).toEqual([]);
    expect(server.connections).toBe(0);
    expect(usage).toEqual([]);
    // The local provider still ran, on single pictures, and its tags are kept.
    expect(local.calls).toHaveLength(1);
    expect(new Set(result.tags.map((t) => t.label))).toEqual(new Set(["Rednerpult"]));
    expect(result.tags.every((t) => t.provenance[0]!.producer === "sichter.local-vision")).toBe(true);
  });

  it("puts a provider's answers on the shots their keyframes stand for, near-duplicates sent once", async () => {
    const server = await serve();
    const cloud = provider("sichter.cloud-vision", { cloud: true, contactSheets: false, url: `${server.url}/v1` });
    const { options } = setup("cloud");
    const frames = fakeFrames();
    const result = await cloudKeywords({ shots, keyframes, frames, durationSeconds: 16 }, options([cloud]));
    expect(frames.calls).toEqual([50, 150, 250]); // shot 3's keyframe looks like shot 0's: not decoded, not sent
    expect(cloud.calls[0]!.images).toHaveLength(3);
    expect(cloud.calls[0]!.context.languages).toEqual(["de", "en"]);
    expect(result.tags.map((t) => [t.label, t.startFrame, t.endFrame]).sort()).toEqual([
      ["Landtag", 0, 100],
      ["Landtag", 100, 200],
      ["Landtag", 200, 300],
      ["Landtag", 300, 400],
    ]);
    expect(result.tags[0]!.provenance).toEqual([{ producer: "sichter.cloud-vision", version: "1.2.3" }]);
    expect(result.failures).toEqual([]);
  });

  it("reports a throwing provider with its code and keeps the other provider's tags", async () => {
    const server = await serve();
    const rejecting = provider("sichter.rejecting", {
      cloud: true,
      contactSheets: false,
      fail: new SichterError(ErrorCode.PROVIDER_REJECTED, { provider: "sichter.rejecting", detail: "quota" }),
    });
    const buggy = provider("sichter.buggy", {
      cloud: true,
      contactSheets: false,
      fail: new TypeError("cannot read properties of undefined"),
    });
    const good = provider("sichter.good", { cloud: true, contactSheets: false, url: `${server.url}/v1` });
    const { options } = setup("cloud");

    const result = await cloudKeywords(input(), options([rejecting, good, buggy]));

    expect(result.failures).toEqual([
      { analyzer: "sichter.rejecting", code: ErrorCode.PROVIDER_REJECTED, message: expect.any(String) },
      {
        analyzer: "sichter.buggy",
        code: ErrorCode.ANALYZER_FAILED,
        message: expect.stringContaining("cannot read properties"),
      },
    ]);
    expect(result.tags).toHaveLength(4);
    expect(result.tags.every((t) => t.label === "Landtag" && t.provenance[0]!.producer === "sichter.good")).toBe(true);
    expect(good.calls).toHaveLength(1);
  });

  it("a provider whose requests fail at the provider gets the guard's code", async () => {
    const server = await serve(() => ({ status: 503, body: "down" }));
    const down = provider("sichter.down", { cloud: true, contactSheets: false, url: `${server.url}/v1` });
    const { options, usage } = setup("cloud");
    const result = await cloudKeywords(input(), options([down]));
    expect(result.tags).toEqual([]);
    expect(result.failures).toMatchObject([{ analyzer: "sichter.down", code: ErrorCode.PROVIDER_UNAVAILABLE }]);
    expect(server.requests).toHaveLength(2);
    // The bytes left twice; that is billed even though no answer came.
    expect(usage).toHaveLength(1);
    expect(usage[0]).toMatchObject({ provider: "sichter.down", requests: 2, images: 3, keyframes: 3 });
  });

  it("calls onUsage with the traffic only of providers that sent something", async () => {
    const server = await serve();
    const sender = provider("sichter.sender", {
      cloud: true,
      contactSheets: false,
      url: `${server.url}/v1`,
      tokens: { inputTokens: 120, outputTokens: 30 },
    });
    const silent = provider("sichter.silent", { cloud: false, contactSheets: false });
    const refused = provider("sichter.refused", {
      cloud: true,
      contactSheets: false,
      fail: new SichterError(ErrorCode.PROVIDER_NOT_CONFIGURED, { provider: "sichter.refused" }),
    });
    const { options, usage, guard } = setup("cloud");

    await cloudKeywords(input(), options([sender, silent, refused]));

    expect(server.requests).toHaveLength(1);
    const bytes = server.requests[0]!.body.length;
    expect(usage).toEqual([
      {
        provider: "sichter.sender",
        requests: 1,
        images: 3,
        keyframes: 3,
        bytesSent: bytes,
        inputTokens: 360,
        outputTokens: 90,
        footageSeconds: 16,
      },
    ]);
    expect(guard.trafficOf("sichter.silent").requests).toBe(0);
    expect(guard.trafficOf("sichter.refused").requests).toBe(0);
  });

  it("uses contact sheets only for providers that declare them, and only when the settings allow", async () => {
    const server = await serve();
    const sheets = provider("sichter.sheets", { cloud: true, contactSheets: true, url: `${server.url}/v1` });
    const singles = provider("sichter.singles", { cloud: true, contactSheets: false, url: `${server.url}/v1` });
    const on = setup("cloud", PrivacySettings.parse({ contactSheets: { enabled: true, tilesPerSheet: 4 } }));

    const result = await cloudKeywords(input(), on.options([sheets, singles]));

    const [sheet] = sheets.calls[0]!.images;
    expect(sheets.calls[0]!.images).toHaveLength(1);
    expect(sheet!.tiles.map((t) => t.label)).toEqual(["1", "2", "3"]);
    expect([sheet!.columns, sheet!.rows]).toEqual([2, 2]);
    expect(assertCleanJpeg(Buffer.from(sheet!.jpegBase64, "base64"), 768)).toEqual({
      width: sheet!.width,
      height: sheet!.height,
    });
    expect(singles.calls[0]!.images).toHaveLength(3);
    expect(singles.calls[0]!.images.every((i) => i.tiles.length === 1 && i.columns === 1 && i.rows === 1)).toBe(true);
    // The sheet's tile answers reach every shot, shot 3 through its twin in tile 1.
    const bySheets = result.tags.filter((t) => t.provenance[0]!.producer === "sichter.sheets");
    expect(bySheets.map((t) => t.startFrame).sort((a, b) => a - b)).toEqual([0, 100, 200, 300]);
    expect(on.usage.map((u) => [u.provider, u.images, u.keyframes])).toEqual([
      ["sichter.sheets", 1, 3],
      ["sichter.singles", 3, 3],
    ]);

    const off = setup("cloud", PrivacySettings.parse({ contactSheets: { enabled: false } }));
    const sheetsAgain = provider("sichter.sheets", { cloud: true, contactSheets: true, url: `${server.url}/v1` });
    await cloudKeywords(input(), off.options([sheetsAgain]));
    expect(sheetsAgain.calls[0]!.images).toHaveLength(3);
    expect(sheetsAgain.calls[0]!.images.every((i) => i.tiles.length === 1)).toBe(true);
  });

  it("prepares pictures once for providers that want the same kind", async () => {
    const server = await serve();
    const a = provider("sichter.a", { cloud: true, contactSheets: false, url: `${server.url}/v1` });
    const b = provider("sichter.b", { cloud: true, contactSheets: false, url: `${server.url}/v1` });
    const { options } = setup("cloud");
    const frames = fakeFrames();
    await cloudKeywords({ shots, keyframes, frames, durationSeconds: 16 }, options([a, b]));
    expect(frames.calls).toHaveLength(3);
    expect(b.calls[0]!.images.map((i) => i.id)).toEqual(a.calls[0]!.images.map((i) => i.id));
  });

  it("with no keyframes asks no provider", async () => {
    const server = await serve();
    const cloud = provider("sichter.cloud-vision", { cloud: true, contactSheets: true, url: `${server.url}/v1` });
    const { options, usage } = setup("cloud");
    const result = await cloudKeywords(
      { shots, keyframes: [], frames: fakeFrames(), durationSeconds: 16 },
      options([cloud]),
    );
    expect(result).toEqual({ tags: [], failures: [] });
    expect(cloud.calls).toHaveLength(0);
    expect(usage).toEqual([]);
    expect(server.connections).toBe(0);
  });

  it("stops with CANCELLED when the job is cancelled, instead of reporting provider failures", async () => {
    const server = await serve();
    const cloud = provider("sichter.cloud-vision", { cloud: true, contactSheets: false, url: `${server.url}/v1` });
    const { options } = setup("cloud");
    const cancelled: CancellationToken = {
      isCancellationRequested: true,
      onCancellationRequested: () => ({ dispose() {} }),
    };
    await expect(cloudKeywords(input(), options([cloud]), undefined, cancelled)).rejects.toMatchObject({
      code: ErrorCode.CANCELLED,
    });
    expect(server.connections).toBe(0);
  });
});

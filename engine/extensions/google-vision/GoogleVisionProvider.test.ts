import { beforeAll, describe, expect, it } from "vitest";
import {
  ErrorCode,
  CancellationToken,
  type KeywordRequestContext,
  type OutboundRequest,
  type ProviderImage,
} from "@sichter/engine/extension-api";
import {
  createGoogleVisionSimulator,
  GOOGLE_SIMULATOR_KEY,
  type GoogleVisionSimulator,
  type SimulatorFault,
} from "../../test/simulators/googleVisionSimulator.ts";
import type { TestColour } from "../../test/simulators/decodeJpeg.ts";
import { gridJpeg, solidJpeg } from "../../test/simulators/solidJpeg.ts";
import { createGoogleVisionProvider, PREFERS_SINGLE_IMAGES } from "./GoogleVisionProvider.ts";

const colours: TestColour[] = ["red", "green", "blue", "gray", "yellow"];
const frames: Partial<Record<TestColour, ProviderImage>> = {};
let sheet: ProviderImage;

beforeAll(async () => {
  for (const colour of colours) {
    frames[colour] = {
      id: `kf-${colour}`,
      jpegBase64: (await solidJpeg(colour, 64, 36)).toString("base64"),
      width: 64,
      height: 36,
      tiles: [{ label: "1" }],
      columns: 1,
      rows: 1,
    };
  }
  const grid = await gridJpeg([["red", "green"]], 48);
  sheet = {
    id: "sheet-1",
    jpegBase64: grid.toString("base64"),
    width: 96,
    height: 48,
    tiles: [{ label: "1" }, { label: "2" }],
    columns: 2,
    rows: 1,
  };
});

const frame = (colour: TestColour) => frames[colour]!;
const env = { GOOGLE_API_KEY: GOOGLE_SIMULATOR_KEY };

function contextFor(
  simulator: GoogleVisionSimulator,
  configuration: Record<string, unknown> = {},
): KeywordRequestContext & { sent: OutboundRequest[] } {
  const sent: OutboundRequest[] = [];
  return {
    sent,
    languages: ["de", "en"],
    configuration,
    async send(request) {
      sent.push(request);
      const url = new URL(request.url);
      const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v]));
      const response = await simulator.handle({
        method: "POST",
        path: url.pathname + url.search,
        headers,
        body: Buffer.from(request.body),
      });
      return { status: response.status, headers: response.headers ?? {}, body: response.body ?? "" };
    },
  };
}

async function failure(promise: Promise<unknown>): Promise<{ code: string; params: Record<string, string> }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; params: Record<string, string> };
  }
  throw new Error("expected a failure");
}

describe("Google Cloud Vision provider against the simulator", () => {
  it("labels single keyframes in English, the key in a header, never in the URL", async () => {
    const simulator = createGoogleVisionSimulator();
    const context = contextFor(simulator);
    const answers = await createGoogleVisionProvider({ env }).provideKeywords(
      [frame("red"), frame("blue")],
      context,
      CancellationToken.None,
    );

    expect(context.sent).toHaveLength(1);
    expect(context.sent[0]!.url).toBe("https://vision.googleapis.com/v1/images:annotate");
    expect(context.sent[0]!.headers).toEqual({
      "x-goog-api-key": GOOGLE_SIMULATOR_KEY,
      "content-type": "application/json; charset=utf-8",
    });
    expect(context.sent[0]!.imageIds).toEqual(["kf-red", "kf-blue"]);
    expect(simulator.requests[0]!.keyFrom).toBe("header");
    // Web detection is off by default: labels only.
    expect(simulator.requests[0]!.images.map((i) => i.features)).toEqual([["LABEL_DETECTION"], ["LABEL_DETECTION"]]);

    expect(answers).toEqual([
      {
        imageId: "kf-red",
        tiles: [
          {
            label: "1",
            keywords: [
              { label: "Fire engine", language: "en", confidence: 0.97 },
              { label: "Vehicle", language: "en", confidence: 0.91 },
              { label: "Emergency service", language: "en", confidence: 0.86 },
              { label: "Red", language: "en", confidence: 0.8 },
            ],
          },
        ],
      },
      {
        imageId: "kf-blue",
        tiles: [
          {
            label: "1",
            keywords: [
              { label: "Council chamber", language: "en", confidence: 0.92 },
              { label: "Parliament", language: "en", confidence: 0.87 },
              { label: "Meeting", language: "en", confidence: 0.71 },
            ],
          },
        ],
      },
    ]);
  });

  it("adds web entities, scaled into 0..1, and the best guess when enabled", async () => {
    const simulator = createGoogleVisionSimulator();
    const [answer] = await createGoogleVisionProvider({ env }).provideKeywords(
      [frame("red")],
      contextFor(simulator, { webDetection: true, maxResults: 2 }),
      CancellationToken.None,
    );
    expect(simulator.requests[0]!.images[0]!.features).toEqual(["LABEL_DETECTION", "WEB_DETECTION"]);
    // Web scores 1.42 and 0.71 become 1 and 0.5; "Fire engine" (label 0.97, web 1) is kept once.
    expect(answer!.tiles[0]).toEqual({
      label: "1",
      keywords: [
        { label: "Fire engine", language: "en", confidence: 1 },
        { label: "Vehicle", language: "en", confidence: 0.91 },
        { label: "Fire department", language: "en", confidence: 0.5 },
      ],
      description: "fire engine",
    });
  });

  it("sends at most imagesPerRequest keyframes per call, in order", async () => {
    const simulator = createGoogleVisionSimulator();
    const context = contextFor(simulator, { imagesPerRequest: 2 });
    const answers = await createGoogleVisionProvider({ env }).provideKeywords(
      colours.map(frame),
      context,
      CancellationToken.None,
    );
    expect(context.sent.map((r) => r.imageIds)).toEqual([
      ["kf-red", "kf-green"],
      ["kf-blue", "kf-gray"],
      ["kf-yellow"],
    ]);
    expect(answers.map((a) => [a.imageId, a.tiles[0]!.keywords[0]!.label])).toEqual([
      ["kf-red", "Fire engine"],
      ["kf-green", "Harvest"],
      ["kf-blue", "Council chamber"],
      ["kf-gray", "Road works"],
      ["kf-yellow", "Festival"],
    ]);
  });

  it("refuses a contact sheet before sending anything", async () => {
    expect(PREFERS_SINGLE_IMAGES).toBe(true);
    const simulator = createGoogleVisionSimulator();
    const error = await failure(
      createGoogleVisionProvider({ env }).provideKeywords(
        [frame("red"), sheet],
        contextFor(simulator),
        CancellationToken.None,
      ),
    );
    expect(error).toMatchObject({ code: ErrorCode.PROVIDER_REJECTED, params: { provider: "sichter.google-vision" } });
    expect(error.params.detail).toMatch(
      /sheet-1 is a contact sheet of 2 tiles \(2 x 1\).*cannot answer per tile.*single keyframes/,
    );
    expect(simulator.requests).toHaveLength(0);
  });

  it("keeps the other keyframes when Vision fails one, and says which", async () => {
    const simulator = createGoogleVisionSimulator();
    const broken: ProviderImage = {
      ...frame("red"),
      id: "kf-broken",
      jpegBase64: Buffer.from("not a picture at all").toString("base64"),
    };
    const reported: [string, string, string][] = [];
    const provider = createGoogleVisionProvider({
      env,
      onImageError: (id, error) => reported.push([id, error.code, String(error.params.detail)]),
    });
    const answers = await provider.provideKeywords(
      [frame("green"), broken, frame("gray")],
      contextFor(simulator),
      CancellationToken.None,
    );
    expect(answers.map((a) => a.imageId)).toEqual(["kf-green", "kf-gray"]);
    expect(reported).toEqual([["kf-broken", ErrorCode.PROVIDER_REJECTED, "image kf-broken: code 3: Bad image data."]]);
    // When nothing could be answered, the call fails with the first reason.
    const error = await failure(
      createGoogleVisionProvider({ env }).provideKeywords([broken], contextFor(simulator), CancellationToken.None),
    );
    expect(error).toMatchObject({
      code: ErrorCode.PROVIDER_REJECTED,
      params: { detail: "image kf-broken: code 3: Bad image data." },
    });
  });

  it("names the variable when no key is set, and sends nothing", async () => {
    const simulator = createGoogleVisionSimulator();
    const context = contextFor(simulator, { apiKeyEnv: "NEWSROOM_VISION_KEY" });
    const error = await failure(
      createGoogleVisionProvider({ env: {} }).provideKeywords([frame("red")], context, CancellationToken.None),
    );
    expect(error).toMatchObject({ code: ErrorCode.PROVIDER_NOT_CONFIGURED });
    expect(error.params.detail).toMatch(/NEWSROOM_VISION_KEY/);
    expect(context.sent).toHaveLength(0);
  });

  it("reports an invalid key as REJECTED without the key", async () => {
    const simulator = createGoogleVisionSimulator();
    const wrong = "AIzaWrongKey000000000000000000000000000";
    const error = await failure(
      createGoogleVisionProvider({ env: { GOOGLE_API_KEY: wrong } }).provideKeywords(
        [frame("red")],
        contextFor(simulator),
        CancellationToken.None,
      ),
    );
    expect(error).toMatchObject({
      code: ErrorCode.PROVIDER_REJECTED,
      params: { detail: "HTTP 400: API key not valid. Please pass a valid API key." },
    });
    expect(JSON.stringify(error)).not.toContain(wrong);
  });

  it("uses the apiKey setting and a regional endpoint", async () => {
    const simulator = createGoogleVisionSimulator({ apiKey: "AIzaFromSettings0000000000" });
    const context = contextFor(simulator, {
      apiKey: "AIzaFromSettings0000000000",
      endpoint: "https://eu-vision.googleapis.com/v1/",
    });
    await createGoogleVisionProvider({ env: {} }).provideKeywords([frame("red")], context, CancellationToken.None);
    expect(context.sent[0]!.url).toBe("https://eu-vision.googleapis.com/v1/images:annotate");
    expect(simulator.requests[0]!.status).toBe(200);
  });

  it.each<[SimulatorFault, string]>([
    [{ status: 429, retryAfter: "30" }, ErrorCode.PROVIDER_RATE_LIMITED],
    [{ status: 503 }, ErrorCode.PROVIDER_UNAVAILABLE],
    [
      {
        status: 403,
        body: JSON.stringify({
          error: {
            code: 403,
            message: "Cloud Vision API has not been used in project 1 before or it is disabled.",
            status: "PERMISSION_DENIED",
          },
        }),
      },
      ErrorCode.PROVIDER_REJECTED,
    ],
    ["malformed", ErrorCode.PROVIDER_RESPONSE_INVALID],
  ])("maps %j after send's retries to %s", async (fault, code) => {
    const simulator = createGoogleVisionSimulator({ failures: [fault] });
    const error = await failure(
      createGoogleVisionProvider({ env }).provideKeywords(
        [frame("red")],
        contextFor(simulator),
        CancellationToken.None,
      ),
    );
    expect(error.code).toBe(code);
  });
});

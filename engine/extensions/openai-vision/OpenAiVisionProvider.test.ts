import os from "node:os";
import { beforeAll, describe, expect, it } from "vitest";
import {
  ErrorCode,
  CancellationToken,
  CancellationTokenSource,
  type KeywordRequestContext,
  type OutboundRequest,
  type ProviderImage,
} from "@sichter/engine/extension-api";
import {
  createOpenAiVisionSimulator,
  OPENAI_SIMULATOR_KEY,
  type OpenAiVisionSimulator,
  type SimulatorFault,
} from "../../test/simulators/openAiVisionSimulator.ts";
import { gridJpeg, solidJpeg } from "../../test/simulators/solidJpeg.ts";
import { createOpenAiVisionProvider } from "./OpenAiVisionProvider.ts";

let keyframe: ProviderImage;
let sheet: ProviderImage;

beforeAll(async () => {
  keyframe = {
    id: "k-91c2",
    jpegBase64: (await solidJpeg("red", 64)).toString("base64"),
    width: 64,
    height: 64,
    tiles: [{ label: "1" }],
    columns: 1,
    rows: 1,
  };
  const grid = await gridJpeg(
    [
      ["green", "blue"],
      ["gray", "yellow"],
    ],
    64,
  );
  sheet = {
    id: "s-04d7",
    jpegBase64: grid.toString("base64"),
    width: 128,
    height: 128,
    tiles: ["1", "2", "3", "4"].map((label) => ({ label })),
    columns: 2,
    rows: 2,
  };
});

/** A request context whose `send` hands the request straight to the simulator, as the engine would over HTTPS. */
function contextFor(
  simulator: OpenAiVisionSimulator,
  overrides: { configuration?: Record<string, unknown>; languages?: ("de" | "en")[] } = {},
): KeywordRequestContext & { sent: OutboundRequest[] } {
  const sent: OutboundRequest[] = [];
  return {
    sent,
    languages: overrides.languages ?? ["de", "en"],
    configuration: {
      baseUrl: "https://api.openai.com/v1",
      model: "gpt-4o-mini",
      maxKeywords: 10,
      detail: "low",
      ...overrides.configuration,
    },
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

const env = { OPENAI_API_KEY: OPENAI_SIMULATOR_KEY };

async function failure(
  promise: Promise<unknown>,
): Promise<{ code: string; params: Record<string, string>; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; params: Record<string, string>; message: string };
  }
  throw new Error("expected a failure");
}

describe("OpenAI vision provider against the simulator", () => {
  it("answers a keyframe and a contact sheet per tile, one request each, in order", async () => {
    const simulator = createOpenAiVisionSimulator();
    const context = contextFor(simulator);
    const answers = await createOpenAiVisionProvider({ env }).provideKeywords(
      [keyframe, sheet],
      context,
      CancellationToken.None,
    );

    expect(context.sent.map((r) => [r.url, r.imageIds])).toEqual([
      ["https://api.openai.com/v1/chat/completions", ["k-91c2"]],
      ["https://api.openai.com/v1/chat/completions", ["s-04d7"]],
    ]);
    expect(context.sent[0]!.headers).toEqual({
      authorization: `Bearer ${OPENAI_SIMULATOR_KEY}`,
      "content-type": "application/json",
    });
    expect(answers.map((a) => a.imageId)).toEqual(["k-91c2", "s-04d7"]);
    expect(answers[0]!.tiles).toEqual([
      {
        label: "1",
        keywords: [
          { label: "Feuerwehr", language: "de", confidence: expect.any(Number) },
          { label: "Einsatzfahrzeug", language: "de", confidence: expect.any(Number) },
          { label: "fire engine", language: "en", confidence: expect.any(Number) },
          { label: "emergency vehicle", language: "en", confidence: expect.any(Number) },
        ],
        description: "Ein Feuerwehrfahrzeug im Einsatz.",
        mediaTopics: [
          {
            code: "medtop:03000000",
            label: "disaster, accident and emergency incident",
            confidence: expect.any(Number),
          },
        ],
      },
    ]);
    expect(answers[1]!.tiles.map((t) => [t.label, t.keywords.find((k) => k.language === "en")!.label])).toEqual([
      ["1", "harvest"],
      ["2", "council chamber"],
      ["3", "road works"],
      ["4", "summer festival"],
    ]);
    for (const answer of answers) {
      expect(answer.usage!.inputTokens).toBeGreaterThan(85);
      expect(answer.usage!.outputTokens).toBeGreaterThan(0);
    }
    expect(simulator.requests.map((r) => r.grid)).toEqual([
      { columns: 1, rows: 1, labels: ["1"] },
      { columns: 2, rows: 2, labels: ["1", "2", "3", "4"] },
    ]);
    // Nothing but the picture and the grid went out: no id, no path.
    for (const request of context.sent) {
      expect(request.body).not.toMatch(/k-91c2|s-04d7|\.mp4|\.mov|\.mxf/);
      expect(request.body).not.toContain(os.tmpdir());
    }
  });

  it("asks only for the wanted languages and keeps at most maxKeywords per language", async () => {
    const simulator = createOpenAiVisionSimulator();
    const context = contextFor(simulator, { languages: ["en"], configuration: { maxKeywords: 1, detail: "high" } });
    const [answer] = await createOpenAiVisionProvider({ env }).provideKeywords(
      [keyframe],
      context,
      CancellationToken.None,
    );
    expect(answer!.tiles[0]!.keywords).toEqual([
      { label: "fire engine", language: "en", confidence: expect.any(Number) },
    ]);
    expect(answer!.tiles[0]!.description).toBe("A fire engine at an emergency.");
    expect(simulator.requests[0]!.images[0]!.detail).toBe("high");
  });

  it("uses the apiKey setting and a custom base URL without a trailing slash", async () => {
    const simulator = createOpenAiVisionSimulator({ apiKey: "sk-settings-key-000" });
    const context = contextFor(simulator, {
      configuration: { apiKey: "sk-settings-key-000", baseUrl: "https://gateway.example.invalid/v1/" },
    });
    await createOpenAiVisionProvider({ env: {} }).provideKeywords([keyframe], context, CancellationToken.None);
    expect(context.sent[0]!.url).toBe("https://gateway.example.invalid/v1/chat/completions");
  });

  it("sends nothing without a key or a model", async () => {
    const simulator = createOpenAiVisionSimulator();
    const noKey = contextFor(simulator);
    const missingKey = await failure(
      createOpenAiVisionProvider({ env: {} }).provideKeywords([keyframe], noKey, CancellationToken.None),
    );
    expect(missingKey).toMatchObject({
      code: ErrorCode.PROVIDER_NOT_CONFIGURED,
      params: { provider: "sichter.openai-vision" },
    });
    expect(missingKey.params.detail).toMatch(/OPENAI_API_KEY/);
    const noModel = contextFor(simulator, { configuration: { model: undefined } });
    const missingModel = await failure(
      createOpenAiVisionProvider({ env }).provideKeywords([keyframe], noModel, CancellationToken.None),
    );
    expect(missingModel.params.detail).toMatch(/setting model/);
    expect(noKey.sent.length + noModel.sent.length).toBe(0);
    expect(await createOpenAiVisionProvider({ env: {} }).provideKeywords([], noKey, CancellationToken.None)).toEqual(
      [],
    );
  });

  it("reports a refused key as REJECTED without any part of the key", async () => {
    const simulator = createOpenAiVisionSimulator();
    const wrong = "sk-wrong-abcdefghijklmnopqrstuvwxyz-9876";
    const error = await failure(
      createOpenAiVisionProvider({ env: { OPENAI_API_KEY: wrong } }).provideKeywords(
        [keyframe, sheet],
        contextFor(simulator),
        CancellationToken.None,
      ),
    );
    expect(error).toMatchObject({ code: ErrorCode.PROVIDER_REJECTED });
    expect(error.params.detail).toMatch(/^HTTP 401: Incorrect API key provided: \[key\]/);
    expect(JSON.stringify(error)).not.toMatch(/9876|sk-wrong/);
    // The second image was never sent into a service that refuses the key.
    expect(simulator.requests).toHaveLength(1);
  });

  it("reports an unknown model as REJECTED with the service's message", async () => {
    const simulator = createOpenAiVisionSimulator();
    const error = await failure(
      createOpenAiVisionProvider({ env }).provideKeywords(
        [keyframe],
        contextFor(simulator, { configuration: { model: "gpt-9" } }),
        CancellationToken.None,
      ),
    );
    expect(error).toMatchObject({
      code: ErrorCode.PROVIDER_REJECTED,
      params: { detail: "HTTP 404: The model `gpt-9` does not exist or you do not have access to it." },
    });
  });

  it.each<[SimulatorFault, string]>([
    [{ status: 429, retryAfter: "1" }, ErrorCode.PROVIDER_RATE_LIMITED],
    [{ status: 503 }, ErrorCode.PROVIDER_UNAVAILABLE],
    [{ status: 500, body: "<html>Internal</html>" }, ErrorCode.PROVIDER_UNAVAILABLE],
    ["malformed", ErrorCode.PROVIDER_RESPONSE_INVALID],
    [
      {
        status: 200,
        body: JSON.stringify({
          choices: [
            { index: 0, message: { role: "assistant", content: null, refusal: "I cannot." }, finish_reason: "stop" },
          ],
        }),
      },
      ErrorCode.PROVIDER_RESPONSE_INVALID,
    ],
  ])("maps the answer to %j after send's retries to %s", async (fault, code) => {
    const simulator = createOpenAiVisionSimulator({ failures: [fault] });
    const error = await failure(
      createOpenAiVisionProvider({ env }).provideKeywords([keyframe], contextFor(simulator), CancellationToken.None),
    );
    expect(error.code).toBe(code);
  });

  it("keeps the other images' answers when one answer is unusable, and says which", async () => {
    const simulator = createOpenAiVisionSimulator({ failures: ["malformed"] });
    const reported: [string, string][] = [];
    const provider = createOpenAiVisionProvider({ env, onImageError: (id, error) => reported.push([id, error.code]) });
    const answers = await provider.provideKeywords([keyframe, sheet], contextFor(simulator), CancellationToken.None);
    expect(answers.map((a) => a.imageId)).toEqual(["s-04d7"]);
    expect(reported).toEqual([["k-91c2", ErrorCode.PROVIDER_RESPONSE_INVALID]]);
  });

  it("stops between requests when cancelled", async () => {
    const simulator = createOpenAiVisionSimulator();
    const source = new CancellationTokenSource();
    const context = contextFor(simulator);
    const send = context.send.bind(context);
    const cancelling = {
      ...context,
      send: async (r: OutboundRequest, t: CancellationToken) => {
        const response = await send(r, t);
        source.cancel();
        return response;
      },
    };
    const error = await failure(
      createOpenAiVisionProvider({ env }).provideKeywords([keyframe, sheet], cancelling, source.token),
    );
    expect(error.code).toBe(ErrorCode.CANCELLED);
    expect(simulator.requests).toHaveLength(1);
  });
});

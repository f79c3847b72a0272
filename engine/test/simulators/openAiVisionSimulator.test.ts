import { beforeAll, describe, expect, it } from "vitest";
import type { ProviderImage } from "../../src/extensionApi/KeywordProvider.ts";
import { buildChatRequest } from "../../extensions/openai-vision/chatRequest.ts";
import { startLoopbackServer } from "./LoopbackServer.ts";
import {
  createOpenAiVisionSimulator,
  imageTokenCost,
  OPENAI_SIMULATOR_KEY,
  type SimulatorRequest,
} from "./openAiVisionSimulator.ts";
import { gridJpeg, solidJpeg } from "./solidJpeg.ts";

let red: Buffer;
let sheet: Buffer;

beforeAll(async () => {
  red = await solidJpeg("red", 64);
  sheet = await gridJpeg(
    [
      ["green", "blue", "gray"],
      ["yellow", "white"],
    ],
    48,
  );
});

function image(
  jpeg: Buffer,
  labels: string[],
  columns: number,
  rows: number,
  width: number,
  height: number,
): ProviderImage {
  return {
    id: "sim-img",
    jpegBase64: jpeg.toString("base64"),
    width,
    height,
    tiles: labels.map((label) => ({ label })),
    columns,
    rows,
  };
}

const options = {
  model: "gpt-4o-mini",
  languages: ["de", "en"] as ("de" | "en")[],
  maxKeywords: 10,
  detail: "low" as const,
};

function post(body: unknown, headers: Record<string, string> = {}, path = "/v1/chat/completions"): SimulatorRequest {
  return {
    method: "POST",
    path,
    headers: { authorization: `Bearer ${OPENAI_SIMULATOR_KEY}`, "content-type": "application/json", ...headers },
    body: Buffer.from(typeof body === "string" ? body : JSON.stringify(body)),
  };
}

function content(response: { body?: string }): {
  tiles: {
    label: string;
    keywords: { text: string; language: string; confidence: number }[];
    description: string;
    mediaTopics: unknown[];
  }[];
} {
  return JSON.parse(JSON.parse(response.body!).choices[0].message.content);
}

describe("OpenAI vision simulator", () => {
  it("sees a red keyframe as a fire engine, in both languages, and reports usage", async () => {
    const simulator = createOpenAiVisionSimulator();
    const response = await simulator.handle(post(buildChatRequest(image(red, ["1"], 1, 1, 64, 64), options)));
    expect(response.status).toBe(200);
    const body = JSON.parse(response.body!);
    expect(body).toMatchObject({
      object: "chat.completion",
      model: "gpt-4o-mini",
      choices: [{ finish_reason: "stop", message: { refusal: null } }],
    });
    const [tile] = content(response).tiles;
    expect(tile!.label).toBe("1");
    expect(tile!.keywords.map((k) => `${k.language}:${k.text}`)).toEqual([
      "de:Feuerwehr",
      "de:Einsatzfahrzeug",
      "en:fire engine",
      "en:emergency vehicle",
    ]);
    expect(tile!.description).toBe("Ein Feuerwehrfahrzeug im Einsatz.");
    expect(tile!.mediaTopics).toEqual([expect.objectContaining({ code: "medtop:03000000" })]);
    const prompt = simulator.requests[0]!.promptText;
    expect(body.usage.prompt_tokens).toBe(Math.ceil(prompt.length / 4) + 85);
    expect(body.usage.completion_tokens).toBe(
      Math.ceil(JSON.parse(response.body!).choices[0].message.content.length / 4),
    );
    expect(simulator.requests[0]).toMatchObject({
      status: 200,
      model: "gpt-4o-mini",
      images: [{ width: 64, height: 64, detail: "low", bytes: red.length }],
    });
  });

  it("reads the grid from the prompt and answers each tile from its own pixels", async () => {
    const simulator = createOpenAiVisionSimulator();
    const labels = ["1", "2", "3", "4", "5"];
    const response = await simulator.handle(
      post(buildChatRequest(image(sheet, labels, 3, 2, 144, 96), { ...options, languages: ["en"] })),
    );
    expect(response.status).toBe(200);
    expect(simulator.requests[0]!.grid).toEqual({ columns: 3, rows: 2, labels });
    const tiles = content(response).tiles;
    expect(tiles.map((t) => [t.label, t.keywords[0]!.text])).toEqual([
      ["1", "harvest"],
      ["2", "council chamber"],
      ["3", "road works"],
      ["4", "summer festival"],
      ["5", "snow"],
    ]);
    // The schema's language enum was ["en"]: strict decoding cannot produce German.
    expect(tiles.flatMap((t) => t.keywords.map((k) => k.language))).not.toContain("de");
    expect(tiles[0]!.description).toBe("A field during the harvest.");
  });

  it("counts high-detail images by 512-pixel tiles", () => {
    expect(imageTokenCost(64, 64, "low")).toBe(85);
    expect(imageTokenCost(768, 432, "high")).toBe(85 + 170 * 2);
    expect(imageTokenCost(4096, 2048, "auto")).toBe(85 + 170 * 6); // 2048x1024 -> 1536x768
  });

  it("refuses requests the way the service does", async () => {
    const simulator = createOpenAiVisionSimulator();
    const good = buildChatRequest(image(red, ["1"], 1, 1, 64, 64), options) as Record<string, any>;
    const cases: [SimulatorRequest, number, RegExp, string | null][] = [
      [post(good, { authorization: "" }), 401, /didn't provide an API key/, null],
      [
        post(good, { authorization: "Bearer sk-wrong-key-1234567890" }),
        401,
        /Incorrect API key provided: sk-w\*+7890/,
        "invalid_api_key",
      ],
      [post("{not json"), 400, /could not parse the JSON body/, null],
      [post({ ...good, temperature_typo: 1 }), 400, /Unrecognized request argument supplied: temperature_typo/, null],
      [post({ ...good, model: undefined }), 400, /must provide a model/, null],
      [post({ ...good, messages: [] }), 400, /too short - 'messages'/, null],
      [post({ ...good, response_format: undefined }), 400, /response_format/, null],
      [post({ ...good, response_format: { type: "json_object" } }), 400, /json_schema/, null],
      [
        post({
          ...good,
          response_format: {
            type: "json_schema",
            json_schema: {
              name: "x",
              strict: true,
              schema: { type: "object", properties: { a: { type: "string" } }, required: ["a"] },
            },
          },
        }),
        400,
        /'additionalProperties' is required to be supplied and to be false/,
        null,
      ],
      [
        post({
          ...good,
          response_format: {
            type: "json_schema",
            json_schema: {
              name: "x",
              strict: true,
              schema: {
                type: "object",
                properties: { a: { type: "string" } },
                required: [],
                additionalProperties: false,
              },
            },
          },
        }),
        400,
        /including every key in properties. Missing 'a'/,
        null,
      ],
      [post({ ...good, model: "gpt-nonexistent" }), 404, /does not exist or you do not have access/, "model_not_found"],
      [post(good, {}, "/v1/completions"), 404, /Invalid URL/, null],
    ];
    for (const [request, status, message, code] of cases) {
      const response = await simulator.handle(request);
      expect(response.status, message.source).toBe(status);
      const body = JSON.parse(response.body!);
      expect(Object.keys(body.error).sort()).toEqual(["code", "message", "param", "type"]);
      expect(body.error.message).toMatch(message);
      expect(body.error.code).toBe(code);
    }
  });

  it("refuses images that are not JPEG data URLs, and bad detail values", async () => {
    const simulator = createOpenAiVisionSimulator();
    const withImage = (url: string, detail = "low") => ({
      ...(buildChatRequest(image(red, ["1"], 1, 1, 64, 64), options) as Record<string, unknown>),
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "x" },
            { type: "image_url", image_url: { url, detail } },
          ],
        },
      ],
    });
    for (const url of [
      "data:image/jpeg;base64,iVBORw0KGgo=",
      "https://example.invalid/frame.jpg",
      `data:image/png;base64,${red.toString("base64")}`,
    ]) {
      const response = await simulator.handle(post(withImage(url)));
      expect(response.status).toBe(400);
      expect(JSON.parse(response.body!).error.code).toBe("invalid_image_format");
    }
    // Headers intact up to the start of scan, no picture data: a JPEG by its format, but no image.
    const headersOnly = red.subarray(0, red.indexOf(Buffer.from([0xff, 0xda])) + 14).toString("base64");
    const broken = await simulator.handle(post(withImage(`data:image/jpeg;base64,${headersOnly}`)));
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body!).error.code).toBe("invalid_image");
    const badDetail = await simulator.handle(
      post(withImage(`data:image/jpeg;base64,${red.toString("base64")}`, "medium")),
    );
    expect(JSON.parse(badDetail.body!).error.message).toMatch(/Supported values are: 'low', 'high', and 'auto'/);
  });

  it("plays scripted faults in order before answering normally", async () => {
    const simulator = createOpenAiVisionSimulator({
      failures: [{ status: 429, retryAfter: "2" }, { status: 500, body: "oops" }, "malformed", "hang"],
    });
    const request = post(buildChatRequest(image(red, ["1"], 1, 1, 64, 64), options));
    const limited = await simulator.handle(request);
    expect(limited).toMatchObject({ status: 429, headers: { "retry-after": "2" } });
    expect(JSON.parse(limited.body!).error.code).toBe("rate_limit_exceeded");
    expect(await simulator.handle(request)).toMatchObject({ status: 500, body: "oops" });
    const malformed = await simulator.handle(request);
    expect(malformed.status).toBe(200);
    expect(() => JSON.parse(malformed.body!)).toThrow();
    const hung = await Promise.race([
      simulator.handle(request).then(() => "answered"),
      new Promise((r) => setTimeout(() => r("still waiting"), 200)),
    ]);
    expect(hung).toBe("still waiting");
    expect((await simulator.handle(request)).status).toBe(200);
    expect(simulator.requests.map((r) => r.status)).toEqual([429, 500, 200, "hang", 200]);
    expect(simulator.requests.map((r) => r.fault)).toEqual([
      { status: 429, retryAfter: "2" },
      { status: 500, body: "oops" },
      "malformed",
      "hang",
      undefined,
    ]);
  });

  it("plugs into the loopback server as its handler", async () => {
    const simulator = createOpenAiVisionSimulator();
    const server = await startLoopbackServer({ handler: simulator.handle });
    try {
      const response = await fetch(`${server.url}/v1/chat/completions`, {
        method: "POST",
        headers: { authorization: `Bearer ${OPENAI_SIMULATOR_KEY}`, "content-type": "application/json" },
        body: JSON.stringify(buildChatRequest(image(red, ["1"], 1, 1, 64, 64), options)),
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { choices: { message: { content: string } }[] };
      expect(JSON.parse(body.choices[0]!.message.content).tiles[0].keywords[0].text).toBe("Feuerwehr");
    } finally {
      await server.close();
    }
  });
});

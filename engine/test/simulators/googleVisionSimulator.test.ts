import { beforeAll, describe, expect, it } from "vitest";
import { startLoopbackServer } from "./LoopbackServer.ts";
import { createGoogleVisionSimulator, GOOGLE_SIMULATOR_KEY, type SimulatorRequest } from "./googleVisionSimulator.ts";
import { gridJpeg, solidJpeg } from "./solidJpeg.ts";

let green: string;
let sheet: string;

beforeAll(async () => {
  green = (await solidJpeg("green", 64)).toString("base64");
  // Centre of this 3 x 1 sheet is the middle tile: Vision sees the whole picture, not tiles.
  sheet = (await gridJpeg([["red", "blue", "red"]], 48)).toString("base64");
});

const labelsOnly = (content: string, maxResults = 10) => ({
  image: { content },
  features: [{ type: "LABEL_DETECTION", maxResults }],
});

function post(
  body: unknown,
  headers: Record<string, string> = { "x-goog-api-key": GOOGLE_SIMULATOR_KEY },
  path = "/v1/images:annotate",
): SimulatorRequest {
  return {
    method: "POST",
    path,
    headers: { "content-type": "application/json", ...headers },
    body: Buffer.from(typeof body === "string" ? body : JSON.stringify(body)),
  };
}

describe("Google Cloud Vision simulator", () => {
  it("labels each image from its centre colour, in request order", async () => {
    const simulator = createGoogleVisionSimulator();
    const response = await simulator.handle(post({ requests: [labelsOnly(green, 2), labelsOnly(sheet)] }));
    expect(response.status).toBe(200);
    const body = JSON.parse(response.body!);
    expect(body.responses[0].labelAnnotations.map((l: { description: string }) => l.description)).toEqual([
      "Harvest",
      "Field",
    ]);
    expect(body.responses[0].labelAnnotations[0]).toEqual({
      mid: "/m/sim_harvest",
      description: "Harvest",
      score: 0.94,
      topicality: 0.94,
    });
    expect(body.responses[1].labelAnnotations[0].description).toBe("Council chamber");
    expect(body.responses[0].webDetection).toBeUndefined();
    expect(simulator.requests[0]).toMatchObject({
      status: 200,
      keyFrom: "header",
      images: [
        { width: 64, height: 64, features: ["LABEL_DETECTION"] },
        { width: 144, height: 48 },
      ],
    });
  });

  it("answers web detection with unbounded scores, an entity without description and a best guess", async () => {
    const simulator = createGoogleVisionSimulator();
    const red = (await solidJpeg("red", 32)).toString("base64");
    const response = await simulator.handle(
      post({ requests: [{ image: { content: red }, features: [{ type: "WEB_DETECTION" }] }] }),
    );
    const web = JSON.parse(response.body!).responses[0].webDetection;
    expect(web.webEntities).toEqual([
      { entityId: "/g/sim_0", score: 1.42, description: "Fire engine" },
      { entityId: "/g/sim_1", score: 0.71, description: "Fire department" },
      { entityId: "/g/sim_2", score: 0.3 },
    ]);
    expect(web.bestGuessLabels).toEqual([{ label: "fire engine", languageCode: "en" }]);
  });

  it("accepts the key as a query parameter too, and records where it came from", async () => {
    const simulator = createGoogleVisionSimulator();
    const response = await simulator.handle(
      post({ requests: [labelsOnly(green)] }, {}, `/v1/images:annotate?key=${GOOGLE_SIMULATOR_KEY}`),
    );
    expect(response.status).toBe(200);
    expect(simulator.requests[0]!.keyFrom).toBe("query");
  });

  it("refuses requests the way Vision does", async () => {
    const simulator = createGoogleVisionSimulator();
    const seventeen = { requests: Array.from({ length: 17 }, () => labelsOnly(green)) };
    const cases: [SimulatorRequest, number, string, RegExp][] = [
      [post({ requests: [labelsOnly(green)] }, {}), 403, "PERMISSION_DENIED", /unregistered callers/],
      [
        post({ requests: [labelsOnly(green)] }, { "x-goog-api-key": "AIzaWrong" }),
        400,
        "INVALID_ARGUMENT",
        /API key not valid/,
      ],
      [post("{oops"), 400, "INVALID_ARGUMENT", /Invalid JSON payload/],
      [
        post({ requests: [labelsOnly(green)], extra: 1 }),
        400,
        "INVALID_ARGUMENT",
        /Unknown name "extra": Cannot find field/,
      ],
      [
        post({ requests: [{ ...labelsOnly(green), imageContext: {}, hints: [] }] }),
        400,
        "INVALID_ARGUMENT",
        /Unknown name "hints" at 'requests\[0\]'/,
      ],
      [
        post({ requests: [{ image: { content: green }, features: [{ type: "LABELS" }] }] }),
        400,
        "INVALID_ARGUMENT",
        /Invalid value at 'requests\[0\]\.features\[0\]\.type'/,
      ],
      [post({ requests: [labelsOnly("not base64!")] }), 400, "INVALID_ARGUMENT", /Base64 decoding failed/],
      [post(seventeen), 400, "INVALID_ARGUMENT", /at most 16/],
      [post({ requests: [labelsOnly(green)] }, undefined, "/v1/files:annotate"), 404, "NOT_FOUND", /not found/],
    ];
    for (const [request, status, code, message] of cases) {
      const response = await simulator.handle(request);
      expect(response.status, message.source).toBe(status);
      const body = JSON.parse(response.body!);
      expect(body.error).toMatchObject({ code: status, status: code });
      expect(body.error.message).toMatch(message);
    }
  });

  it("fails single images inside a 200, answering the others", async () => {
    const simulator = createGoogleVisionSimulator();
    const response = await simulator.handle(
      post({
        requests: [
          labelsOnly(Buffer.from("GIF89a not really").toString("base64")),
          { image: { content: green } },
          labelsOnly(green, 1),
        ],
      }),
    );
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body!).responses).toEqual([
      { error: { code: 3, message: "Bad image data." } },
      { error: { code: 3, message: "Request must specify image and features." } },
      { labelAnnotations: [{ mid: "/m/sim_harvest", description: "Harvest", score: 0.94, topicality: 0.94 }] },
    ]);
  });

  it("plays scripted faults in order before answering normally", async () => {
    const simulator = createGoogleVisionSimulator({
      failures: [{ status: 429, retryAfter: "7" }, "malformed", "hang", { status: 502, body: "Bad Gateway" }],
    });
    const request = post({ requests: [labelsOnly(green)] });
    const limited = await simulator.handle(request);
    expect(limited).toMatchObject({ status: 429, headers: { "retry-after": "7" } });
    expect(JSON.parse(limited.body!).error.status).toBe("RESOURCE_EXHAUSTED");
    const malformed = await simulator.handle(request);
    expect(() => JSON.parse(malformed.body!)).toThrow();
    const hung = await Promise.race([
      simulator.handle(request).then(() => "answered"),
      new Promise((r) => setTimeout(() => r("still waiting"), 200)),
    ]);
    expect(hung).toBe("still waiting");
    expect(await simulator.handle(request)).toMatchObject({ status: 502, body: "Bad Gateway" });
    expect((await simulator.handle(request)).status).toBe(200);
    expect(simulator.requests.map((r) => r.status)).toEqual([429, 200, "hang", 502, 200]);
  });

  it("plugs into the loopback server as its handler", async () => {
    const simulator = createGoogleVisionSimulator();
    const server = await startLoopbackServer({ handler: simulator.handle });
    try {
      const response = await fetch(`${server.url}/v1/images:annotate`, {
        method: "POST",
        headers: { "x-goog-api-key": GOOGLE_SIMULATOR_KEY, "content-type": "application/json" },
        body: JSON.stringify({ requests: [labelsOnly(green, 1)] }),
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { responses: { labelAnnotations: { description: string }[] }[] };
      expect(body.responses[0]!.labelAnnotations[0]!.description).toBe("Harvest");
    } finally {
      await server.close();
    }
  });
});

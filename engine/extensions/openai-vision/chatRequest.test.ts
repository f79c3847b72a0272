import { describe, expect, it } from "vitest";
import type { ProviderImage } from "@sichter/engine/extension-api";
import { ANSWER_SCHEMA_NAME } from "./answerSchema.ts";
import { buildChatRequest, gridSentence, SYSTEM_PROMPT } from "./chatRequest.ts";

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xd9]).toString("base64");

function image(overrides: Partial<ProviderImage> = {}): ProviderImage {
  return {
    id: "img-7f3a",
    jpegBase64: JPEG,
    width: 64,
    height: 64,
    tiles: [{ label: "1" }],
    columns: 1,
    rows: 1,
    ...overrides,
  };
}

const options = { model: "gpt-4o-mini", languages: ["de", "en"] as const, maxKeywords: 10, detail: "low" as const };

/** Every key path of a JSON value (array items as []), so a test can pin the whole shape. */
function keyPaths(value: unknown, prefix = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => keyPaths(v, `${prefix}[]`));
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => [`${prefix}.${k}`, ...keyPaths(v, `${prefix}.${k}`)]);
}

describe("buildChatRequest", () => {
  it("has exactly the documented request fields and nothing about the footage", () => {
    const request = buildChatRequest(image(), options);
    const paths = [
      ...new Set(keyPaths(request).filter((p) => !p.startsWith(".response_format.json_schema.schema."))),
    ].sort();
    expect(paths).toEqual(
      [
        ".model",
        ".messages",
        ".messages[].role",
        ".messages[].content",
        ".messages[].content[].type",
        ".messages[].content[].text",
        ".messages[].content[].image_url",
        ".messages[].content[].image_url.url",
        ".messages[].content[].image_url.detail",
        ".response_format",
        ".response_format.type",
        ".response_format.json_schema",
        ".response_format.json_schema.name",
        ".response_format.json_schema.strict",
        ".response_format.json_schema.schema",
        ".max_completion_tokens",
        ".store",
      ].sort(),
    );
    // The image id is random and stays on our side; nothing else identifies the picture.
    expect(JSON.stringify(request)).not.toContain("img-7f3a");
  });

  it("sends the picture as a JPEG data URL with the chosen detail, after the task text", () => {
    const request = buildChatRequest(image(), { ...options, detail: "high" }) as {
      messages: { role: string; content: unknown }[];
    };
    expect(request.messages[0]).toEqual({ role: "system", content: SYSTEM_PROMPT });
    expect(request.messages[1]!.role).toBe("user");
    const parts = request.messages[1]!.content as { type: string; image_url?: unknown }[];
    expect(parts.map((p) => p.type)).toEqual(["text", "image_url"]);
    expect(parts[1]!.image_url).toEqual({ url: `data:image/jpeg;base64,${JPEG}`, detail: "high" });
  });

  it("asks for a strict json_schema answer whose label and language enums are this request's", () => {
    const request = buildChatRequest(image({ tiles: [{ label: "1" }, { label: "2" }], columns: 2 }), {
      ...options,
      languages: ["en"],
    }) as {
      response_format: { type: string; json_schema: { name: string; strict: boolean; schema: any } };
    };
    expect(request.response_format.type).toBe("json_schema");
    expect(request.response_format.json_schema.name).toBe(ANSWER_SCHEMA_NAME);
    expect(request.response_format.json_schema.strict).toBe(true);
    const tile = request.response_format.json_schema.schema.properties.tiles.items;
    expect(tile.properties.label.enum).toEqual(["1", "2"]);
    expect(tile.properties.keywords.items.properties.language.enum).toEqual(["en"]);
  });

  it("states the grid of a contact sheet in one parseable line and asks for an answer per tile", () => {
    const sheet = image({
      tiles: ["1", "2", "3", "4", "5"].map((label) => ({ label })),
      columns: 3,
      rows: 2,
      width: 768,
      height: 432,
    });
    const request = buildChatRequest(sheet, options) as { messages: { content: { type: string; text?: string }[] }[] };
    const text = request.messages[1]!.content[0]!.text!;
    expect(text.split("\n")).toContain(
      'Grid: 3 columns x 2 rows; tile labels in reading order (left to right, top to bottom): ["1","2","3","4","5"].',
    );
    expect(text).toMatch(/contact sheet of 5 keyframes/);
    expect(text).toMatch(/Answer per tile/);
    expect(text).toMatch(/at most 10 keywords per language, in each of: de \(German\), en \(English\)/);
    expect(text).toMatch(/description of the motif in German/);
  });

  it("forbids people's names and identification of persons in both messages", () => {
    const request = buildChatRequest(image(), options) as { messages: { content: unknown }[] };
    expect(SYSTEM_PROMPT).toMatch(/Never name people and never identify or guess who a person is/);
    expect(SYSTEM_PROMPT).toMatch(/Describe motifs only: objects, places/);
    expect(JSON.stringify(request.messages[1]!.content)).toMatch(/no people's names, no identification of persons/);
  });

  it("quotes labels as JSON so any text survives", () => {
    expect(gridSentence(2, 1, ['A "x"', "B, C"])).toBe(
      'Grid: 2 columns x 1 rows; tile labels in reading order (left to right, top to bottom): ["A \\"x\\"","B, C"].',
    );
  });

  it("bounds the billed output by tiles, keywords and languages plus reasoning room", () => {
    const one = buildChatRequest(image(), options) as { max_completion_tokens: number };
    const four = buildChatRequest(
      image({ tiles: ["1", "2", "3", "4"].map((label) => ({ label })), columns: 2, rows: 2 }),
      options,
    ) as { max_completion_tokens: number };
    expect(one.max_completion_tokens).toBe(1 * (10 * 2 * 16 + 200) + 4096);
    expect(four.max_completion_tokens).toBe(4 * (10 * 2 * 16 + 200) + 4096);
  });

  it("refuses pictures whose tiles cannot be mapped back", () => {
    expect(() => buildChatRequest(image({ tiles: [] }), options)).toThrow(/no tiles/);
    expect(() => buildChatRequest(image({ tiles: [{ label: "1" }, { label: "1" }], columns: 2 }), options)).toThrow(
      /share a label/,
    );
    expect(() => buildChatRequest(image({ tiles: [{ label: "1" }, { label: "2" }] }), options)).toThrow(
      /do not fit a 1 x 1 grid/,
    );
    expect(() => buildChatRequest(image({ tiles: [{ label: "a\nb" }] }), options)).toThrow(/spans lines/);
    expect(() => buildChatRequest(image({ columns: 0 }), options)).toThrow(/not a grid/);
  });
});

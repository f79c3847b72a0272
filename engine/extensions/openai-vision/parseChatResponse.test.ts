import { describe, expect, it } from "vitest";
import { ErrorCode, type ProviderImage } from "@sichter/engine/extension-api";
import { parseChatResponse } from "./parseChatResponse.ts";

const sheet: ProviderImage = {
  id: "img-1",
  jpegBase64: "AA==",
  width: 128,
  height: 64,
  tiles: [{ label: "1" }, { label: "2" }],
  columns: 2,
  rows: 1,
};

const tile = (label: string, extra: Record<string, unknown> = {}) => ({
  label,
  keywords: [
    { text: "Ernte", language: "de", confidence: 0.9 },
    { text: "harvest", language: "en", confidence: 0.85 },
  ],
  description: "Ein Feld während der Ernte.",
  mediaTopics: [{ code: "medtop:04000000", label: "economy, business and finance", confidence: 0.6 }],
  ...extra,
});

function completion(
  content: unknown,
  choice: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
): string {
  return JSON.stringify({
    id: "chatcmpl-1",
    object: "chat.completion",
    choices: [
      {
        index: 0,
        message: {
          role: "assistant",
          content: typeof content === "string" ? content : JSON.stringify(content),
          refusal: null,
        },
        finish_reason: "stop",
        ...choice,
      },
    ],
    usage: { prompt_tokens: 120, completion_tokens: 48, total_tokens: 168 },
    ...extra,
  });
}

function invalid(body: string): string {
  try {
    parseChatResponse(body, sheet);
  } catch (error) {
    expect(error).toMatchObject({
      code: ErrorCode.PROVIDER_RESPONSE_INVALID,
      params: { provider: "sichter.openai-vision" },
    });
    return (error as { params: { detail: string } }).params.detail;
  }
  throw new Error("expected PROVIDER_RESPONSE_INVALID");
}

describe("parseChatResponse", () => {
  it("maps tiles in the image's order, keywords, description, media topics and usage", () => {
    const answer = parseChatResponse(
      completion({ tiles: [tile("2"), tile("1", { description: "  ", mediaTopics: [] })] }),
      sheet,
    );
    expect(answer).toEqual({
      imageId: "img-1",
      usage: { inputTokens: 120, outputTokens: 48 },
      tiles: [
        {
          label: "1",
          keywords: [
            { label: "Ernte", language: "de", confidence: 0.9 },
            { label: "harvest", language: "en", confidence: 0.85 },
          ],
        },
        {
          label: "2",
          keywords: [
            { label: "Ernte", language: "de", confidence: 0.9 },
            { label: "harvest", language: "en", confidence: 0.85 },
          ],
          description: "Ein Feld während der Ernte.",
          mediaTopics: [{ code: "medtop:04000000", label: "economy, business and finance", confidence: 0.6 }],
        },
      ],
    });
  });

  it("accepts a tile left out, drops empty and repeated keywords and topics with a wrong code", () => {
    const answer = parseChatResponse(
      completion({
        tiles: [
          tile("1", {
            keywords: [
              { text: " Ernte ", language: "de", confidence: 0.5 },
              { text: "ernte", language: "de", confidence: 0.7 },
              { text: "", language: "en", confidence: 0.9 },
            ],
            mediaTopics: [{ code: "economy", label: "economy", confidence: 0.9 }],
          }),
        ],
      }),
      sheet,
    );
    expect(answer.tiles).toEqual([
      {
        label: "1",
        keywords: [{ label: "ernte", language: "de", confidence: 0.7 }],
        description: "Ein Feld während der Ernte.",
      },
    ]);
  });

  it("leaves usage out when the service does not report it", () => {
    const body = JSON.parse(completion({ tiles: [] })) as Record<string, unknown>;
    delete body.usage;
    expect(parseChatResponse(JSON.stringify(body), sheet)).toEqual({ imageId: "img-1", tiles: [] });
  });

  it("rejects a body that is not JSON or not a chat completion", () => {
    expect(invalid("<html>Bad gateway</html>")).toMatch(/not JSON/);
    expect(invalid(JSON.stringify({ choices: [] }))).toMatch(/not a chat completion \(choices/);
    expect(invalid(JSON.stringify({ object: "list", data: [] }))).toMatch(/not a chat completion/);
  });

  it("rejects a refusal, a cut-off answer and other unfinished answers", () => {
    expect(
      invalid(completion(null, { message: { role: "assistant", content: null, refusal: "I can't help with that." } })),
    ).toMatch(/refused: I can't help with that/);
    expect(invalid(completion('{"tiles":[{"label":"1"', { finish_reason: "length" }))).toMatch(/cut off/);
    expect(invalid(completion({ tiles: [] }, { finish_reason: "content_filter" }))).toMatch(/content_filter/);
    expect(invalid(completion("", {}))).toMatch(/empty/);
  });

  it("rejects content that is not JSON or not the schema", () => {
    expect(invalid(completion("Here are the keywords: harvest, field"))).toMatch(/content is not JSON/);
    expect(invalid(completion({ keywords: ["harvest"] }))).toMatch(/does not match the format/);
    expect(invalid(completion({ tiles: [tile("1", { extra: true })] }))).toMatch(/does not match the format/);
    expect(
      invalid(completion({ tiles: [tile("1", { keywords: [{ text: "x", language: "fr", confidence: 0.5 }] })] })),
    ).toMatch(/tiles\.0\.keywords\.0\.language/);
  });

  it("rejects labels the image does not have, repeated labels and confidences outside 0..1", () => {
    expect(invalid(completion({ tiles: [tile("3")] }))).toMatch(/tile "3", which the image does not have/);
    expect(invalid(completion({ tiles: [tile("1"), tile("1")] }))).toMatch(/tile "1" twice/);
    expect(
      invalid(completion({ tiles: [tile("1", { keywords: [{ text: "x", language: "de", confidence: 1.5 }] })] })),
    ).toMatch(/confidence/);
    expect(
      invalid(
        completion({
          tiles: [tile("1", { mediaTopics: [{ code: "medtop:04000000", label: "x", confidence: -0.1 }] })],
        }),
      ),
    ).toMatch(/confidence/);
  });

  it("names the image in every error", () => {
    expect(invalid("nope")).toMatch(/^image img-1: /);
  });
});

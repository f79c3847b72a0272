import { z } from "zod";
import {
  ErrorCode,
  SichterError,
  type ImageAnswer,
  type ProviderImage,
  type ProviderKeyword,
  type TileAnswer,
} from "@sichter/engine/extension-api";
import { AnswerContent } from "./answerSchema.ts";
import { OPENAI_VISION_PROVIDER_ID } from "./providerId.ts";

/** IPTC Media Topic codes are "medtop:" and eight digits. */
const MEDIA_TOPIC_CODE = /^medtop:\d{8}$/;

/**
 * The parts of a chat completion we read. Not strict: services add fields (ids, fingerprints,
 * logprobs, annotations) that we have no use for and must not fail on.
 */
const ChatCompletion = z.object({
  choices: z
    .array(
      z.object({
        // "stop" when the model finished; "length" when max_completion_tokens cut it off;
        // "content_filter" when the service withheld content.
        finish_reason: z.string().nullable(),
        message: z.object({
          // The answer: JSON text matching the response format, or null on a refusal.
          content: z.string().nullable().optional(),
          // With Structured Outputs a model that declines says so here instead of in content.
          refusal: z.string().nullable().optional(),
        }),
      }),
    )
    .min(1),
  // Billed tokens: prompt (text and image) and completion (including reasoning).
  usage: z.object({ prompt_tokens: z.number().int().min(0), completion_tokens: z.number().int().min(0) }).optional(),
});

/**
 * Turns the HTTP body of a 2xx answer into an ImageAnswer for `image`. Anything we cannot trust
 * (not JSON, an unexpected shape, a refusal, an answer cut off, invalid inner JSON, a label that is
 * not one of the image's tiles or given twice, a confidence outside 0..1) throws
 * PROVIDER_RESPONSE_INVALID: no keyword is taken from an answer that is partly wrong.
 * A tile the model left out simply has no answer (it saw nothing worth naming); keywords that are
 * empty after trimming are dropped, as are repeats (the most confident one stays) and media topics
 * whose code is not an IPTC code.
 */
export function parseChatResponse(body: string, image: ProviderImage): ImageAnswer {
  const invalid = (detail: string) =>
    new SichterError(ErrorCode.PROVIDER_RESPONSE_INVALID, {
      provider: OPENAI_VISION_PROVIDER_ID,
      detail: `image ${image.id}: ${detail}`,
    });

  const outer = parseJson(body);
  if (!outer.ok) throw invalid("the response body is not JSON");
  const completion = ChatCompletion.safeParse(outer.value);
  if (!completion.success) throw invalid(`the response is not a chat completion (${firstIssue(completion.error)})`);
  const choice = completion.data.choices[0]!;
  if (choice.message.refusal)
    throw invalid(`the model refused: ${choice.message.refusal.replace(/\s+/g, " ").slice(0, 200)}`);
  if (choice.finish_reason === "length")
    throw invalid('the answer was cut off at the token limit (finish_reason "length")');
  if (choice.finish_reason !== "stop")
    throw invalid(`the model did not finish normally (finish_reason ${JSON.stringify(choice.finish_reason)})`);
  if (!choice.message.content) throw invalid("the answer is empty");

  const inner = parseJson(choice.message.content);
  if (!inner.ok) throw invalid("the answer content is not JSON");
  const content = AnswerContent.safeParse(inner.value);
  if (!content.success) throw invalid(`the answer does not match the format (${firstIssue(content.error)})`);

  const order = new Map(image.tiles.map((t, i) => [t.label, i]));
  const seen = new Set<string>();
  for (const tile of content.data.tiles) {
    if (!order.has(tile.label))
      throw invalid(`the answer names tile ${JSON.stringify(tile.label)}, which the image does not have`);
    if (seen.has(tile.label)) throw invalid(`the answer names tile ${JSON.stringify(tile.label)} twice`);
    seen.add(tile.label);
  }

  const tiles = [...content.data.tiles]
    .sort((a, b) => order.get(a.label)! - order.get(b.label)!)
    .map((tile): TileAnswer => {
      const description = tile.description.trim();
      const mediaTopics = tile.mediaTopics
        .map((t) => ({ code: t.code.trim(), label: t.label.trim(), confidence: t.confidence }))
        .filter((t) => MEDIA_TOPIC_CODE.test(t.code));
      return {
        label: tile.label,
        keywords: distinctKeywords(
          tile.keywords.map((k) => ({ label: k.text.trim(), language: k.language, confidence: k.confidence })),
        ),
        ...(description !== "" && { description }),
        ...(mediaTopics.length > 0 && { mediaTopics }),
      };
    });

  const usage = completion.data.usage;
  return {
    imageId: image.id,
    tiles,
    ...(usage && { usage: { inputTokens: usage.prompt_tokens, outputTokens: usage.completion_tokens } }),
  };
}

/** Non-empty keywords, one per text and language (case-insensitive), keeping the highest confidence. */
function distinctKeywords(keywords: readonly ProviderKeyword[]): ProviderKeyword[] {
  const best = new Map<string, ProviderKeyword>();
  for (const keyword of keywords) {
    if (keyword.label === "") continue;
    const key = `${keyword.language}\u0000${keyword.label.toLocaleLowerCase()}`;
    const known = best.get(key);
    if (known === undefined || keyword.confidence > known.confidence) best.set(key, keyword);
  }
  return [...best.values()];
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return "unknown problem";
  const where = issue.path.length > 0 ? issue.path.join(".") : "the top level";
  return `${where}: ${issue.message}`;
}

import { z } from "zod";

/** Name of the response format; OpenAI allows a-z, A-Z, 0-9, "_" and "-", at most 64 characters. */
export const ANSWER_SCHEMA_NAME = "sichter_tile_keywords";

const Confidence = z.number().min(0).max(1);

/**
 * The model's answer (the JSON inside `choices[0].message.content`), checked on our side. The same
 * shape as `answerJsonSchema`: strict objects, every field present; a test keeps the two in step.
 */
export const AnswerContent = z.strictObject({
  tiles: z.array(
    z.strictObject({
      label: z.string(),
      keywords: z.array(z.strictObject({ text: z.string(), language: z.enum(["de", "en"]), confidence: Confidence })),
      description: z.string(),
      mediaTopics: z.array(z.strictObject({ code: z.string(), label: z.string(), confidence: Confidence })),
    }),
  ),
});
export type AnswerContent = z.infer<typeof AnswerContent>;

/**
 * The JSON Schema sent as `response_format.json_schema.schema` with `strict: true`. Strict mode (the
 * service constrains decoding to the schema) accepts only a subset of JSON Schema: every object needs
 * `additionalProperties: false` and must list all its properties in `required`, so "nothing to say"
 * is an empty string or list rather than a missing field. Range keywords (minimum/maximum) are left
 * out because not every OpenAI-compatible server supports them in strict mode; 0..1 is checked by
 * `AnswerContent`. Labels and languages are enums of this request's values, so the model cannot
 * invent a tile or answer in a language nobody asked for.
 */
export function answerJsonSchema(
  labels: readonly string[],
  languages: readonly ("de" | "en")[],
): Record<string, unknown> {
  const object = (properties: Record<string, unknown>, description?: string) => ({
    type: "object",
    ...(description !== undefined && { description }),
    properties,
    required: Object.keys(properties),
    additionalProperties: false,
  });
  const confidence = { type: "number", description: "How sure you are, from 0 (guess) to 1 (certain)." };
  return object({
    tiles: {
      type: "array",
      description: "One entry per tile label, in reading order.",
      items: object({
        label: { type: "string", enum: [...labels], description: "The tile's label as given in the prompt." },
        keywords: {
          type: "array",
          description: "Short search keywords for motifs visible in this tile only.",
          items: object({
            text: { type: "string", description: "A keyword: a noun or short noun phrase, no person names." },
            language: { type: "string", enum: [...languages], description: "Language of the keyword." },
            confidence,
          }),
        },
        description: {
          type: "string",
          description: "One factual sentence about the tile's motif, or an empty string.",
        },
        mediaTopics: {
          type: "array",
          description: "IPTC Media Topics that fit the tile, possibly none.",
          items: object({
            code: { type: "string", description: 'IPTC Media Topic code such as "medtop:11000000".' },
            label: { type: "string", description: "English name of the Media Topic." },
            confidence,
          }),
        },
      }),
    },
  });
}

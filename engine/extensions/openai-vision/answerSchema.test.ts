import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AnswerContent, answerJsonSchema } from "./answerSchema.ts";

/** The object shapes of a zod schema and of a JSON Schema, as "path: keys" lines. */
function zodShapes(schema: z.ZodType, path = "$"): string[] {
  if (schema instanceof z.ZodObject) {
    const shape = schema.shape as Record<string, z.ZodType>;
    return [
      `${path}: ${Object.keys(shape).sort().join(",")}`,
      ...Object.entries(shape).flatMap(([k, v]) => zodShapes(v, `${path}.${k}`)),
    ];
  }
  if (schema instanceof z.ZodArray) return zodShapes(schema.element as z.ZodType, `${path}[]`);
  return [];
}

function jsonShapes(schema: any, path = "$"): string[] {
  if (schema.type === "object") {
    return [
      `${path}: ${Object.keys(schema.properties).sort().join(",")}`,
      ...Object.entries(schema.properties).flatMap(([k, v]) => jsonShapes(v, `${path}.${k}`)),
    ];
  }
  if (schema.type === "array") return jsonShapes(schema.items, `${path}[]`);
  return [];
}

/** Strict mode: every object closed and every property required. */
function strictViolations(schema: any, path = "$"): string[] {
  if (schema.type === "object") {
    const own =
      schema.additionalProperties === false &&
      JSON.stringify([...schema.required].sort()) === JSON.stringify(Object.keys(schema.properties).sort())
        ? []
        : [path];
    return [...own, ...Object.entries(schema.properties).flatMap(([k, v]) => strictViolations(v, `${path}.${k}`))];
  }
  return schema.type === "array" ? strictViolations(schema.items, `${path}[]`) : [];
}

describe("answer schema", () => {
  const json = answerJsonSchema(["1", "2"], ["de", "en"]);

  it("describes the same shape on the wire and in zod", () => {
    expect(jsonShapes(json)).toEqual(zodShapes(AnswerContent));
    expect(jsonShapes(json)).toContain("$.tiles[]: description,keywords,label,mediaTopics");
  });

  it("follows the strict-mode rules on every object", () => {
    expect(strictViolations(json)).toEqual([]);
  });

  it("rejects extra fields and confidences outside 0..1 on our side", () => {
    const tile = {
      label: "1",
      keywords: [{ text: "Ernte", language: "de", confidence: 0.8 }],
      description: "",
      mediaTopics: [],
    };
    expect(AnswerContent.safeParse({ tiles: [tile] }).success).toBe(true);
    expect(AnswerContent.safeParse({ tiles: [{ ...tile, extra: 1 }] }).success).toBe(false);
    expect(
      AnswerContent.safeParse({ tiles: [{ ...tile, keywords: [{ text: "x", language: "de", confidence: 1.2 }] }] })
        .success,
    ).toBe(false);
    expect(
      AnswerContent.safeParse({ tiles: [{ ...tile, keywords: [{ text: "x", language: "fr", confidence: 0.5 }] }] })
        .success,
    ).toBe(false);
  });
});

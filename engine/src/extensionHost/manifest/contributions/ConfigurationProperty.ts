import { z } from "zod";
import { checkConfigurationValue } from "../checkConfigurationValue.ts";
import { reportIssue } from "../reportIssue.ts";

export const PROPERTY_TYPES = ["string", "number", "integer", "boolean", "array", "object"] as const;
export type PropertyType = (typeof PROPERTY_TYPES)[number];

/** The JSON Schema subset a configuration property may use; small enough to validate without a library. */
export interface ConfigurationProperty {
  type: PropertyType;
  description?: string | undefined;
  default?: unknown;
  enum?: unknown[] | undefined;
  minimum?: number | undefined;
  maximum?: number | undefined;
  minLength?: number | undefined;
  maxLength?: number | undefined;
  pattern?: string | undefined;
  items?: ConfigurationProperty | undefined;
  /**
   * `path`: a file the extension may read besides its folder. `uri`: an absolute URI. `env`: the
   * name of an environment variable (an API key); the engine passes that one variable, and no
   * other of its environment, into the extension's process.
   */
  format?: "path" | "uri" | "env" | undefined;
}

/** Keywords that only mean something for some types; elsewhere they are a mistake worth naming. */
const KEYWORD_TYPES: Readonly<Record<string, readonly PropertyType[]>> = {
  minimum: ["number", "integer"],
  maximum: ["number", "integer"],
  minLength: ["string"],
  maxLength: ["string"],
  pattern: ["string"],
  format: ["string"],
  items: ["array"],
};

export const ConfigurationProperty: z.ZodType<ConfigurationProperty> = z
  .strictObject({
    type: z.enum(PROPERTY_TYPES),
    description: z.string().max(1000).optional(),
    default: z.unknown().optional(),
    enum: z.array(z.unknown()).min(1).optional(),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
    minLength: z.number().int().min(0).optional(),
    maxLength: z.number().int().min(0).optional(),
    pattern: z.string().optional(),
    get items(): z.ZodOptional<z.ZodType<ConfigurationProperty>> {
      return ConfigurationProperty.optional();
    },
    format: z.enum(["path", "uri", "env"]).optional(),
  })
  .superRefine((property, ctx) => {
    for (const [keyword, types] of Object.entries(KEYWORD_TYPES)) {
      if ((property as Record<string, unknown>)[keyword] !== undefined && !types.includes(property.type)) {
        reportIssue(ctx, `no "${keyword}" (it applies to type ${types.map((t) => `"${t}"`).join(" or ")} only)`, {
          path: [keyword],
          found: `"${keyword}" on a property of type "${property.type}"`,
        });
      }
    }
    if (property.minimum !== undefined && property.maximum !== undefined && property.minimum > property.maximum) {
      reportIssue(ctx, `a maximum of at least the minimum (${property.minimum})`, {
        path: ["maximum"],
        found: String(property.maximum),
      });
    }
    if (
      property.minLength !== undefined &&
      property.maxLength !== undefined &&
      property.minLength > property.maxLength
    ) {
      reportIssue(ctx, `a maxLength of at least the minLength (${property.minLength})`, {
        path: ["maxLength"],
        found: String(property.maxLength),
      });
    }
    if (property.pattern !== undefined && !compiles(property.pattern)) {
      reportIssue(ctx, "a valid regular expression", { path: ["pattern"], found: JSON.stringify(property.pattern) });
      return;
    }
    // Enum values and the default are checked like user values, so a broken default fails here, at the author.
    property.enum?.forEach((value, i) => {
      for (const issue of checkConfigurationValue({ ...property, enum: undefined }, value)) {
        reportIssue(ctx, issue.expected, { path: ["enum", i, ...issue.path], found: issue.found });
      }
    });
    if (property.default !== undefined) {
      for (const issue of checkConfigurationValue(property, property.default)) {
        reportIssue(ctx, issue.expected, { path: ["default", ...issue.path], found: issue.found });
      }
    }
  })
  .meta({ id: "ConfigurationProperty" });

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, "u");
    return true;
  } catch {
    return false;
  }
}

import type { ConfigurationProperty, PropertyType } from "./contributions/ConfigurationProperty.ts";
import { describeFound } from "./FieldIssue.ts";

/** A problem with one value; `path` is relative to the value checked (array indexes). */
export interface ValueIssue {
  readonly path: readonly (string | number)[];
  readonly expected: string;
  readonly found: string;
}

const TYPE_NAMES: Readonly<Record<PropertyType, string>> = {
  string: "a string",
  number: "a number",
  integer: "an integer",
  boolean: "true or false",
  array: "an array",
  object: "an object",
};

/** Checks a value against the JSON Schema subset of a configuration property; returns every problem. */
export function checkConfigurationValue(property: ConfigurationProperty, value: unknown): ValueIssue[] {
  const found = describeFound(value);
  if (!hasType(property.type, value)) return [{ path: [], expected: TYPE_NAMES[property.type], found }];
  const issues: ValueIssue[] = [];
  const fail = (expected: string) => issues.push({ path: [], expected, found });

  if (property.enum !== undefined && !property.enum.some((option) => sameJson(option, value))) {
    fail(`one of ${property.enum.map((option) => describeFound(option)).join(", ")}`);
  }
  if (typeof value === "number") {
    if (property.minimum !== undefined && value < property.minimum) fail(`at least ${property.minimum}`);
    if (property.maximum !== undefined && value > property.maximum) fail(`at most ${property.maximum}`);
  }
  if (typeof value === "string") {
    const length = [...value].length;
    if (property.minLength !== undefined && length < property.minLength)
      fail(`at least ${property.minLength} characters`);
    if (property.maxLength !== undefined && length > property.maxLength)
      fail(`at most ${property.maxLength} characters`);
    if (property.pattern !== undefined && !matches(property.pattern, value))
      fail(`text matching /${property.pattern}/`);
    if (property.format === "path" && (value === "" || value.includes("\0"))) fail("a file or folder path");
    if (property.format === "uri" && !URL.canParse(value)) fail('an absolute URI with a scheme, such as "https://..."');
    // The engine's own variables (token location, paths) are never an extension's to read.
    if (property.format === "env" && (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(value) || /^SICHTER_/i.test(value))) {
      fail("the name of an environment variable (letters, digits, _), not one of Sichter's own SICHTER_*");
    }
  }
  if (Array.isArray(value) && property.items !== undefined) {
    const items = property.items;
    value.forEach((item, i) => {
      for (const issue of checkConfigurationValue(items, item)) issues.push({ ...issue, path: [i, ...issue.path] });
    });
  }
  return issues;
}

/** A pattern that does not compile matches nothing; the manifest check has already named it. */
function matches(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, "u").test(value);
  } catch {
    return false;
  }
}

function hasType(type: PropertyType, value: unknown): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "boolean":
      return typeof value === "boolean";
    case "array":
      return Array.isArray(value);
    case "object":
      return value !== null && typeof value === "object" && !Array.isArray(value);
  }
}

/** Config values come from JSON, so structural equality over JSON is the right notion for enums. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every(
    (key) =>
      Object.hasOwn(b, key) && sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

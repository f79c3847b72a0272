import type { z } from "zod";
import { describeFound, fieldIssue, formatFieldPath, valueAt, type FieldIssue } from "./FieldIssue.ts";
import { knownKeysAt } from "./knownKeysAt.ts";

/**
 * Turns zod issues into FieldIssues that an extension author can act on: the JSON path, what the
 * schema wanted in plain words, and what the manifest actually says there.
 */
export function manifestIssues(schema: z.ZodType, issues: readonly z.core.$ZodIssue[], input: unknown): FieldIssue[] {
  return flattenUnions(issues).flatMap((issue) => toFieldIssues(schema, issue, input));
}

/** A failed union reports the alternative that came closest (fewest issues), not all of them. */
function flattenUnions(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== "invalid_union" || issue.errors.length === 0) return [issue];
    const closest = issue.errors.reduce((best, branch) => (branch.length < best.length ? branch : best));
    return flattenUnions(closest.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] })));
  });
}

function toFieldIssues(schema: z.ZodType, issue: z.core.$ZodIssue, input: unknown): FieldIssue[] {
  const field = formatFieldPath(issue.path);
  const value = valueAt(input, issue.path);
  const found = describeFound(value);
  switch (issue.code) {
    case "invalid_type":
      return [fieldIssue(field, typeName(issue.expected), found)];
    case "unrecognized_keys": {
      const known = knownKeysAt(schema, issue.path);
      const expected = known.length > 0 ? `one of the known keys: ${known.join(", ")}` : "no other keys";
      return issue.keys.map((key) =>
        fieldIssue(formatFieldPath([...issue.path, key]), expected, `unknown key "${key}"`),
      );
    }
    case "invalid_value":
      return [fieldIssue(field, `one of ${issue.values.map((v) => describeFound(v)).join(", ")}`, found)];
    case "too_big":
    case "too_small":
      return [fieldIssue(field, bound(issue), found)];
    case "invalid_format":
      // Every pattern in the manifest schemas carries a plain-words description as its message.
      return [fieldIssue(field, issue.message, found)];
    case "invalid_key":
      return issue.issues.map((inner) =>
        fieldIssue(field, expectedOf(inner), `the key ${describeFound(issue.path.at(-1))}`),
      );
    case "custom": {
      const params = (issue.params ?? {}) as { expected?: string; found?: string; sentence?: string };
      return [fieldIssue(field, params.expected ?? issue.message, params.found ?? found, params.sentence)];
    }
    default:
      return [fieldIssue(field, issue.message, found)];
  }
}

function expectedOf(issue: z.core.$ZodIssue): string {
  if (issue.code === "too_big" || issue.code === "too_small") return bound(issue);
  if (issue.code === "invalid_type") return typeName(issue.expected);
  return issue.message;
}

function bound(issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall): string {
  const upper = issue.code === "too_big";
  const limit = Number(upper ? issue.maximum : issue.minimum);
  const exclusive = issue.inclusive === false;
  const plural = limit === 1 ? "" : "s";
  const unit = issue.origin === "string" ? ` character${plural}` : issue.origin === "array" ? ` item${plural}` : "";
  if (exclusive) return `${upper ? "less" : "more"} than ${limit}${unit}`;
  return `${upper ? "at most" : "at least"} ${limit}${unit}`;
}

function typeName(expected: string): string {
  switch (expected) {
    case "int":
      return "an integer";
    case "boolean":
      return "true or false";
    case "object":
    case "record":
      return "an object";
    case "array":
      return "an array";
    default:
      return `a ${expected}`;
  }
}

import type { z } from "zod";

/**
 * Turns zod issues into one sentence a developer can act on without reading zod's output, e.g.
 * `params.path: expected string, got number`. `root` names what was validated ("params").
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[], input: unknown, root: string): string {
  const parts = pickIssues(issues).map((issue) => describeIssue(issue, input, root));
  const shown = parts.slice(0, MAX_SHOWN);
  const more = parts.length - shown.length;
  return more > 0 ? `${shown.join("; ")} (and ${more} more)` : shown.join("; ");
}

const MAX_SHOWN = 3;

/** A failed union reports the alternative that came closest (fewest issues), not all of them. */
function pickIssues(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== "invalid_union" || issue.errors.length === 0) return [issue];
    const closest = issue.errors.reduce((best, branch) => (branch.length < best.length ? branch : best));
    return pickIssues(closest.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] })));
  });
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown, root: string): string {
  const where = formatPath(root, issue.path);
  switch (issue.code) {
    case "invalid_type": {
      const value = valueAt(input, issue.path);
      return value.found
        ? `${where}: expected ${expectedName(issue.expected)}, got ${typeName(value.value)}`
        : `${where}: required (${expectedName(issue.expected)})`;
    }
    case "unrecognized_keys":
      return `${where}: unknown ${issue.keys.length === 1 ? "key" : "keys"} ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}`;
    case "invalid_value": {
      const options = issue.values.map((v) => JSON.stringify(v)).join(", ");
      const value = valueAt(input, issue.path);
      return value.found
        ? `${where}: expected one of ${options}, got ${show(value.value)}`
        : `${where}: required (one of ${options})`;
    }
    case "too_big":
      return `${where}: ${bound(issue.origin, "at most", issue.maximum, issue.inclusive, true)}`;
    case "too_small":
      return `${where}: ${bound(issue.origin, "at least", issue.minimum, issue.inclusive, false)}`;
    case "invalid_format":
      return `${where}: expected ${issue.format === "regex" ? `text matching ${issue.pattern ?? "the pattern"}` : `a ${issue.format}`}`;
    case "not_multiple_of":
      return `${where}: expected a multiple of ${String(issue.divisor)}`;
    case "invalid_union":
      return `${where}: matches none of the accepted forms`;
    default:
      return `${where}: ${issue.message}`;
  }
}

function bound(
  origin: string,
  word: string,
  limit: number | bigint,
  inclusive: boolean | undefined,
  upper: boolean,
): string {
  const n = Number(limit);
  const exact = inclusive === false ? (upper ? n - 1 : n + 1) : n;
  switch (origin) {
    case "string":
      return `expected ${word} ${exact} characters`;
    case "array":
    case "set":
      return `expected ${word} ${exact} items`;
    default:
      return inclusive === false ? `expected ${upper ? "less" : "more"} than ${n}` : `expected ${word} ${n}`;
  }
}

function formatPath(root: string, path: readonly PropertyKey[]): string {
  let out = root;
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "message" : out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown } {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== "object") return { found: false, value: undefined };
    const record = current as Record<PropertyKey, unknown>;
    if (!Object.prototype.hasOwnProperty.call(record, key)) return { found: false, value: undefined };
    current = record[key];
  }
  return { found: current !== undefined, value: current };
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number" && !Number.isInteger(value)) return "number (not an integer)";
  return typeof value;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? typeName(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function expectedName(expected: string): string {
  if (expected === "int") return "integer";
  if (expected === "record") return "object";
  return expected;
}

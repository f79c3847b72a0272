/**
 * One precise problem: where (a JSON path such as `sichter.contributes.analyzers[0].timeoutSeconds`,
 * "" for the whole document), what was expected and what was found. `message` is the sentence shown
 * to people; it is built from the other three unless a rule has a better one.
 */
export interface FieldIssue {
  readonly field: string;
  readonly expected: string;
  readonly found: string;
  readonly message: string;
}

export function fieldIssue(field: string, expected: string, found: string, message?: string): FieldIssue {
  const where = field === "" ? "package.json" : field;
  return { field, expected, found, message: `${where}: ${message ?? `expected ${expected}, found ${found}`}` };
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Keys that are not plain identifiers ("newsroom.path") are bracketed so the path stays unambiguous. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && IDENTIFIER.test(key)) out += out === "" ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

const MAX_SHOWN = 60;

/** A value as it appeared in the JSON, shortened; "nothing" when the field is absent. */
export function describeFound(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 3)}...` : text;
}

/** Reads the raw value at a zod issue path so errors can quote what the author wrote. */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

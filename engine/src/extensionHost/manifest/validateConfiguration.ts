import { checkConfigurationValue } from "./checkConfigurationValue.ts";
import type { ConfigurationContribution } from "./contributions/ConfigurationContribution.ts";
import { describeFound, type FieldIssue } from "./FieldIssue.ts";

export type ConfigurationResult =
  | { readonly ok: true; readonly values: Record<string, unknown> }
  | { readonly ok: false; readonly errors: readonly FieldIssue[] };

/**
 * Checks a user's settings for one extension against its `configuration` contribution and fills in
 * defaults. Unknown properties are errors rather than ignored: a misspelt setting that silently does
 * nothing is the hardest kind of configuration bug to find. `undefined` means "nothing configured".
 * Error fields are the property name as the user wrote it, plus `[i]` into arrays.
 */
export function validateConfiguration(schema: ConfigurationContribution, values: unknown): ConfigurationResult {
  const given = values === undefined ? {} : values;
  if (given === null || typeof given !== "object" || Array.isArray(given)) {
    return { ok: false, errors: [settingIssue("", "an object of settings", describeFound(values))] };
  }
  const input = given as Record<string, unknown>;
  const declared = Object.keys(schema.properties);
  const required = new Set(schema.required ?? []);
  const errors: FieldIssue[] = [];
  const result: Record<string, unknown> = {};

  for (const key of Object.keys(input)) {
    if (!Object.hasOwn(schema.properties, key)) {
      errors.push(
        settingIssue(key, `one of the declared settings: ${declared.join(", ") || "none"}`, `unknown setting "${key}"`),
      );
    }
  }
  for (const [key, property] of Object.entries(schema.properties)) {
    const value = input[key];
    if (value === undefined) {
      // Defaults are copied so one user's later edits can never change the manifest's value.
      if (property.default !== undefined) result[key] = structuredClone(property.default);
      else if (required.has(key)) errors.push(settingIssue(key, `a value (the setting is required)`, "nothing"));
      continue;
    }
    const issues = checkConfigurationValue(property, value);
    for (const issue of issues)
      errors.push(settingIssue(`${key}${issue.path.map((i) => `[${i}]`).join("")}`, issue.expected, issue.found));
    if (issues.length === 0) result[key] = value;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, values: result };
}

/** Settings are named as the user wrote them, so no "package.json" fallback for the message. */
function settingIssue(field: string, expected: string, found: string): FieldIssue {
  return {
    field,
    expected,
    found,
    message: `${field === "" ? "settings" : field}: expected ${expected}, found ${found}`,
  };
}

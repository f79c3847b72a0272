/** The answer of one ExtendScript call, as the JSX bridge encodes it. */
export type ScriptResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: { readonly code: string; readonly message: string } };

/** What CSInterface.evalScript hands back when the script itself failed to run. */
const EVAL_SCRIPT_ERROR = "EvalScript error.";

/**
 * The code string for `CSInterface.evalScript`: the method name and its arguments, both as JSON
 * text inside JavaScript string literals. Nothing is spliced in raw, so a Windows path's
 * backslashes or a quote in a keyword cannot break the script.
 */
export function scriptFor(method: string, args: unknown): string {
  return `Sichter.call(${stringLiteral(method)}, ${stringLiteral(JSON.stringify(args ?? null))})`;
}

/** JSON's string form is a JavaScript literal once U+2028 and U+2029 (line ends in ES3/ES5) are escaped. */
function stringLiteral(text: string): string {
  return JSON.stringify(text)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

export function readScriptResult(text: string): ScriptResult {
  if (text === EVAL_SCRIPT_ERROR) return invalid("SICHTER_E_INTERNAL", "the ExtendScript could not run");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return invalid("SICHTER_E_RESPONSE_INVALID", `ExtendScript answered no JSON: ${text.slice(0, 80)}`);
  }
  if (typeof parsed === "object" && parsed !== null) {
    const answer = parsed as { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown } };
    if (answer.ok === true) return { ok: true, value: answer.value ?? null };
    if (answer.ok === false && typeof answer.error?.code === "string" && typeof answer.error.message === "string") {
      return { ok: false, error: { code: answer.error.code, message: answer.error.message } };
    }
  }
  return invalid("SICHTER_E_RESPONSE_INVALID", `ExtendScript answered an unknown shape: ${text.slice(0, 80)}`);
}

function invalid(code: string, message: string): ScriptResult {
  return { ok: false, error: { code, message } };
}

import { readScriptResult, scriptFor } from "./evalScriptCall.ts";

/** `CSInterface.evalScript` as a promise: the code string in, ExtendScript's answer (a string) out. */
export type EvalScript = (code: string) => Promise<string>;

/** A failure ExtendScript reported, with its stable code. */
export class ExtendScriptError extends Error {
  override readonly name = "ExtendScriptError";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Calls the panel's JSX methods; every argument and answer crosses as JSON. */
export class ExtendScriptBridge {
  constructor(private readonly evalScript: EvalScript) {}

  async call<T>(method: string, args: unknown): Promise<T> {
    const result = readScriptResult(await this.evalScript(scriptFor(method, args)));
    if (!result.ok) throw new ExtendScriptError(result.error.code, result.error.message);
    return result.value as T;
  }
}

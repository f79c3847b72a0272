import { createOcrAnalyzer, releaseOcrModels } from "./index.ts";
import { registerBuiltinAnalyzer, type ExtensionContext, type SichterApi } from "../builtinAnalyzerExtension.ts";

export function activate(_context: ExtensionContext, api: SichterApi): void {
  registerBuiltinAnalyzer(api, createOcrAnalyzer());
}

/** The models stay loaded for every clip of a run; they go with the extension. */
export function deactivate(): void {
  releaseOcrModels();
}

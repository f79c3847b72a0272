import { createOcrAnalyzer, releaseOcrModels } from "./index.ts";
import { registerBuiltinAnalyzer, type ExtensionContext, type SichterApi } from "../builtinAnalyzerExtension.ts";

export function activate(context: ExtensionContext, api: SichterApi): void {
  const size = context.configuration.detectionSize;
  registerBuiltinAnalyzer(api, createOcrAnalyzer(typeof size === "number" ? { detectionMaxSide: size } : {}));
}

/** The models stay loaded for every clip of a run; they go with the extension. */
export function deactivate(): void {
  releaseOcrModels();
}

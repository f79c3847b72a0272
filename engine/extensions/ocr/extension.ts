import { createOcrAnalyzer, releaseOcrModels } from "./index.ts";
import {
  prepareInBackground,
  registerBuiltinAnalyzer,
  type ExtensionContext,
  type SichterApi,
} from "@sichter/engine/extension-api";

export function activate(context: ExtensionContext, api: SichterApi): void {
  const size = context.configuration.detectionSize;
  const analyzer = createOcrAnalyzer(typeof size === "number" ? { detectionMaxSide: size } : {});
  registerBuiltinAnalyzer(api, analyzer);
  // The extension is activated when a job starts, well before OCR's turn: the models load meanwhile.
  prepareInBackground([analyzer]);
}

/** The models stay loaded for every clip of a run; they go with the extension. */
export function deactivate(): void {
  releaseOcrModels();
}

import { CueAnalyzer } from "./CueAnalyzer.ts";
import { registerBuiltinAnalyzer, type ExtensionContext, type SichterApi } from "../builtinAnalyzerExtension.ts";

export function activate(_context: ExtensionContext, api: SichterApi): void {
  registerBuiltinAnalyzer(api, new CueAnalyzer());
}

import { MotionAnalyzer } from "./MotionAnalyzer.ts";
import { registerBuiltinAnalyzer, type ExtensionContext, type SichterApi } from "../builtinAnalyzerExtension.ts";

export function activate(_context: ExtensionContext, api: SichterApi): void {
  registerBuiltinAnalyzer(api, new MotionAnalyzer());
}

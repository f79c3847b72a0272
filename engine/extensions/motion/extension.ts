import { MotionAnalyzer } from "./MotionAnalyzer.ts";
import { registerBuiltinAnalyzer, type ExtensionContext, type SichterApi } from "@sichter/engine/extension-api";

export function activate(_context: ExtensionContext, api: SichterApi): void {
  registerBuiltinAnalyzer(api, new MotionAnalyzer());
}

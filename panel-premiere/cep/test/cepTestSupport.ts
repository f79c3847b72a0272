import vm from "node:vm";
import { ExtendScriptPremiere } from "@sichter/premiere-simulator";
import { ExtendScriptBridge } from "../src/ExtendScriptBridge.ts";
import { contextWithSichterJsx } from "./es3Vm.ts";

/** Premiere 25.x's ExtendScript DOM simulated in an ES3 VM running the panel's compiled JSX. */
export function premiereWithCepBridge() {
  const premiere = new ExtendScriptPremiere();
  const context = contextWithSichterJsx();
  premiere.install(context);
  // CSInterface.evalScript hands the script's result back as a string.
  const bridge = new ExtendScriptBridge(async (code) => String(vm.runInContext(code, context)));
  return { premiere, bridge, context };
}

import type { ResolveApp } from "@sichter/resolve-adapter";
import { ErrorCode, SichterRpcError } from "@sichter/shared/protocol";
import type { WorkflowIntegrationModule } from "./WorkflowIntegrationModule.ts";

/** A hung call (a modal dialog in Resolve, a long render start) fails after this instead of freezing the plugin. */
export const API_TIMEOUT_SECONDS = 10;
const HOST = "DaVinci Resolve";

/**
 * Initialises the Workflow Integration module with the plugin's id and gets the Resolve object:
 * the promise pair where the version has it (calls then answer promises and never block the main
 * loop), the blocking pair otherwise; then sets the API timeout. HOST_NOT_AVAILABLE when Resolve
 * says no (a wrong plugin id, the free edition, Linux).
 */
export async function connectResolve(module: WorkflowIntegrationModule, pluginId: string): Promise<ResolveApp> {
  const promised = typeof module.InitializePromise === "function" && typeof module.GetResolvePromise === "function";
  const initialized = promised ? await module.InitializePromise!(pluginId) : module.Initialize(pluginId);
  if (!initialized) {
    throw SichterRpcError.of(ErrorCode.HOST_NOT_AVAILABLE, {
      host: HOST,
      detail: `Initialize("${pluginId}") failed: is the plugin installed under this id, in DaVinci Resolve Studio?`,
    });
  }
  const resolve = promised ? await module.GetResolvePromise!() : module.GetResolve();
  if (!resolve)
    throw SichterRpcError.of(ErrorCode.HOST_NOT_AVAILABLE, { host: HOST, detail: "GetResolve() answered nothing" });
  module.SetAPITimeout?.(API_TIMEOUT_SECONDS);
  return resolve;
}

import type { ResolveApp } from "@sichter/resolve-adapter";

/**
 * `WorkflowIntegration.node`, Blackmagic's native module a plugin loads from its own folder. The
 * promise pair exists in newer versions only; calls through it do not block Electron's main loop.
 */
export interface WorkflowIntegrationModule {
  Initialize(pluginId: string): unknown;
  GetResolve(): ResolveApp | null | undefined;
  InitializePromise?: ((pluginId: string) => Promise<unknown>) | undefined;
  GetResolvePromise?: (() => ResolveApp | null | undefined | Promise<ResolveApp | null | undefined>) | undefined;
  /** Seconds a scripting call may take before it fails. */
  SetAPITimeout?: ((seconds: number) => unknown) | undefined;
  CleanUp?: (() => unknown) | undefined;
}

import type { ResolveSimulator } from "./ResolveSimulator.ts";
import type { SimResolve } from "./SimResolve.ts";
import type { CallMonitor } from "./promiseFlavour.ts";

/** What a test reads back about how the plugin used the module. */
export interface WorkflowIntegrationState {
  initializedWith: string | null;
  timeoutSeconds: number | null;
  cleanedUp: boolean;
  /** The promise flavour's monitor once GetResolvePromise was called. */
  monitor: CallMonitor | null;
}

/**
 * `WorkflowIntegration.node` as a plugin's main process loads it: `Initialize(pluginId)` (true only
 * for the id of an installed plugin), `GetResolve()` (null before Initialize), the promise pair of
 * newer versions (`InitializePromise`, `GetResolvePromise`, whose object answers every call with a
 * promise), `SetAPITimeout(seconds)` and `CleanUp()`. `promise: false` leaves the promise pair out, as
 * in versions before it.
 */
export function workflowIntegrationDouble(
  sim: ResolveSimulator,
  options: { installedPluginId: string; promise?: boolean },
) {
  const state: WorkflowIntegrationState = {
    initializedWith: null,
    timeoutSeconds: null,
    cleanedUp: false,
    monitor: null,
  };
  const initialize = (pluginId: unknown): boolean => {
    if (pluginId !== options.installedPluginId) return false;
    state.initializedWith = pluginId;
    state.cleanedUp = false;
    return true;
  };
  const module = {
    state,
    Initialize: initialize,
    GetResolve: (): SimResolve | null => (state.initializedWith === null || state.cleanedUp ? null : sim.resolve),
    SetAPITimeout: (seconds: unknown): boolean => {
      if (typeof seconds !== "number" || !(seconds > 0)) return false;
      state.timeoutSeconds = seconds;
      return true;
    },
    CleanUp: (): void => {
      state.cleanedUp = true;
    },
    InitializePromise: undefined as ((pluginId: unknown) => Promise<boolean>) | undefined,
    GetResolvePromise: undefined as (() => SimResolve | null) | undefined,
  };
  if (options.promise !== false) {
    module.InitializePromise = async (pluginId: unknown) => initialize(pluginId);
    module.GetResolvePromise = () => {
      if (state.initializedWith === null || state.cleanedUp) return null;
      const { resolve, monitor } = sim.promiseApi();
      state.monitor = monitor;
      return resolve;
    };
  }
  return module;
}

export type WorkflowIntegrationDouble = ReturnType<typeof workflowIntegrationDouble>;

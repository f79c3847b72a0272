/** The DaVinci Resolve Studio Workflow Integration plugin: main process, preload bridge and the page's host calls. */
export { type PluginManifest, readPluginManifest } from "./manifest/pluginManifest.ts";
export { EVENT, type IpcAnswer, REQUEST } from "./ipcChannels.ts";
export type * from "./main/ElectronSeam.ts";
export type { WorkflowIntegrationModule } from "./main/WorkflowIntegrationModule.ts";
export { API_TIMEOUT_SECONDS, connectResolve } from "./main/connectResolve.ts";
export { DEFAULT_ENGINE_PORT, type EngineAddress, discoverEngine, sichterFolders } from "./main/engineDiscovery.ts";
export { EngineLink, type EngineLinkState } from "./main/EngineLink.ts";
export { type PluginDeps, type RunningPlugin, startPlugin } from "./main/startPlugin.ts";
export { BRIDGE_KEY, type SichterResolveBridge, createBridge, exposeBridge } from "./preload/exposeBridge.ts";
export { ipcResolveCalls, unwrap } from "./page/ipcResolveCalls.ts";

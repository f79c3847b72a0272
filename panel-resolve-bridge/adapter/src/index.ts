/** Sichter's DaVinci Resolve host adapter: one module for the Workflow Integration plugin, mirrored by the Lua script. */
export type * from "./ResolveApi.ts";
export { ResolveCallQueue } from "./ResolveCallQueue.ts";
export { ResolveHost } from "./ResolveHost.ts";
export { RESOLVE_CAPABILITIES, ResolveHostAdapter, type ResolveHostCalls } from "./ResolveHostAdapter.ts";
export { localResolveCalls } from "./localResolveCalls.ts";
export { DEFAULT_POLL_MS, SelectionPoller, type SelectionPollerOptions } from "./SelectionPoller.ts";
export { RESOLVE_COLOR_OF, RESOLVE_MARKER_COLORS, type ResolveMarkerColor } from "./resolveMarkerColor.ts";
export { SICHTER_PREFIX, clipMarkerData, isSichterData, timelineMarkerData } from "./sichterMarkerData.ts";
export { SICHTER_LINE_PREFIX, withSichterLine } from "./sichterLine.ts";
export { mergeKeywords, parseKeywords } from "./keywordsValue.ts";
export { type ResolveVersion, RESOLVE_API, resolveVersion, versionAtLeast } from "./resolveVersion.ts";
export type { RevealOutcome } from "./reveal.ts";

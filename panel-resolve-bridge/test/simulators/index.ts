/** Test doubles for DaVinci Resolve: its scripting API as the Workflow Integration plugin and Lua scripts see it. */
export { type PlacementSpec, ResolveSimulator, type ResolveSimulatorOptions } from "./resolve/ResolveSimulator.ts";
export { RESOLVE_MARKER_COLORS, type ResolveMarkerColor } from "./resolve/markerColors.ts";
export { type MarkerDict, type MarkerInfo, markerKey } from "./resolve/SimMarkers.ts";
export { METADATA_FIELDS, type MetadataForms } from "./resolve/SimMetadata.ts";
export type { MediaClipSpec, SimMediaPoolItem } from "./resolve/SimMediaPoolItem.ts";
export type { SimTimeline, TimelineSpec } from "./resolve/SimTimeline.ts";
export type { SimTimelineItem } from "./resolve/SimTimelineItem.ts";
export { CallMonitor } from "./resolve/promiseFlavour.ts";
export { SimulatorError } from "./resolve/SimulatorError.ts";
export { API_LEVELS, atLeast, versionFields } from "./resolve/simVersion.ts";
export {
  type WorkflowIntegrationDouble,
  type WorkflowIntegrationState,
  workflowIntegrationDouble,
} from "./resolve/WorkflowIntegrationDouble.ts";

/** Logic both Premiere shells (UXP and CEP) share. Pure: no host calls, no Node APIs. */
export type { ClipInstance } from "./ClipInstance.ts";
export type { ClipMarker } from "./ClipMarker.ts";
export { rateFromFps, rateFromTicksPerFrame } from "./hostFrameRate.ts";
export { type MarkerLayoutOptions, layoutClipMarkers } from "./layoutClipMarkers.ts";
export {
  EXTENDSCRIPT_MARKER_COLOR_INDEX,
  type PaletteColor,
  UXP_MARKER_COLOR,
  type UxpMarkerColorName,
} from "./markerColors.ts";
export { type LedgerEntry, decodeLedgerEntries, encodeLedgerEntry } from "./markerLedger.ts";
export { PREMIERE_CAPABILITIES } from "./premiereCapabilities.ts";
export { type KeywordMerge, keywordKey, planKeywords } from "./planKeywords.ts";
export {
  type ExistingMarker,
  type MarkerReapply,
  type MarkerUpdate,
  type WantedMarker,
  planMarkerReapply,
} from "./planMarkerReapply.ts";
export {
  type UsedRange,
  clipFrameToSequenceTicks,
  sequenceTicksToClipFrame,
  usedSourceRange,
} from "./sequenceMapping.ts";
export * from "./sichterXmp.ts";

/** Test doubles for Premiere Pro: the UXP host module and the XMP toolkit UXP provides. */
export {
  type ApiVersion,
  type ClipSpec,
  PremiereSimulator,
  type SequenceSpec,
  type TrackItemSpec,
} from "./premiere/PremiereSimulator.ts";
export type { MarkerState } from "./premiere/SimMarkers.ts";
export { SimClipItem } from "./premiere/SimProjectItem.ts";
export type { SimSequence } from "./premiere/SimSequence.ts";
export { SimulatorError } from "./premiere/SimulatorError.ts";
export { XMPConst, XMPMeta, xmpToolkitDouble } from "./xmp/XmpToolkitDouble.ts";
export { ExtendScriptPremiere, EsProjectItem } from "./extendscript/ExtendScriptPremiere.ts";
export { EsSequence, type EsTrackItemSpec } from "./extendscript/EsSequence.ts";

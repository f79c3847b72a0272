/** XMP metadata: the sidecar / embedded tag writer and its reader. */
export { disposeExifTool } from "./sharedExifTool.ts";
export { readXmp } from "./readXmp.ts";
export { writeXmp } from "./writeXmp.ts";
export { SICHTER_TRACK_NAME } from "./sichterTrack.ts";
export type {
  SidecarNaming,
  WriteReport,
  WriteXmpOptions,
  XmpContent,
  XmpMarker,
  XmpTarget,
  XmpTrack,
} from "./XmpTypes.ts";

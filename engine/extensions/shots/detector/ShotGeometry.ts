import type { FrameGeometry } from "@sichter/engine/extension-api";

/**
 * The shot detector's frames: 64x36 full-range luma (the very bytes of ANALYSIS_GEOMETRY's grey
 * pictures) followed by the U and V planes at the same size (yuvj444p, planar). A cut between two
 * takes of one scene under other light shows only in those planes.
 */
export const SHOT_GEOMETRY: FrameGeometry = { width: 64, height: 36, pixelFormat: "yuvj444p" };

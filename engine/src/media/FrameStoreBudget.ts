/**
 * Disk the job's frame store may take, over every step that puts pictures in. At 2.7 MB a 720p
 * keyframe at OCR's width that is about 390 keyframes (six and a half minutes of 1-second GOPs)
 * beside 128 MB of small pictures (refine-window frames, keyframe pictures, frame runs). Pictures
 * past it are left out; their consumers decode them as they would without a store.
 */
export const FRAME_STORE_BUDGET = 1152 * 1024 * 1024;

/**
 * What pictures at OCR's width may take of the budget: the small pictures, which save the most
 * decodes per byte, keep the rest.
 */
export const LARGE_PICTURE_SHARE = 8 / 9;

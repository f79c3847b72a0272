/**
 * How a time that falls between two frame starts picks its frame.
 * - "nearest": the frame whose start is closest; an exact tie goes to the later frame.
 * - "floor": the frame being shown at that moment (the last frame that started at or before it).
 */
export type FrameRounding = "floor" | "nearest";

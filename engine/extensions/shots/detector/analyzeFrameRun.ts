import {
  type CancellationToken,
  throwIfCancelled,
  readFrames,
  type FrameReadRequest,
} from "@sichter/engine/extension-api";
import { SHOT_GEOMETRY } from "./ShotGeometry.ts";
import { toLumaFrame, type LumaFrame } from "./LumaFrame.ts";
import { ShotSignalBuilder, type SignalSeries } from "./ShotSignals.ts";

export interface FrameRunPlacement {
  /**
   * Frame index of the first decoded frame: a number when known (decoding from the file start), or
   * a function that recognises it from its pixels (after a seek), undefined when it cannot.
   */
  readonly firstFrame: number | ((first: LumaFrame) => number | undefined);
  /** Stop before this frame index (exclusive). Default: the end of the stream. */
  readonly endFrame?: number;
}

/**
 * Decodes a run of consecutive frames and computes the detector's signals over it. Returns
 * undefined when the first frame could not be placed.
 */
export async function analyzeFrameRun(
  request: Omit<FrameReadRequest, "geometry" | "keyframesOnly">,
  placement: FrameRunPlacement,
  onFrame: () => void,
  token: CancellationToken,
): Promise<SignalSeries | undefined> {
  const { width, height } = SHOT_GEOMETRY;
  let builder: ShotSignalBuilder | undefined;
  let index = 0;
  for await (const pixels of readFrames({ ...request, geometry: SHOT_GEOMETRY }, token)) {
    if (!builder) {
      const { firstFrame } = placement;
      const first = typeof firstFrame === "number" ? firstFrame : firstFrame(toLumaFrame(-1, pixels, width, height));
      if (first === undefined) return undefined;
      builder = new ShotSignalBuilder(first);
      index = first;
    }
    // Leaving the loop kills ffmpeg: nothing past the window is decoded.
    if (placement.endFrame !== undefined && index >= placement.endFrame) break;
    builder.push(toLumaFrame(index, pixels, width, height));
    index++;
    onFrame();
    if (index % 64 === 0) throwIfCancelled(token);
  }
  throwIfCancelled(token);
  return builder?.series;
}

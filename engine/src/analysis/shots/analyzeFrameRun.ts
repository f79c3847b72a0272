import { CancellationToken, throwIfCancelled } from "../../core/Cancellation.ts";
import { ANALYSIS_GEOMETRY, readFrames, type FrameReadRequest } from "../../media/FrameReader.ts";
import { toLumaFrame, type LumaFrame } from "./LumaFrame.ts";
import { ShotSignalBuilder, type SignalSeries } from "./ShotSignals.ts";

export interface FrameRun {
  readonly series: SignalSeries;
  /** The run's first decoded frame, to check that a seek landed where it should. */
  readonly first: LumaFrame | undefined;
}

/** Decodes a run of consecutive frames and computes the detector's signals over it. */
export async function analyzeFrameRun(
  request: Omit<FrameReadRequest, "geometry" | "keyframesOnly">,
  firstFrame: number,
  onFrame: () => void,
  token: CancellationToken,
): Promise<FrameRun> {
  const { width, height } = ANALYSIS_GEOMETRY;
  const builder = new ShotSignalBuilder(firstFrame);
  let first: LumaFrame | undefined;
  let i = 0;
  for await (const pixels of readFrames({ ...request, geometry: ANALYSIS_GEOMETRY }, token)) {
    const frame = toLumaFrame(firstFrame + i, pixels, width, height);
    first ??= frame;
    builder.push(frame);
    i++;
    onFrame();
    if (i % 64 === 0) throwIfCancelled(token);
  }
  throwIfCancelled(token);
  return { series: builder.series, first };
}

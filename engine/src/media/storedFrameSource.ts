import { CancellationToken } from "../core/Cancellation.ts";
import type { FrameStoreReader } from "./FrameStoreReader.ts";
import { evenHeight, type FrameSource } from "./FrameSource.ts";
import type { MediaInfo } from "./MediaInfo.ts";

/**
 * Frames from the job's frame store where it holds all of a request at that width, decoded by
 * `decoder` where it does not: how the engine answers an extension that may not read the job
 * folder itself.
 */
export function storedFrameSource(
  store: FrameStoreReader,
  media: Pick<MediaInfo, "width" | "height">,
  decoder: FrameSource,
): FrameSource {
  return {
    async rgb(first, width, count = 1, token = CancellationToken.None) {
      const height = evenHeight(media, width);
      const stored = await store.frames(first, count, { width, height, pixelFormat: "rgb24" });
      return stored ? stored.map((data) => ({ width, height, data })) : decoder.rgb(first, width, count, token);
    },
  };
}

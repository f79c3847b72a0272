import {
  ErrorCode,
  CancellationToken,
  throwIfCancelled,
  SichterError,
  readFrames,
  evenHeight,
  type FrameSource,
  type RgbImage,
  FrameStoreReader,
  type MediaInfo,
} from "@sichter/engine/extension-api";
import type { PlannedSample } from "./ocrSamplePlan.ts";

/**
 * The planned samples' pictures, in plan order. Keyframes come from the job's frame store where
 * the shot step put them in at this width (the same bytes), the others from one keyframe-only
 * decode that runs through the clip once (in an intra-only clip, each on its own); any other frame
 * is taken from the store where it holds it, else decoded on its own with an accurate seek. One
 * picture is always being fetched ahead, so ffmpeg decodes while the caller reads the last one.
 */
export async function* sampleFrames(
  media: MediaInfo,
  plan: readonly PlannedSample[],
  width: number,
  frames: FrameSource,
  token: CancellationToken = CancellationToken.None,
  store: FrameStoreReader = FrameStoreReader.EMPTY,
): AsyncGenerator<{ sample: PlannedSample; image: RgbImage }, void, undefined> {
  const height = evenHeight(media, width);
  const geometry = { width, height, pixelFormat: "rgb24" } as const;
  const stored = (frame: number): Promise<RgbImage | undefined> =>
    store.frame(frame, geometry).then((data) => data && { width, height, data });
  // Past the stored ones, the stream runs from the clip's start: a seek could land on another
  // keyframe than asked, and a picture matched to the wrong keyframe would go unnoticed. In an
  // intra-only clip that stream would decode every frame of the clip for a sample every few
  // seconds; there a seek lands on the frame itself, so each sample is decoded on its own.
  const streamed = (sample: PlannedSample): boolean => sample.keyframe && !media.intraOnly;
  const keyStream = plan.some((p) => streamed(p) && !store.has(p.frame, geometry))
    ? readFrames({ file: media.path, keyframesOnly: true, geometry }, token)
    : undefined;
  let keyIndex = 0;

  const nextKeyframe = async (frame: number): Promise<RgbImage> => {
    // The stream yields media.keyframes in order; skip those no sample needs.
    for (;;) {
      const next = await keyStream!.next();
      if (next.done) break;
      const key = media.keyframes[keyIndex++];
      if (key === frame) return { width, height, data: next.value };
      if (key === undefined || key > frame) break;
    }
    throw new SichterError(ErrorCode.INTERNAL, {
      detail: `keyframe ${frame} missing from the keyframe stream of ${media.path}`,
    });
  };
  const decode = (frame: number): Promise<RgbImage> => frames.rgb(frame, width, 1, token).then(([image]) => image!);
  const fetch = (sample: PlannedSample): Promise<RgbImage> => {
    if (!streamed(sample)) return stored(sample.frame).then((image) => image ?? decode(sample.frame));
    if (!store.has(sample.frame, geometry)) return nextKeyframe(sample.frame);
    return stored(sample.frame).then((image) => {
      if (!image)
        throw new SichterError(ErrorCode.INTERNAL, {
          detail: `keyframe ${sample.frame} is cut short in the frame store of ${media.path}`,
        });
      return image;
    });
  };

  try {
    // Keyframes must be fetched in order from the one stream, so the look-ahead is one sample.
    let pending: Promise<RgbImage> | undefined = plan[0] ? fetch(plan[0]) : undefined;
    for (let i = 0; i < plan.length; i++) {
      throwIfCancelled(token);
      const image = await pending!;
      const following = plan[i + 1];
      pending = following ? fetch(following) : undefined;
      pending?.catch(() => {}); // awaited next round; this only keeps an abandoned look-ahead quiet
      yield { sample: plan[i]!, image };
    }
  } finally {
    await keyStream?.return();
  }
}

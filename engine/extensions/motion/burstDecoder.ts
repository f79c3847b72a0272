import {
  CancellationToken,
  decodeRun,
  keyframeIndexAtOrBefore,
  keyframeSeekSeconds,
  bytesPerFrame,
  type FrameGeometry,
  type MediaInfo,
  runTool,
} from "@sichter/engine/extension-api";

/** Frames `first` .. `first + count - 1` of the clip (presentation order). */
export interface Burst {
  readonly first: number;
  readonly count: number;
}

/**
 * Bursts decoded by one ffmpeg. Every ffmpeg started forks the engine process on the event loop
 * (about 18 ms at 250 MB of memory, growing with it), and one per burst is a hundred forks for five
 * minutes of news. Each burst is an input of its own, though, whose demuxer and 1080p decoder hold
 * about 25 MB until that ffmpeg exits.
 */
export const BURSTS_PER_DECODE = 6;

/**
 * Decodes several short bursts with one ffmpeg: one input per burst, each seeking to the keyframe
 * before its first frame (`keyframeSeekSeconds`), trimmed to its frames and concatenated into one
 * raw stream (`readFrames` takes one input, hence ffmpeg is started here). Per input
 * single-threaded, deblocking skipped on every frame (`decodeRun` keeps it on reference frames;
 * motion's accuracy was measured without it), and without chroma (`-flags gray`, a few
 * percent): only luma is kept, and luma never depends on chroma, so the frames are the same bytes
 * (decoders without a gray mode ignore the flag).
 *
 * When ffmpeg fails or the stream comes up short (a truncated file, a broken GOP), which burst is to
 * blame cannot be told from a concatenation: the bursts are then decoded one by one with `decodeRun`,
 * which keeps the frames there are and reports a burst that cannot be decoded at all.
 */
export async function decodeBursts(
  media: MediaInfo,
  bursts: readonly Burst[],
  geometry: FrameGeometry,
  token: CancellationToken = CancellationToken.None,
): Promise<Uint8Array[][]> {
  const wanted = bursts.filter((b) => b.count > 0);
  if (wanted.length === 0) return bursts.map(() => []);
  const frameBytes = bytesPerFrame(geometry);
  const total = wanted.reduce((n, b) => n + b.count, 0);
  const { code, output } = await runTool("ffmpeg", burstArgs(media, wanted, geometry), token);
  if (code !== 0 || output.length !== total * frameBytes) return decodeOneByOne(media, bursts, geometry, token);
  let offset = 0;
  return bursts.map((burst) =>
    Array.from({ length: Math.max(0, burst.count) }, () => {
      const frame = new Uint8Array(output.subarray(offset, offset + frameBytes));
      offset += frameBytes;
      return frame;
    }),
  );
}

function burstArgs(media: MediaInfo, bursts: readonly Burst[], geometry: FrameGeometry): string[] {
  const args = ["-v", "error", "-nostdin"];
  const chains: string[] = [];
  bursts.forEach((burst, i) => {
    const keyframeIndex = keyframeIndexAtOrBefore(media, burst.first);
    const start = media.keyframes[keyframeIndex] ?? 0;
    // Frames before `start` are never decoded; those from the keyframe to the burst are, then dropped.
    const skip = Math.max(0, burst.first - start);
    const seek = start > 0 ? keyframeSeekSeconds(media, keyframeIndex) : 0;
    args.push("-threads", "1", "-skip_loop_filter", "all", "-flags", "gray");
    if (seek > 0) args.push("-noaccurate_seek", "-ss", seek.toFixed(6));
    args.push("-i", media.path);
    chains.push(
      // Area averaging also averages away sensor noise, which would otherwise look like motion.
      `[${i}:v:0]trim=start_frame=${skip}:end_frame=${skip + burst.count},` +
        `scale=${geometry.width}:${geometry.height}:flags=area,format=${geometry.pixelFormat}[b${i}]`,
    );
  });
  const inputs = bursts.map((_, i) => `[b${i}]`).join("");
  // concat pulls one input at a time, so an input is no longer read once its trim has ended. Fresh
  // timestamps keep the raw muxer from complaining about the segments' overlapping ones.
  const graph = `${chains.join(";")};${inputs}concat=n=${bursts.length}:v=1:a=0,setpts=N/TB[out]`;
  // trim only ends when the frame after its last arrives; the frame count spares the last input that.
  const total = bursts.reduce((n, b) => n + b.count, 0);
  args.push(
    "-filter_complex",
    graph,
    "-map",
    "[out]",
    "-vsync",
    "passthrough",
    "-frames:v",
    String(total),
    "-f",
    "rawvideo",
    "pipe:1",
  );
  return args;
}

async function decodeOneByOne(
  media: MediaInfo,
  bursts: readonly Burst[],
  geometry: FrameGeometry,
  token: CancellationToken,
): Promise<Uint8Array[][]> {
  const frames: Uint8Array[][] = [];
  for (const burst of bursts) frames.push((await decodeRun(media, burst.first, burst.count, geometry, token)).frames);
  return frames;
}

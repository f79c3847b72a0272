import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeClip, makeTempDir } from "../../test/fixtures.ts";
import { FrameStoreReader } from "./FrameStoreReader.ts";
import { mediaFrameSource, type FrameSource } from "./FrameSource.ts";
import type { MediaInfo } from "./MediaInfo.ts";
import { probeMedia } from "./probeMedia.ts";
import { storedFrameSource } from "./storedFrameSource.ts";

const dir = makeTempDir("sichter-stored-frames-");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let media: MediaInfo;

beforeAll(async () => {
  media = await probeMedia(await makeClip(path.join(dir, "clip.mp4"), { seconds: 1 }));
});

/** The clip's own decoder, counting the decodes it ran. */
function countingDecoder(): FrameSource & { decodes: number } {
  const decoder = mediaFrameSource(media);
  const counted = {
    decodes: 0,
    rgb: (...args: Parameters<FrameSource["rgb"]>) => {
      counted.decodes++;
      return decoder.rgb(...args);
    },
  };
  return counted;
}

describe("frames for an extension that may not read the job folder", () => {
  it("come from the frame store where it holds them at the width asked for, without a decode, and are decoded elsewhere", async () => {
    const exact = await mediaFrameSource(media).rgb(5, 64, 3);
    const file = path.join(dir, "window.rgb");
    fs.writeFileSync(file, Buffer.concat(exact.map((f) => f.data)));
    const store = new FrameStoreReader({
      pictures: [{ file, width: 64, height: 36, pixelFormat: "rgb24", spans: [[5, 3]] }],
    });
    const decoder = countingDecoder();
    const frames = storedFrameSource(store, media, decoder);
    try {
      expect(await frames.rgb(6, 64, 2)).toEqual(exact.slice(1));
      expect(decoder.decodes).toBe(0);
      // Past what the store holds, at another width: decoded as without a store.
      expect((await frames.rgb(7, 64, 2)).map((f) => f.width)).toEqual([64, 64]);
      expect((await frames.rgb(5, 32)).map((f) => [f.width, f.height])).toEqual([[32, 18]]);
      expect(decoder.decodes).toBe(2);
    } finally {
      await store.dispose();
    }
  });
});

import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCutClip, makeTempDir } from "../../test/fixtures.ts";
import { detectShots } from "@sichter/engine/extensions/shots";
import {
  bytesPerFrame,
  mediaFrameSource,
  type FrameStoreIndex,
  type StoredPictures,
  FrameStoreReader,
  FrameStoreWriter,
  keyframeFrameGeometry,
  type MediaInfo,
  probeMedia,
} from "@sichter/engine/extension-api";
import type { PlannedSample } from "./ocrSamplePlan.ts";
import { sampleFrames } from "./sampleFrames.ts";

const dir = makeTempDir("sichter-sample-frames-");
let media: MediaInfo;
let plan: PlannedSample[];
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  const clip = path.join(dir, "clip.mp4");
  await makeCutClip(clip, [30, 40, 30], {
    codecArgs: ["-c:v", "libx264", "-preset", "ultrafast", "-g", "20", "-sc_threshold", "0", "-pix_fmt", "yuv420p"],
  });
  media = await probeMedia(clip);
  // Every keyframe, and a frame between two of them.
  const sample = (frame: number): PlannedSample => ({
    frame,
    from: frame,
    to: frame + 1,
    keyframe: media.keyframes.includes(frame),
    shot: 0,
  });
  plan = [...media.keyframes.slice(0, 2), 25, ...media.keyframes.slice(2)].map(sample);
}, 60_000);

async function pictures(index?: FrameStoreIndex): Promise<Buffer[]> {
  const out: Buffer[] = [];
  const store = new FrameStoreReader(index);
  try {
    for await (const { image } of sampleFrames(
      media,
      plan,
      Math.min(media.width, 1280),
      mediaFrameSource(media),
      undefined,
      store,
    ))
      out.push(Buffer.from(image.data));
  } finally {
    await store.dispose();
  }
  return out;
}

/** What the shot step puts into a frame store of its own in `folder`, full paths. */
async function shotStepStore(folder: string, budget?: number): Promise<StoredPictures[]> {
  fs.mkdirSync(folder);
  const writer = new FrameStoreWriter(folder, budget);
  await detectShots(media, { mode: "fast", frameStore: writer });
  writer.dispose();
  return writer.index().pictures.map((p) => ({ ...p, file: path.join(folder, p.file) }));
}

const keyframesIn = (pictures: StoredPictures[]): StoredPictures =>
  pictures.find((p) => path.basename(p.file) === "keyframes.rgb")!;

describe("sampleFrames", () => {
  it("takes keyframes from the frame store where the shot step put them at this width, the same pictures as its own decode", async () => {
    expect(media.keyframes.length).toBeGreaterThan(3);
    const own = await pictures();
    expect(own).toHaveLength(plan.length);
    const size = bytesPerFrame(keyframeFrameGeometry(media));
    const all = keyframesIn(await shotStepStore(path.join(dir, "job")));
    expect(all.spans).toHaveLength(media.keyframes.length);
    const fromFile = await pictures({ pictures: [all] });
    expect(fromFile.every((p, i) => p.equals(own[i]!))).toBe(true);

    // Proof the file is read: pictures changed in it come out changed.
    const marked = Buffer.from(fs.readFileSync(all.file));
    marked.fill(7, size, 2 * size);
    fs.writeFileSync(all.file, marked);
    const changed = await pictures({ pictures: [all] });
    expect(changed[1]!.every((v) => v === 7)).toBe(true);
    expect(changed[0]!.equals(own[0]!)).toBe(true);

    // Two keyframes within the budget: the rest come from the decode, in plan order.
    const two = keyframesIn(await shotStepStore(path.join(dir, "job-two"), Math.ceil((2 * size * 9) / 8)));
    expect(two.spans).toHaveLength(2);
    expect((await pictures({ pictures: [two] })).every((p, i) => p.equals(own[i]!))).toBe(true);
    // Pictures at another width are not used.
    expect(
      (await pictures({ pictures: [{ ...two, width: 160, height: 90 }] })).every((p, i) => p.equals(own[i]!)),
    ).toBe(true);
  });

  it("takes a frame between keyframes from the frame store where it holds it, else decodes it", async () => {
    const folder = path.join(dir, "job-others");
    const own = await pictures();
    const geometry = keyframeFrameGeometry(media);
    const size = bytesPerFrame(geometry);
    const keyframes = keyframesIn(await shotStepStore(folder));
    const between = plan.findIndex((p) => !p.keyframe);
    // The stored picture of frame 25, marked so that it can be told from a decode.
    const file = path.join(folder, "other.rgb");
    fs.writeFileSync(file, Buffer.concat([Buffer.alloc(size, 9), Buffer.alloc(size, 7)]));
    const other: StoredPictures = { file, ...geometry, spans: [[24, 2]] };
    const kept = await pictures({ pictures: [keyframes, other] });
    expect(kept[between]!.every((v) => v === 7)).toBe(true);
    expect(kept.every((p, i) => i === between || p.equals(own[i]!))).toBe(true);
    // A file that does not hold what it claims is not read: the frame is decoded.
    fs.writeFileSync(file, Buffer.alloc(size, 7));
    expect((await pictures({ pictures: [keyframes, other] }))[between]!.equals(own[between]!)).toBe(true);
  });
});

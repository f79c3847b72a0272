import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCutClip, makeTempDir } from "../../test/fixtures.ts";
import { detectShots } from "@sichter/engine/extensions/shots";
import { bytesPerFrame, mediaFrameSource, keyframeFrameGeometry, type KeyframeFrames, type MediaInfo, probeMedia } from "@sichter/engine/extension-api";
import type { PlannedSample } from "./ocrSamplePlan.ts";
import { sampleFrames } from "./sampleFrames.ts";

const dir = makeTempDir("sichter-sample-frames-");
let media: MediaInfo;
let plan: PlannedSample[];
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  const clip = path.join(dir, "clip.mp4");
  await makeCutClip(clip, [30, 40, 30], { codecArgs: ["-c:v", "libx264", "-preset", "ultrafast", "-g", "20", "-sc_threshold", "0", "-pix_fmt", "yuv420p"] });
  media = await probeMedia(clip);
  // Every keyframe, and a frame between two of them.
  const sample = (frame: number): PlannedSample => ({ frame, from: frame, to: frame + 1, keyframe: media.keyframes.includes(frame), shot: 0 });
  plan = [...media.keyframes.slice(0, 2), 25, ...media.keyframes.slice(2)].map(sample);
}, 60_000);

async function pictures(made?: KeyframeFrames): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for await (const { image } of sampleFrames(media, plan, Math.min(media.width, 1280), mediaFrameSource(media), undefined, made)) out.push(Buffer.from(image.data));
  return out;
}

describe("sampleFrames", () => {
  it("takes keyframes from the shot step's keyframe frames, the same pictures as its own decode", async () => {
    expect(media.keyframes.length).toBeGreaterThan(3);
    const folder = path.join(dir, "job");
    fs.mkdirSync(folder);
    const own = await pictures();
    expect(own).toHaveLength(plan.length);
    const size = bytesPerFrame(keyframeFrameGeometry(media));
    const all = (await detectShots(media, { mode: "fast", keyframeFrames: { folder } })).keyframeFrames!;
    expect(all.count).toBe(media.keyframes.length);
    const fromFile = await pictures(all);
    expect(fromFile.every((p, i) => p.equals(own[i]!))).toBe(true);

    // Proof the file is read: pictures changed in it come out changed.
    const marked = Buffer.from(fs.readFileSync(all.file));
    marked.fill(7, size, 2 * size);
    fs.writeFileSync(all.file, marked);
    const changed = await pictures(all);
    expect(changed[1]!.every((v) => v === 7)).toBe(true);
    expect(changed[0]!.equals(own[0]!)).toBe(true);
    fs.rmSync(all.file);

    // Two keyframes within the budget: the rest come from the decode, in plan order.
    const two = (await detectShots(media, { mode: "fast", keyframeFrames: { folder, budget: 2 * size } })).keyframeFrames!;
    expect(two.count).toBe(2);
    expect((await pictures(two)).every((p, i) => p.equals(own[i]!))).toBe(true);
    // A set at another width is not used.
    expect((await pictures({ ...two, width: 160, height: 90 })).every((p, i) => p.equals(own[i]!))).toBe(true);
  });

  it("takes a frame between keyframes from the shot step's other frames where it kept it, else decodes it", async () => {
    const folder = path.join(dir, "job-others");
    fs.mkdirSync(folder);
    const own = await pictures();
    const size = bytesPerFrame(keyframeFrameGeometry(media));
    const made = (await detectShots(media, { mode: "fast", keyframeFrames: { folder } })).keyframeFrames!;
    const between = plan.findIndex((p) => !p.keyframe);
    // The kept picture of frame 25, marked so that it can be told from a decode.
    const file = path.join(folder, "other.rgb");
    fs.writeFileSync(file, Buffer.concat([Buffer.alloc(size, 9), Buffer.alloc(size, 7)]));
    const kept = await pictures({ ...made, others: [{ file, frames: [24, 25] }] });
    expect(kept[between]!.every((v) => v === 7)).toBe(true);
    expect(kept.every((p, i) => i === between || p.equals(own[i]!))).toBe(true);
    // A file that does not hold what it claims is not read: the frame is decoded.
    fs.writeFileSync(file, Buffer.alloc(size, 7));
    expect((await pictures({ ...made, others: [{ file, frames: [24, 25] }] }))[between]!.equals(own[between]!)).toBe(true);
  });
});

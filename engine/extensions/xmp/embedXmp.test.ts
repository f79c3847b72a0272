import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode, probeMedia } from "@sichter/engine/extension-api";
import { ffmpeg, makeClip, makeTempDir } from "../../test/fixtures.ts";
import { readXmp } from "./readXmp.ts";
import { disposeExifTool } from "./sharedExifTool.ts";
import { leftovers, samplePlan, sha256 } from "./test/xmpTestSupport.ts";
import { writeXmp } from "./writeXmp.ts";

let dir: string;

beforeAll(async () => {
  dir = makeTempDir("sichter-xmp-embed-");
});

afterAll(async () => {
  await disposeExifTool();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("writeXmp embedding into the media file", () => {
  for (const ext of ["mp4", "mov"]) {
    it(`embeds into ${ext.toUpperCase()}: keywords and markers read back, file still decodes, merge on rewrite`, async () => {
      const media = await makeClip(path.join(dir, `embed ä.${ext}`), { seconds: 2, rate: "25" });
      const before = sha256(media);
      const framesBefore = (await probeMedia(media)).frameCount;

      const report = await writeXmp(samplePlan(media), { target: "embed", language: "de" });
      expect(report).toMatchObject({ sidecar: null, embedded: true, markersWritten: 2 });
      expect(report.keywordsAdded).toEqual(["Rathaus", "Köln", "Pressekonferenz"]);
      expect(sha256(media)).not.toBe(before);

      const xmp = await readXmp(media);
      expect(xmp.keywords).toEqual(["Rathaus", "Köln", "Pressekonferenz"]);
      expect(xmp.markers.map((m) => [m.name, m.startFrame, m.frameRate])).toEqual([
        ["Shot 1", 0, "f25"],
        ["Shot 2", 37, "f25"],
      ]);
      expect((await probeMedia(media)).frameCount).toBe(framesBefore);
      await ffmpeg(["-i", media, "-f", "null", "-"]);

      const again = await writeXmp(samplePlan(media, { keywords: ["köln", "Dom"] }), { target: "embed" });
      expect(again.keywordsAdded).toEqual(["Dom"]);
      const merged = await readXmp(media);
      expect(merged.keywords).toEqual(["Rathaus", "Köln", "Pressekonferenz", "Dom"]);
      expect(merged.tracks.filter((t) => t.trackName === "Sichter")).toHaveLength(1);
      expect(leftovers(dir)).toEqual([]);
      expect(fs.existsSync(path.join(dir, `embed ä.xmp`))).toBe(false);
    });
  }

  const refused: Array<[string, string, string[]]> = [
    ["clip.mxf", "MXF", ["-c:v", "mpeg2video", "-pix_fmt", "yuv422p", "-b:v", "2M"]],
    ["clip.mkv", "Matroska/WebM", ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]],
    ["clip.avi", "AVI", ["-c:v", "mpeg4"]],
    ["clip.ts", "MPEG-TS", ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-f", "mpegts"]],
    [
      "fragmented.mp4",
      "fragmented MP4",
      ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-movflags", "frag_keyframe+empty_moov"],
    ],
  ];
  for (const [name, format, codecArgs] of refused) {
    it(`refuses to embed into ${name} (${format}) and leaves it byte-identical`, async () => {
      const sub = fs.mkdtempSync(path.join(dir, "refuse-"));
      const media = await makeClip(path.join(sub, name), { seconds: 1, codecArgs });
      const before = sha256(media);
      await expect(writeXmp(samplePlan(media), { target: "embed" })).rejects.toMatchObject({
        code: ErrorCode.XMP_UNSUPPORTED_FORMAT,
        params: { format, path: media },
      });
      expect(sha256(media)).toBe(before);
      expect(fs.readdirSync(sub)).toEqual([name]);
    });
  }

  it("judges by content: a Matroska file named .mp4 is refused", async () => {
    const sub = fs.mkdtempSync(path.join(dir, "disguised-"));
    const mkv = await makeClip(path.join(sub, "real.mkv"), { seconds: 1 });
    const disguised = path.join(sub, "disguised.mp4");
    fs.renameSync(mkv, disguised);
    const before = sha256(disguised);
    await expect(writeXmp(samplePlan(disguised), { target: "embed" })).rejects.toMatchObject({
      code: ErrorCode.XMP_UNSUPPORTED_FORMAT,
      params: { format: "Matroska/WebM" },
    });
    expect(sha256(disguised)).toBe(before);
  });

  it("refuses to embed into a read-only media file, naming it and how to allow it, and leaves it byte-identical", async () => {
    const sub = fs.mkdtempSync(path.join(dir, "locked-"));
    const media = await makeClip(path.join(sub, "locked.mp4"), { seconds: 1 });
    // As root the mode stops no write and rename(2) replaces any file: the writer must look itself.
    fs.chmodSync(media, 0o444);
    const before = sha256(media);
    const inode = fs.statSync(media).ino;
    const refusal = writeXmp(samplePlan(media), { target: "embed" });
    await expect(refusal).rejects.toMatchObject({ code: ErrorCode.XMP_MEDIA_READ_ONLY, params: { path: media } });
    const message = await refusal.catch((e: Error) => e.message);
    expect(message).toContain(media);
    expect(message).toMatch(/writable/);
    expect(sha256(media)).toBe(before);
    expect(fs.statSync(media).ino).toBe(inode);
    expect(fs.statSync(media).mode & 0o777).toBe(0o444);
    expect(fs.readdirSync(sub)).toEqual(["locked.mp4"]);
  });

  it("fails with FILE_NOT_FOUND for a missing file", async () => {
    await expect(writeXmp(samplePlan(path.join(dir, "missing.mov")), { target: "embed" })).rejects.toMatchObject({
      code: ErrorCode.FILE_NOT_FOUND,
    });
  });
});

import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode } from "@sichter/shared/errors";
import { ffmpeg, makeClip, makeTempDir } from "../../test/fixtures.ts";
import { playbackIssue } from "./browserPlayback.ts";
import { ProbeCache } from "./ProbeCache.ts";
import { quickProbe } from "./quickProbe.ts";
import { liveToolProcessCount } from "./ToolProcess.ts";

let dir: string;
const clip = (name: string): string => path.join(dir, name);

beforeAll(async () => {
  dir = makeTempDir("sichter-quickprobe-");
  const x264 = ["-c:v", "libx264", "-preset", "ultrafast"];
  await Promise.all([
    makeClip(clip("tc.mp4"), { seconds: 2, codecArgs: [...x264, "-pix_fmt", "yuv420p", "-timecode", "10:00:00:00"] }),
    makeClip(clip("prores.mov"), { seconds: 1, codecArgs: ["-c:v", "prores_ks", "-profile:v", "0"] }),
    makeClip(clip("df.mxf"), {
      seconds: 1,
      rate: "30000/1001",
      size: "720x480",
      codecArgs: ["-c:v", "mpeg2video", "-timecode", "01:00:00;00"],
    }),
    makeClip(clip("vp9.webm"), {
      seconds: 1,
      codecArgs: ["-c:v", "libvpx-vp9", "-deadline", "realtime", "-pix_fmt", "yuv420p"],
    }),
    makeClip(clip("vp8.mkv"), { seconds: 1, codecArgs: ["-c:v", "libvpx", "-deadline", "realtime"] }),
    makeClip(clip("422.mov"), { seconds: 1, codecArgs: [...x264, "-pix_fmt", "yuv422p"] }),
    makeClip(clip("hevc.mp4"), {
      seconds: 1,
      codecArgs: ["-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error"],
    }),
    ffmpeg(["-f", "lavfi", "-i", "sine=duration=1", clip("voice.m4a")]),
  ]);
  fs.writeFileSync(clip("notes.mp4"), "not a video at all\n");
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("quickProbe", () => {
  it("gives rate, frame count, duration and the clip's own start timecode", async () => {
    const probe = await quickProbe(clip("tc.mp4"));
    expect(probe).toMatchObject({
      container: "mov",
      codec: "h264",
      frameRate: "25/1",
      frameCount: 50,
      startTimecode: "10:00:00:00",
      dropFrame: false,
    });
    expect(probe.durationSeconds).toBeCloseTo(2, 1);
  });

  it("knows drop-frame timecode and 29.97 in MXF", async () => {
    const probe = await quickProbe(clip("df.mxf"));
    expect(probe).toMatchObject({
      container: "mxf",
      codec: "mpeg2video",
      frameRate: "30000/1001",
      startTimecode: "01:00:00;00",
      dropFrame: true,
    });
    expect(probe.frameCount).toBeGreaterThanOrEqual(29);
  });

  it("refuses what is not video with the engine's codes", async () => {
    await expect(quickProbe(clip("notes.mp4"))).rejects.toMatchObject({ code: ErrorCode.PROBE_NOT_MEDIA });
    await expect(quickProbe(clip("voice.m4a"))).rejects.toMatchObject({ code: ErrorCode.PROBE_NOT_VIDEO });
  });
});

describe("what Chromium plays", () => {
  it.each([
    ["tc.mp4", null],
    ["vp9.webm", null],
    ["vp8.mkv", null],
    ["prores.mov", "codec"],
    ["hevc.mp4", "codec"],
    ["df.mxf", "container"],
    ["422.mov", "pixelFormat"],
  ])("%s: %s", async (name, issue) => {
    expect(playbackIssue(await quickProbe(clip(name)))).toBe(issue);
  });
});

describe("ProbeCache", () => {
  it("answers a second time from the cache and probes again once the file changed", async () => {
    const cache = new ProbeCache();
    const file = clip("changing.mp4");
    await makeClip(file, { seconds: 1 });
    const first = await cache.probe(file);
    expect(first).toMatchObject({ probe: { frameCount: 25 } });
    const stat = fs.statSync(file);
    expect(cache.cached(file, stat.size, stat.mtimeMs)).toBe(first);
    expect(await cache.probe(file)).toBe(first);

    await makeClip(file, { seconds: 3 });
    const changed = fs.statSync(file);
    expect(cache.cached(file, changed.size, changed.mtimeMs)).toBeUndefined();
    expect(await cache.probe(file)).toMatchObject({ probe: { frameCount: 75 } });
    cache.dispose();
  });

  it("keeps failures with their code, and reports a missing file as FILE_NOT_FOUND", async () => {
    const cache = new ProbeCache();
    expect(await cache.probe(clip("notes.mp4"))).toMatchObject({ error: { code: ErrorCode.PROBE_NOT_MEDIA } });
    expect(await cache.probe(clip("gone.mp4"))).toMatchObject({ error: { code: ErrorCode.FILE_NOT_FOUND } });
    cache.dispose();
  });

  it("runs at most `concurrency` ffprobes at once, however many are asked for", async () => {
    const cache = new ProbeCache(2);
    const copies = Array.from({ length: 8 }, (_, i) => {
      const copy = clip(`copy-${i}.mov`);
      fs.copyFileSync(clip("prores.mov"), copy);
      return copy;
    });
    const before = liveToolProcessCount();
    let most = 0;
    const watch = setInterval(() => (most = Math.max(most, liveToolProcessCount() - before)), 1);
    try {
      const outcomes = await Promise.all(copies.map((c) => cache.probe(c)));
      expect(outcomes.every((o) => "probe" in o)).toBe(true);
    } finally {
      clearInterval(watch);
      cache.dispose();
    }
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(2);
  });
});

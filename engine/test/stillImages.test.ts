import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { probeMedia } from "../src/media/probeMedia.ts";
import { quickProbe } from "../src/media/quickProbe.ts";
import { SichterError } from "../src/core/SichterError.ts";
import { ffmpeg, makeClip, makeTempDir } from "./fixtures.ts";
import { runCli } from "./runCli.ts";

let dir: string;
const file = (name: string): string => path.join(dir, name);

/** One real picture as a camera or a screenshot tool writes it. */
async function picture(name: string, codecArgs: string[] = []): Promise<string> {
  const out = file(`${name}.${codecArgs.length > 0 ? "tmp" : name.split("-")[0]}`);
  await ffmpeg(["-f", "lavfi", "-i", "testsrc2=size=320x180", "-frames:v", "1", ...codecArgs, out]);
  return out;
}

beforeAll(async () => {
  dir = makeTempDir();
  await picture("jpg");
  await picture("png");
  // The same pictures under video names: what ffprobe says, not the name, decides.
  fs.copyFileSync(file("jpg.jpg"), file("photo-named.mp4"));
  fs.copyFileSync(file("png.png"), file("screenshot-named.mov"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function failure(work: Promise<unknown>): Promise<SichterError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SichterError);
  return error as SichterError;
}

const stills = [
  ["a JPEG", "jpg.jpg", "jpeg"],
  ["a PNG", "png.png", "png"],
  ["a JPEG named .mp4", "photo-named.mp4", "jpeg"],
  ["a PNG named .mov", "screenshot-named.mov", "png"],
] as const;

describe("a still image given as a clip", () => {
  it.each(stills)("%s: probe says SICHTER_E_PROBE_NOT_VIDEO, a still image", async (_name, name, kind) => {
    const error = await failure(probeMedia(file(name)));
    expect(error.code).toBe("SICHTER_E_PROBE_NOT_VIDEO");
    expect(error.message).toContain(`a still image (${kind})`);
    expect(error.message).toContain(name);
  });

  it.each(stills)("%s: the media browser's quick probe says the same", async (_name, name, kind) => {
    const error = await failure(quickProbe(file(name)));
    expect(error.code).toBe("SICHTER_E_PROBE_NOT_VIDEO");
    expect(error.message).toContain(`a still image (${kind})`);
  });

  it("sichter analyze: SICHTER_E_PROBE_NOT_VIDEO, not a tool failure", async () => {
    const r = await runCli(["analyze", file("jpg.jpg"), file("png.png"), "--no-write"], {
      env: { SICHTER_HOME: file("home") },
    });
    expect(r.code).toBe(1);
    const errors = r.stderr.split("\n").filter((line) => line.startsWith("SICHTER_E_"));
    expect(errors).toEqual([
      expect.stringMatching(/^SICHTER_E_PROBE_NOT_VIDEO: .*a still image \(jpeg\)/),
      expect.stringMatching(/^SICHTER_E_PROBE_NOT_VIDEO: .*a still image \(png\)/),
    ]);
  });

  it("footage of JPEG frames (Motion JPEG) is still a video", async () => {
    const clip = await makeClip(file("mjpeg.avi"), { seconds: 1, codecArgs: ["-c:v", "mjpeg", "-q:v", "5"] });
    expect((await probeMedia(clip)).frameCount).toBe(25);
  });
});

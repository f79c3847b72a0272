import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ExifTool } from "exiftool-vendored";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lowerThirdFilter, ocrFont } from "../extensions/ocr/test/lowerThirds.ts";
import { ffmpeg, makeTempDir } from "./fixtures.ts";
import { runCli } from "./runCli.ts";

/**
 * The "done" path as a user walks it: analyze a clip with lower thirds, read the sidecar
 * back with exiftool, find the clip by a word from its lower third (with and without umlauts),
 * export its markers.
 */
let dir: string;
let home: string;
let clip: string;
let mediaHash: string;
const exiftool = new ExifTool({ taskTimeoutMillis: 60_000 });

beforeAll(async () => {
  dir = makeTempDir();
  home = path.join(dir, "home");
  clip = path.join(dir, "Landtag Sitzung.mp4");
  const font = ocrFont();
  const base = { font, rate: 25, width: 1280, size: 44, y: 560 };
  // Shot 1 (0-99) with a lower third on frames 20-89; a cut at 100; shot 2 (100-199) with another.
  await ffmpeg([
    "-f",
    "lavfi",
    "-i",
    "testsrc2=size=1280x720:rate=25:duration=4",
    "-f",
    "lavfi",
    "-i",
    "smptebars=size=1280x720:rate=25:duration=4",
    "-filter_complex",
    `[0:v]trim=end_frame=100,setpts=PTS-STARTPTS[a];[1:v]trim=end_frame=100,setpts=PTS-STARTPTS[b];[a][b]concat=n=2:v=1:a=0,` +
      `${lowerThirdFilter({ ...base, text: "Landtag Brandenburg", start: 20, end: 90 })},` +
      `${lowerThirdFilter({ ...base, text: "Bürgermeisterin Anna Schäfer", start: 120, end: 190 })},format=yuv420p[v]`,
    "-map",
    "[v]",
    "-c:v",
    "libx264",
    "-preset",
    "veryfast",
    "-g",
    "50",
    clip,
  ]);
  mediaHash = sha256(clip);
}, 120_000);
afterAll(async () => {
  await exiftool.end();
  fs.rmSync(dir, { recursive: true, force: true });
});

function sha256(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

const env = (): NodeJS.ProcessEnv => ({ SICHTER_HOME: home, SICHTER_LANG: "de" });

describe("analyze → sidecar → search → export", () => {
  it("analyze writes a sidecar exiftool reads back, and leaves the media untouched", async () => {
    const r = await runCli(["analyze", clip, "--json", "--lang", "de"], { env: env() });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    const [result] = doc.clips;
    expect(result.shots.map((s: { startFrame: number }) => s.startFrame)).toEqual([0, 100]);
    expect(result.written.sidecar).toBe(path.join(fs.realpathSync(dir), "Landtag Sitzung.xmp"));
    expect(result.keywords).toEqual(expect.arrayContaining(["Landtag Brandenburg"]));
    expect(sha256(clip)).toBe(mediaHash);

    const tags = await exiftool.read(result.written.sidecar);
    const subjects = ([] as string[]).concat((tags as Record<string, unknown>).Subject as string[]);
    expect(subjects).toEqual(expect.arrayContaining(["Landtag Brandenburg"]));
    const tracks = (tags as Record<string, unknown>).Tracks as Array<{
      TrackName: string;
      FrameRate: string;
      Markers: Array<{ Name: string; StartTime: string | number }>;
    }>;
    const own = tracks.find((t) => t.TrackName === "Sichter")!;
    expect(own.FrameRate).toBe("f25");
    const shot2 = own.Markers.find((m) => m.Name === "Einstellung 2")!;
    expect(Number(shot2.StartTime)).toBe(100);
    const text = own.Markers.find((m) => String(m.Name).startsWith("Landtag"))!;
    // Sampled once a second: the text's marker starts within a second of frame 20.
    expect(Math.abs(Number(text.StartTime) - 20)).toBeLessThanOrEqual(25);
  });

  it("search finds the clip by a lower-third word, with and without umlauts", async () => {
    for (const query of ["Landtag", "Schäfer", "Schaefer", "schafer", "Bürgermeisterin", "buergermeist"]) {
      const r = await runCli(["search", query, "--json"], { env: env() });
      expect(r.code, r.stderr).toBe(0);
      const { results } = JSON.parse(r.stdout);
      expect(
        results.map((x: { file: string }) => x.file),
        query,
      ).toEqual([fs.realpathSync(clip)]);
      expect(results[0].hits[0].startTimecode).toMatch(/^00:00:0\d:\d\d$/);
    }
    const none = await runCli(["search", "Bundestag", "--json"], { env: env() });
    expect(JSON.parse(none.stdout).results).toEqual([]);
  });

  it("export writes markers as CSV and EDL", async () => {
    const csv = await runCli(["export", clip, "--format", "csv"], { env: env() });
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout).toMatch(/Einstellung 2,Schnitt,shot,blue,100,200,00:00:04:00,00:00:08:00/);
    const edl = await runCli(["export", clip, "--format", "edl"], { env: env() });
    expect(edl.stdout).toContain("* LOC: 00:00:04:00 BLUE    Einstellung 2");
  });

  it("a batch with a bad file still analyses the good one and exits 1", async () => {
    const bad = path.join(dir, "kaputt.mp4");
    fs.writeFileSync(bad, "kein Video");
    const r = await runCli(["analyze", bad, clip, "--no-write"], { env: env() });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("SICHTER_E_PROBE_NOT_MEDIA");
    expect(r.stderr).toContain("1 von 2 Dateien analysiert");
  });
});

import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SqliteCatalog } from "../src/catalog/SqliteCatalog.ts";
import { runTool } from "../src/media/ToolProcess.ts";
import { startEngine } from "./engineProcess.ts";
import { ffmpeg, makeCutClip, makeTempDir } from "./fixtures.ts";
import { runCli } from "./runCli.ts";

const root = makeTempDir("sichter-thumbs-");
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

// Camera cards reuse names (C0001.MP4): two folders, one file name, different pictures.
const clipA = path.join(root, "dupA", "clip.mp4");
const clipB = path.join(root, "dupB", "clip.mp4");

/** A clip of solid colours, one per `frames` entry, joined by hard cuts. */
async function colourClip(file: string, colours: Array<{ colour: string; frames: number }>): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const inputs = colours.flatMap(({ colour, frames }) => [
    "-f",
    "lavfi",
    "-i",
    `color=c=${colour}:size=320x180:rate=25:duration=${frames / 25}`,
  ]);
  const concat = `${colours.map((_, i) => `[${i}:v]`).join("")}concat=n=${colours.length}:v=1:a=0,format=yuv420p[out]`;
  await ffmpeg([
    ...inputs,
    "-filter_complex",
    concat,
    "-map",
    "[out]",
    "-c:v",
    "libx264",
    "-preset",
    "ultrafast",
    file,
  ]);
}

/** The mean colour of a JPEG as [r, g, b]. */
async function meanColour(jpeg: string): Promise<number[]> {
  const result = await runTool("ffmpeg", [
    "-v",
    "error",
    "-nostdin",
    "-i",
    jpeg,
    "-vf",
    "scale=1:1:flags=area",
    "-f",
    "rawvideo",
    "-pix_fmt",
    "rgb24",
    "pipe:1",
  ]);
  if (result.code !== 0) throw new Error(result.stderr);
  return [...result.output];
}

async function analyse(home: string, ...files: string[]): Promise<void> {
  const run = await runCli(["analyze", "--no-write", ...files], { env: { SICHTER_HOME: home } });
  expect(run.code, run.stderr).toBe(0);
}

/** Each clip's stored thumbnails as files on disk (null where none was kept). */
async function storedThumbnails(home: string, file: string): Promise<Array<string | null>> {
  const catalog = SqliteCatalog.open(path.join(home, "data", "catalog.sqlite"));
  try {
    const clip = await catalog.findClip(file);
    if (!clip) throw new Error(`${file} is not in the catalog`);
    return (await catalog.keyframes(clip.id)).map((k) => k.thumbnail && path.join(home, "data", "thumbs", k.thumbnail));
  } finally {
    catalog.dispose();
  }
}

function filesUnder(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder, { recursive: true })
    .map((f) => path.join(folder, String(f)))
    .filter((f) => fs.statSync(f).isFile())
    .sort();
}

const reddish = ([r, g, b]: number[]): boolean => r! > 200 && g! < 60 && b! < 60;
const bluish = ([r, g, b]: number[]): boolean => b! > 200 && r! < 60 && g! < 60;

async function expectPictures(home: string, file: string, looksRight: (rgb: number[]) => boolean): Promise<string[]> {
  const thumbs = await storedThumbnails(home, file);
  expect(thumbs.length).toBeGreaterThan(0);
  for (const thumb of thumbs) {
    expect(thumb, `${file} has a thumbnail for every keyframe`).not.toBeNull();
    const rgb = await meanColour(thumb!);
    expect(looksRight(rgb), `${thumb} of ${file} shows ${rgb.join(",")}`).toBe(true);
  }
  return thumbs as string[];
}

beforeAll(async () => {
  await colourClip(clipA, [{ colour: "red", frames: 50 }]);
  await colourClip(clipB, [{ colour: "blue", frames: 50 }]);
});

describe("keyframe thumbnails are the clip's own", () => {
  it("two clips with the same file name in different folders keep their own pictures", async () => {
    const home = path.join(root, "home-dup");
    await analyse(home, clipA, clipB);
    const a = await expectPictures(home, clipA, reddish);
    const b = await expectPictures(home, clipB, bluish);
    expect(a.filter((f) => b.includes(f))).toEqual([]);
    // The pictures' own job folder went with the job.
    expect(fs.readdirSync(path.join(home, "tmp"))).toEqual([]);
  });

  it("re-analysing a clip replaces its own thumbnails, removes the stale ones and leaves the other clip's alone", async () => {
    const home = path.join(root, "home-again");
    const changing = path.join(root, "again", "clip.mp4");
    await colourClip(changing, [{ colour: "red", frames: 50 }]);
    await analyse(home, changing, clipB);
    const before = await storedThumbnails(home, changing);
    const other = await storedThumbnails(home, clipB);
    // New content at the same path: two shots now, so other keyframes than before.
    await colourClip(changing, [
      { colour: "lime", frames: 30 },
      { colour: "red", frames: 30 },
    ]);
    await analyse(home, changing);
    const after = await storedThumbnails(home, changing);
    expect(after.length).toBe(2);
    const colours = await Promise.all(after.map((t) => meanColour(t!)));
    expect(colours.map(([r, g]) => (g! > r! ? "green" : "red"))).toEqual(["green", "red"]);
    for (const stale of before)
      if (!after.includes(stale)) expect(fs.existsSync(stale!), `${stale} is gone`).toBe(false);
    expect(await storedThumbnails(home, clipB)).toEqual(other);
    await expectPictures(home, clipB, bluish);
    // Nothing on disk that the catalog does not point at.
    expect(filesUnder(path.join(home, "data", "thumbs"))).toEqual([...after, ...other].map(String).sort());
  });

  it("analyses running at once neither collide nor leave files behind", async () => {
    const home = path.join(root, "home-parallel");
    // Separate processes, as the CLI next to a running engine would be.
    await Promise.all([analyse(home, clipA), analyse(home, clipB), analyse(home, clipA)]);
    const a = await expectPictures(home, clipA, reddish);
    const b = await expectPictures(home, clipB, bluish);
    expect(filesUnder(path.join(home, "data", "thumbs"))).toEqual([...a, ...b].sort());
  });
});

describe("catalog.clip over the wire", () => {
  it("gives each keyframe a thumbnail URL the panel loads with its token", async () => {
    const home = path.join(root, "home-service");
    const clip = path.join(root, "service", "Pressekonferenz.mp4");
    fs.mkdirSync(path.dirname(clip), { recursive: true });
    await makeCutClip(clip, [40, 40]);
    const engine = await startEngine(home);
    const client = engine.client();
    try {
      const { jobId } = await client.request("clip.analyze", { path: clip, options: { write: "none" } });
      await expect
        .poll(async () => (await client.request("job.get", { jobId })).state, { timeout: 60_000 })
        .toBe("completed");
      const stored = await client.request("catalog.clip", { path: clip });
      expect(stored.keyframes.length).toBeGreaterThanOrEqual(2);
      for (const keyframe of stored.keyframes) {
        expect(keyframe.thumbnail).toMatch(new RegExp(`^/thumbnails/${stored.clip.id}/[^/?#]+\\.jpg$`));
        const url = `http://127.0.0.1:${engine.port}${keyframe.thumbnail}`;
        const ok = await fetch(`${url}?token=${encodeURIComponent(engine.token)}`);
        expect(ok.status).toBe(200);
        expect(ok.headers.get("content-type")).toBe("image/jpeg");
        expect((await ok.arrayBuffer()).byteLength).toBeGreaterThan(100);
        const refused = await fetch(url);
        expect(refused.status).toBe(401);
        await refused.body?.cancel();
      }
    } finally {
      client.dispose();
      engine.child.kill("SIGTERM");
      await engine.exited;
    }
  }, 120_000);
});

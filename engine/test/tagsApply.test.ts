import fs from "node:fs";
import path from "node:path";
import { ExifTool } from "exiftool-vendored";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SichterClient, StoredTag } from "@sichter/shared/protocol";
import { lowerThirdFilter, ocrFont } from "../extensions/ocr/test/lowerThirds.ts";
import { startEngine, type EngineProcess } from "./engineProcess.ts";
import { ffmpeg, makeClip, makeTempDir } from "./fixtures.ts";

/**
 * "Apply" from the panel against a real engine: the accepted tags of an analysed clip go into its
 * XMP through the XMP tag writer, and applying again after a decision changes only Sichter's own
 * keywords.
 */
let dir: string;
let clip: string;
let sidecar: string;
let clipId: number;
let engine: EngineProcess;
let client: SichterClient;
const exiftool = new ExifTool({ taskTimeoutMillis: 60_000 });
const OWN = "Eigenes Stichwort";

async function analysed(file: string, write: "sidecar" | "none"): Promise<number> {
  const { jobId } = await client.request("clip.analyze", { path: file, options: { write, language: "de" } });
  for (let state = ""; state !== "completed"; await new Promise((resolve) => setTimeout(resolve, 250))) {
    ({ state } = await client.request("job.get", { jobId }));
    if (state === "failed" || state === "cancelled" || state === "interrupted")
      throw new Error(`analysis of ${file} ended ${state}`);
  }
  return (await client.request("catalog.clip", { path: fs.realpathSync(file) })).clip.id;
}

async function subjects(file: string): Promise<string[]> {
  const tags = (await exiftool.read(file)) as Record<string, unknown>;
  return tags.Subject === undefined ? [] : ([] as string[]).concat(tags.Subject as string[]).map(String);
}

async function keywordTags(): Promise<StoredTag[]> {
  return (await client.request("catalog.clip", { clipId })).tags.filter((t) => t.kind === "keyword");
}

beforeAll(async () => {
  dir = fs.realpathSync(makeTempDir("sichter-apply-"));
  clip = path.join(dir, "Landtag Sitzung.mp4");
  const base = { font: ocrFont(), rate: 25, width: 1280, size: 44, y: 560 };
  // Three shots of 100 frames, each with a lower third, so the analysis suggests three keywords.
  await ffmpeg([
    "-f",
    "lavfi",
    "-i",
    "testsrc2=size=1280x720:rate=25:duration=4",
    "-f",
    "lavfi",
    "-i",
    "smptebars=size=1280x720:rate=25:duration=4",
    "-f",
    "lavfi",
    "-i",
    "rgbtestsrc=size=1280x720:rate=25:duration=4",
    "-filter_complex",
    "[0:v]trim=end_frame=100,setpts=PTS-STARTPTS[a];[1:v]trim=end_frame=100,setpts=PTS-STARTPTS[b];" +
      "[2:v]trim=end_frame=100,setpts=PTS-STARTPTS[c];[a][b][c]concat=n=3:v=1:a=0," +
      `${lowerThirdFilter({ ...base, text: "Landtag Brandenburg", start: 20, end: 90 })},` +
      `${lowerThirdFilter({ ...base, text: "Bürgermeisterin Anna Schäfer", start: 120, end: 190 })},` +
      `${lowerThirdFilter({ ...base, text: "Hochwasser Oderbruch", start: 220, end: 290 })},format=yuv420p[v]`,
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
  engine = await startEngine(path.join(dir, "home"));
  client = engine.client();
  clipId = await analysed(clip, "sidecar");
  sidecar = path.join(dir, "Landtag Sitzung.xmp");
  // The editor's own keyword, typed in their NLE after Sichter's analysis wrote the sidecar.
  await exiftool.write(sidecar, { "XMP-dc:Subject+": [OWN] } as never, { writeArgs: ["-overwrite_original"] });
}, 240_000);
afterAll(async () => {
  client?.dispose();
  engine?.child.kill("SIGTERM");
  await engine?.exited;
  await exiftool.end();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("tags.apply", () => {
  it("writes exactly the accepted keywords into the sidecar, takes unaccepted suggestions out, keeps the editor's own", async () => {
    const keywords = await keywordTags();
    // The analysis wrote its suggestions; at least three to accept two and leave one undecided.
    expect(new Set(keywords.map((t) => t.label)).size, keywords.map((t) => t.label).join(", ")).toBeGreaterThanOrEqual(
      3,
    );
    expect(await subjects(sidecar)).toEqual(expect.arrayContaining([...keywords.map((t) => t.label), OWN]));
    const [first, second] = keywords;
    for (const tag of [first!, second!]) await client.request("tags.review", { tagId: tag.id, action: "accept" });

    const { files } = await client.request("tags.apply", { clipIds: [clipId] });
    const { shots } = await client.request("catalog.clip", { clipId });
    expect(files).toEqual([
      {
        clipId,
        path: clip,
        status: "written",
        sidecar,
        embedded: false,
        keywords: [first!.label, second!.label],
        markers: shots.length,
        error: null,
      },
    ]);
    expect((await subjects(sidecar)).sort()).toEqual([first!.label, second!.label, OWN].sort());
  }, 60_000);

  it("re-applied after rejecting one tag, removes exactly that keyword and keeps the editor's own", async () => {
    const [first, second] = (await keywordTags()).filter((t) => t.status === "accepted");
    await client.request("tags.review", { tagId: second!.id, action: "reject" });
    const before = fs.readFileSync(clip);
    const { files } = await client.request("tags.apply", { clipIds: [clipId] });
    expect(files[0]).toMatchObject({ status: "written", keywords: [first!.label] });
    expect((await subjects(sidecar)).sort()).toEqual([first!.label, OWN].sort());
    // Sidecar by default: the media file is not touched.
    expect(fs.readFileSync(clip).equals(before)).toBe(true);
    // Sichter's marker track is replaced, never doubled.
    const tracks = ((await exiftool.read(sidecar)) as Record<string, unknown>).Tracks as Array<{ TrackName: string }>;
    expect(tracks.filter((t) => t.TrackName === "Sichter")).toHaveLength(1);
  }, 60_000);

  it("embeds when asked, refuses a container it cannot write, and reports each file", async () => {
    const mp4 = await makeClip(path.join(dir, "embed.mp4"), { seconds: 1 });
    const mkv = await makeClip(path.join(dir, "archiv.mkv"), { seconds: 1 });
    const [mp4Id, mkvId] = [await analysed(mp4, "none"), await analysed(mkv, "none")];
    await client.request("tags.review", {
      clipId: mp4Id,
      add: { label: "Pressekonferenz", startFrame: 0, endFrame: 25 },
    });
    const { files } = await client.request("tags.apply", { clipIds: [mkvId, mp4Id], write: "embed" });
    expect(files.map((f) => [f.path, f.status, f.embedded, f.error?.code ?? null])).toEqual([
      [mkv, "failed", false, "SICHTER_E_XMP_UNSUPPORTED_FORMAT"],
      [mp4, "written", true, null],
    ]);
    expect(await subjects(mp4)).toEqual(["Pressekonferenz"]);
    expect(fs.existsSync(path.join(dir, "embed.xmp"))).toBe(false);
  }, 120_000);

  it("refuses an unknown clip before writing anything", async () => {
    await expect(client.request("tags.apply", { clipIds: [clipId, 999_999] })).rejects.toMatchObject({
      code: "SICHTER_E_NOT_IN_CATALOG",
    });
  });
});

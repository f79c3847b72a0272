import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeClip, makeTempDir } from "../../test/fixtures.ts";
import { readXmp } from "./readXmp.ts";
import { disposeExifTool, sharedExifTool } from "./sharedExifTool.ts";
import { samplePlan } from "./test/xmpTestSupport.ts";
import { keywordsToRemove } from "./withdrawKeywords.ts";
import { writeXmp } from "./writeXmp.ts";

let dir: string;
let media: string;

beforeAll(async () => {
  dir = makeTempDir("sichter-xmp-withdraw-");
  media = await makeClip(path.join(dir, "clip.mp4"), { seconds: 1 });
});
afterAll(async () => {
  await disposeExifTool();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("keywordsToRemove", () => {
  it("takes the XMP's own spelling of withdrawn keywords, never one the plan still wants or one it does not name", () => {
    expect(keywordsToRemove(["KÖLN", "Rathaus", "Mein Wort"], ["köln", "Bonn"], ["Rathaus"])).toEqual(["KÖLN"]);
    expect(keywordsToRemove(["Rathaus"], ["Rathaus"], ["rathaus"])).toEqual([]);
    expect(keywordsToRemove(["Rathaus"], [], [])).toEqual([]);
  });
});

describe("writeXmp with withdrawn keywords", () => {
  it("removes exactly the withdrawn keyword from the sidecar and keeps a person's own", async () => {
    const first = await writeXmp(samplePlan(media), { target: "sidecar", language: "de" });
    const sidecar = first.sidecar!;
    // An editor adds a keyword of their own in their NLE.
    await sharedExifTool().write(sidecar, { "XMP-dc:Subject+": ["Eigenes Stichwort"] } as never, {
      writeArgs: ["-overwrite_original"],
    });
    expect((await readXmp(sidecar)).keywords).toEqual(["Rathaus", "Köln", "Pressekonferenz", "Eigenes Stichwort"]);

    await writeXmp(samplePlan(media, { keywords: ["Rathaus", "Pressekonferenz"], withdrawnKeywords: ["Köln"] }), {
      target: "sidecar",
      language: "de",
    });
    const after = await readXmp(sidecar);
    expect(after.keywords).toEqual(["Rathaus", "Pressekonferenz", "Eigenes Stichwort"]);
    // Markers are Sichter's own track: replaced, not doubled.
    expect(after.tracks.filter((t) => t.trackName === "Sichter")).toHaveLength(1);
  });
});

import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode, CancellationTokenSource } from "@sichter/engine/extension-api";
import { makeClip, makeTempDir } from "../../test/fixtures.ts";
import { readXmp } from "./readXmp.ts";
import { disposeExifTool, sharedExifTool } from "./sharedExifTool.ts";
import { leftovers, samplePlan, sha256 } from "./test/xmpTestSupport.ts";
import { writeXmp } from "./writeXmp.ts";

let dir: string;
let clip25: string;

beforeAll(async () => {
  dir = makeTempDir("sichter-xmp-sidecar-");
  clip25 = await makeClip(path.join(dir, "clip25.mp4"), { seconds: 2, rate: "25" });
});

afterAll(async () => {
  await disposeExifTool();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder holding a copy of the 25 fps clip under `name`. */
function folderWith(name: string): string {
  const sub = fs.mkdtempSync(path.join(dir, "case-"));
  const file = path.join(sub, name);
  fs.copyFileSync(clip25, file);
  return file;
}

describe("writeXmp to a sidecar", () => {
  it("writes clip.xmp with keywords and markers at the right frames (25 fps), media untouched", async () => {
    const media = folderWith("clip.mp4");
    const before = sha256(media);
    const report = await writeXmp(samplePlan(media), { target: "sidecar", language: "de" });

    const sidecar = path.join(path.dirname(media), "clip.xmp");
    expect(report).toEqual({
      sidecar,
      sidecarNaming: { rule: "extension-replaced", collidesWith: [] },
      embedded: false,
      keywordsAdded: ["Rathaus", "Köln", "Pressekonferenz"],
      markersWritten: 2,
    });
    expect(sha256(media)).toBe(before);
    expect(leftovers(path.dirname(media))).toEqual([]);

    const xmp = await readXmp(sidecar);
    expect(xmp.keywords).toEqual(["Rathaus", "Köln", "Pressekonferenz"]);
    expect(xmp.descriptions).toEqual({
      "x-default": "Pressekonferenz vor dem Rathaus",
      de: "Pressekonferenz vor dem Rathaus",
    });
    expect(xmp.logComment).toBe("Sichter: 2 Einstellungen");
    expect(xmp.tracks).toHaveLength(1);
    expect(xmp.tracks[0]).toMatchObject({ trackName: "Sichter", trackType: "Comment", frameRate: "f25" });
    expect(xmp.markers.map((m) => [m.name, m.startFrame, m.durationFrames, m.type, m.comment])).toEqual([
      ["Shot 1", 0, 12, "Comment", "Totale, Rathaus"],
      ["Shot 2", 37, 8, "Comment", "Bauchbinde: Anna Beispiel, Bürgermeisterin"],
    ]);
  });

  it("writes the XMP notation f30000s1001 for 29.97 fps and exact frame numbers", async () => {
    const media = path.join(dir, "ntsc.mov");
    await makeClip(media, { seconds: 1, rate: "30000/1001" });
    const before = sha256(media);
    await writeXmp(
      samplePlan(media, {
        frameRate: "30000/1001",
        markers: [{ name: "late", comment: "", startFrame: 17982, durationFrames: 1, kind: "cue.black", color: "red" }],
      }),
      { target: "sidecar" },
    );
    // Straight from exiftool, so the notation is what other tools will see, not our parser's view.
    const raw = (await sharedExifTool().readRaw(path.join(dir, "ntsc.xmp"), {
      readArgs: ["-struct", "-api", "StructFormat=JSONQ", "-XMP-xmpDM:Tracks"],
    })) as unknown as { Tracks: Array<{ FrameRate: string; Markers: Array<{ StartTime: string; Duration: string }> }> };
    expect(raw.Tracks[0]?.FrameRate).toBe("f30000s1001");
    expect(raw.Tracks[0]?.Markers[0]).toMatchObject({ StartTime: "17982", Duration: "1" });
    expect(sha256(media)).toBe(before);
    expect(leftovers(dir)).toEqual([]);
  });

  it("keeps existing keywords and foreign tracks, and replaces its own track on a second write", async () => {
    const media = folderWith("merge.mp4");
    const sidecar = path.join(path.dirname(media), "merge.xmp");
    // The sidecar as Premiere might have left it, written with exiftool.
    await sharedExifTool().write(
      sidecar,
      {
        "XMP-dc:Subject": ["Berlin", "köln"],
        "XMP-dc:Description-en": "Written by hand",
        "XMP-xmpDM:Tracks": [
          {
            trackName: "Comment",
            trackType: "Comment",
            frameRate: "f25",
            markers: [{ startTime: "50", duration: "0", name: "Premiere marker", comment: "keep me", type: "Comment" }],
          },
        ],
      } as never,
      { writeArgs: ["-overwrite_original"], useMWG: false },
    );
    const foreign = (await readXmp(sidecar)).tracks;

    const first = await writeXmp(samplePlan(media), { target: "sidecar", language: "de" });
    expect(first.keywordsAdded).toEqual(["Rathaus", "Pressekonferenz"]);
    const second = await writeXmp(
      samplePlan(media, {
        keywords: ["Rathaus", "Wahl"],
        markers: [{ name: "Neu", comment: "x", startFrame: 99, durationFrames: 3, kind: "shot", color: "cyan" }],
      }),
      { target: "sidecar", language: "de" },
    );
    expect(second.keywordsAdded).toEqual(["Wahl"]);

    const xmp = await readXmp(sidecar);
    expect(xmp.keywords).toEqual(["Berlin", "köln", "Rathaus", "Pressekonferenz", "Wahl"]);
    expect(xmp.descriptions["en"]).toBe("Written by hand");
    expect(xmp.descriptions["de"]).toBe("Pressekonferenz vor dem Rathaus");
    expect(xmp.tracks.filter((t) => t.trackName === "Comment")).toEqual(foreign);
    const own = xmp.tracks.filter((t) => t.trackName === "Sichter");
    expect(own).toHaveLength(1);
    expect(own[0]?.markers.map((m) => [m.name, m.startFrame, m.durationFrames])).toEqual([["Neu", 99, 3]]);
    expect(leftovers(path.dirname(media))).toEqual([]);
  });

  it("leaves fields exiftool does not know (Premiere's marker guid) in foreign tracks untouched", async () => {
    const media = folderWith("premiere.mp4");
    const sidecar = path.join(path.dirname(media), "premiere.xmp");
    const foreignTrack =
      '<rdf:li rdf:parseType="Resource"><xmpDM:trackName>Comment</xmpDM:trackName>' +
      "<xmpDM:trackType>Comment</xmpDM:trackType><xmpDM:frameRate>f254016000000</xmpDM:frameRate>" +
      '<xmpDM:markers><rdf:Seq><rdf:li rdf:parseType="Resource"><xmpDM:startTime>1016064000000</xmpDM:startTime>' +
      "<xmpDM:name>Premiere</xmpDM:name><xmpDM:guid>3f2c9a1e-guid</xmpDM:guid></rdf:li></rdf:Seq></xmpDM:markers></rdf:li>";
    fs.writeFileSync(
      sidecar,
      '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">' +
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about=""' +
        ' xmlns:xmpDM="http://ns.adobe.com/xmp/1.0/DynamicMedia/"><xmpDM:Tracks><rdf:Bag>' +
        foreignTrack +
        '</rdf:Bag></xmpDM:Tracks></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>',
    );
    await writeXmp(samplePlan(media), { target: "sidecar" });
    await writeXmp(samplePlan(media), { target: "sidecar" });
    const text = fs.readFileSync(sidecar, "utf8");
    expect(text).toContain("<xmpDM:guid>3f2c9a1e-guid</xmpDM:guid>");
    const xmp = await readXmp(sidecar);
    expect(xmp.tracks.map((t) => t.trackName)).toEqual(["Comment", "Sichter"]);
    expect(xmp.tracks[0]?.markers[0]).toMatchObject({
      name: "Premiere",
      startTime: "1016064000000",
      frameRate: "f254016000000",
    });
  });

  it("refuses to merge into a sidecar exiftool cannot read cleanly and leaves it byte-identical", async () => {
    const media = folderWith("broken.mp4");
    const sidecar = path.join(path.dirname(media), "broken.xmp");
    fs.writeFileSync(
      sidecar,
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    );
    const before = sha256(sidecar);
    await expect(writeXmp(samplePlan(media), { target: "sidecar" })).rejects.toMatchObject({
      code: ErrorCode.XMP_WRITE_FAILED,
      params: { path: sidecar },
    });
    expect(sha256(sidecar)).toBe(before);
    expect(leftovers(path.dirname(media))).toEqual([]);
  });

  it("refuses a read-only sidecar with a code naming it and how to allow the write, and leaves it as it was", async () => {
    const media = folderWith("locked.mp4");
    const sidecar = path.join(path.dirname(media), "locked.xmp");
    await writeXmp(samplePlan(media, { keywords: ["Archiv"] }), { target: "sidecar" });
    // 0444 is the user's "do not touch": as root the mode stops no write, so the writer must look.
    fs.chmodSync(sidecar, 0o444);
    const before = sha256(sidecar);
    const inode = fs.statSync(sidecar).ino;
    const refusal = writeXmp(samplePlan(media), { target: "sidecar", language: "de" });
    await expect(refusal).rejects.toMatchObject({ code: ErrorCode.XMP_SIDECAR_READ_ONLY, params: { path: sidecar } });
    const message = await refusal.catch((e: Error) => e.message);
    expect(message).toContain(sidecar);
    expect(message).toMatch(/writable/);
    expect(sha256(sidecar)).toBe(before);
    expect(fs.statSync(sidecar).ino).toBe(inode);
    expect(fs.statSync(sidecar).mode & 0o777).toBe(0o444);
    expect(leftovers(path.dirname(media))).toEqual([]);

    // Made writable again, the next write merges as usual.
    fs.chmodSync(sidecar, 0o644);
    await writeXmp(samplePlan(media, { keywords: ["Rathaus"] }), { target: "sidecar" });
    expect((await readXmp(sidecar)).keywords).toEqual(["Archiv", "Rathaus"]);
  });

  it("treats a zero-byte sidecar as absent", async () => {
    const media = folderWith("empty.mp4");
    const sidecar = path.join(path.dirname(media), "empty.xmp");
    fs.writeFileSync(sidecar, "");
    await writeXmp(samplePlan(media, { keywords: ["a"] }), { target: "sidecar" });
    expect((await readXmp(sidecar)).keywords).toEqual(["a"]);
  });

  it("names sidecars clip.mov.xmp and clip.mp4.xmp when both files share a base name", async () => {
    const mp4 = folderWith("clip.mp4");
    const mov = path.join(path.dirname(mp4), "clip.mov");
    fs.copyFileSync(clip25, mov);
    const a = await writeXmp(samplePlan(mp4, { keywords: ["nur mp4"] }), { target: "sidecar" });
    const b = await writeXmp(samplePlan(mov, { keywords: ["nur mov"] }), { target: "sidecar" });
    expect(a.sidecar).toBe(`${mp4}.xmp`);
    expect(a.sidecarNaming).toEqual({ rule: "extension-kept", collidesWith: ["clip.mov"] });
    expect(b.sidecar).toBe(`${mov}.xmp`);
    expect(b.sidecarNaming).toEqual({ rule: "extension-kept", collidesWith: ["clip.mp4"] });
    expect(fs.existsSync(path.join(path.dirname(mp4), "clip.xmp"))).toBe(false);
    expect((await readXmp(`${mp4}.xmp`)).keywords).toEqual(["nur mp4"]);
    expect((await readXmp(`${mov}.xmp`)).keywords).toEqual(["nur mov"]);
  });

  it("handles unicode and spaces in folder and file names", async () => {
    const sub = path.join(dir, "Übergabe Köln – Ärger & mehr");
    fs.mkdirSync(sub);
    const media = path.join(sub, "Straße am Dom 01 ✓.mp4");
    fs.copyFileSync(clip25, media);
    const report = await writeXmp(samplePlan(media, { keywords: ["Dom", "Ärger & Ähnliches"] }), { target: "sidecar" });
    expect(report.sidecar).toBe(path.join(sub, "Straße am Dom 01 ✓.xmp"));
    expect((await readXmp(report.sidecar!)).keywords).toEqual(["Dom", "Ärger & Ähnliches"]);
    expect(leftovers(sub)).toEqual([]);
  });

  it("fails with FILE_NOT_FOUND for a missing media file and writes nothing", async () => {
    const missing = path.join(dir, "gone", "nothing.mp4");
    await expect(writeXmp(samplePlan(missing), { target: "sidecar" })).rejects.toMatchObject({
      code: ErrorCode.FILE_NOT_FOUND,
    });
    await expect(writeXmp(samplePlan(path.join(dir, "nothing.mp4")), { target: "sidecar" })).rejects.toMatchObject({
      code: ErrorCode.FILE_NOT_FOUND,
    });
    expect(fs.existsSync(path.join(dir, "nothing.xmp"))).toBe(false);
  });

  it("writes nothing when cancelled before the write", async () => {
    const media = folderWith("cancel.mp4");
    const source = new CancellationTokenSource();
    source.cancel();
    await expect(writeXmp(samplePlan(media), { target: "sidecar" }, source.token)).rejects.toMatchObject({
      code: ErrorCode.CANCELLED,
    });
    expect(fs.readdirSync(path.dirname(media))).toEqual(["cancel.mp4"]);
  });
});

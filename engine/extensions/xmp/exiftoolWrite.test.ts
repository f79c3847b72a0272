import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode } from "@sichter/engine/extension-api";
import { makeTempDir } from "../../test/fixtures.ts";
import { exiftoolWrite } from "./exiftoolWrite.ts";
import { readXmp } from "./readXmp.ts";
import { disposeExifTool } from "./sharedExifTool.ts";
import { leftovers } from "./test/xmpTestSupport.ts";

let dir: string;

beforeAll(() => {
  dir = makeTempDir("sichter-xmp-exiftool-");
});

afterAll(async () => {
  await disposeExifTool();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("exiftoolWrite", () => {
  it("fails instead of silently dropping a struct field exiftool does not know", async () => {
    const sidecar = path.join(dir, "guid.xmp");
    await exiftoolWrite(sidecar, { "XMP-dc:Subject+": ["vorher"] }, { shownPath: sidecar });
    await expect(
      exiftoolWrite(
        sidecar,
        { "XMP-xmpDM:Tracks+": { trackName: "X", markers: [{ name: "m", guid: "1234" }] } },
        { shownPath: sidecar },
      ),
    ).rejects.toMatchObject({ code: ErrorCode.XMP_WRITE_FAILED, params: { path: sidecar } });
    // exiftool has written by now (minus the field); writeSidecar / embedXmp therefore always
    // write onto a temp copy and discard it on this error.
    expect(leftovers(dir)).toEqual([]);
  });

  it("keeps no *_original copy when rewriting in place", async () => {
    const sidecar = path.join(dir, "plain.xmp");
    await exiftoolWrite(sidecar, { "XMP-dc:Subject+": ["a"] }, { shownPath: sidecar });
    await exiftoolWrite(sidecar, { "XMP-dc:Subject+": ["b"] }, { shownPath: sidecar });
    expect((await readXmp(sidecar)).keywords).toEqual(["a", "b"]);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith("plain"))).toEqual(["plain.xmp"]);
  });
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode } from "@sichter/shared/errors";
import { isSichterError } from "../core/SichterError.ts";
import { MediaFolders, mediaSettingsPath } from "./MediaFolders.ts";

let root: string;
let config: string;
let allowed: string;
let sibling: string;
let outside: string;

beforeAll(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "sichter-folders-")));
  config = path.join(root, "config");
  allowed = path.join(root, "media");
  // Shares the allowed folder's name as a prefix: a string prefix test would let it through.
  sibling = path.join(root, "media-private");
  outside = path.join(root, "elsewhere");
  for (const dir of [config, allowed, path.join(allowed, "Tag 1"), sibling, outside])
    fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(allowed, "Tag 1", "a.mp4"), "x");
  fs.writeFileSync(path.join(sibling, "secret.mp4"), "x");
  fs.writeFileSync(path.join(outside, "b.mp4"), "x");
  fs.symlinkSync(path.join(outside, "b.mp4"), path.join(allowed, "link-out.mp4"));
  fs.symlinkSync(outside, path.join(allowed, "folder-out"));
  fs.symlinkSync(path.join(allowed, "Tag 1", "a.mp4"), path.join(outside, "link-in.mp4"));
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isSichterError(error)) return error.code;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("MediaFolders", () => {
  it("allows a file inside an allowed folder and gives its real path", () => {
    const folders = new MediaFolders([allowed], config);
    expect(folders.resolve(path.join(allowed, "Tag 1", "a.mp4"))).toBe(path.join(allowed, "Tag 1", "a.mp4"));
    expect(folders.resolve(allowed)).toBe(allowed);
  });

  it("refuses paths outside, however they are spelled, with MEDIA_NOT_ALLOWED", () => {
    const folders = new MediaFolders([allowed], config);
    expect(refusal(() => folders.resolve(path.join(outside, "b.mp4")))).toBe(ErrorCode.MEDIA_NOT_ALLOWED);
    expect(refusal(() => folders.resolve(path.join(sibling, "secret.mp4")))).toBe(ErrorCode.MEDIA_NOT_ALLOWED);
    expect(refusal(() => folders.resolve(`${allowed}/../elsewhere/b.mp4`))).toBe(ErrorCode.MEDIA_NOT_ALLOWED);
    expect(refusal(() => folders.resolve("media/Tag 1/a.mp4"))).toBe(ErrorCode.MEDIA_NOT_ALLOWED);
    expect(refusal(() => folders.resolve(`${allowed}/a.mp4\0`))).toBe(ErrorCode.MEDIA_NOT_ALLOWED);
    expect(refusal(() => folders.resolve("/etc/passwd"))).toBe(ErrorCode.MEDIA_NOT_ALLOWED);
    // Whether a path outside exists is not told: a missing one is refused the same way.
    expect(refusal(() => folders.resolve(path.join(outside, "missing.mp4")))).toBe(ErrorCode.MEDIA_NOT_ALLOWED);
  });

  it("follows symlinks: a link inside that leads out is refused, a link outside that leads in is allowed", () => {
    const folders = new MediaFolders([allowed], config);
    expect(refusal(() => folders.resolve(path.join(allowed, "link-out.mp4")))).toBe(ErrorCode.MEDIA_NOT_ALLOWED);
    expect(refusal(() => folders.resolve(path.join(allowed, "folder-out", "b.mp4")))).toBe(ErrorCode.MEDIA_NOT_ALLOWED);
    expect(folders.resolve(path.join(outside, "link-in.mp4"))).toBe(path.join(allowed, "Tag 1", "a.mp4"));
  });

  it("says FILE_NOT_FOUND for a missing file inside an allowed folder", () => {
    const folders = new MediaFolders([allowed], config);
    expect(refusal(() => folders.resolve(path.join(allowed, "gone.mp4")))).toBe(ErrorCode.FILE_NOT_FOUND);
  });

  it("allows nothing without folders", () => {
    const folders = new MediaFolders([], path.join(root, "no-config"));
    expect(folders.roots()).toEqual([]);
    expect(refusal(() => folders.resolve(path.join(allowed, "Tag 1", "a.mp4")))).toBe(ErrorCode.MEDIA_NOT_ALLOWED);
  });

  it("adds the folders of media.json, read on every call, and lists a missing one as unavailable", () => {
    const own = path.join(root, "config-json");
    fs.mkdirSync(own);
    const folders = new MediaFolders([], own);
    expect(refusal(() => folders.resolve(path.join(outside, "b.mp4")))).toBe(ErrorCode.MEDIA_NOT_ALLOWED);
    fs.writeFileSync(mediaSettingsPath(own), JSON.stringify({ folders: [outside, path.join(root, "unplugged")] }));
    expect(folders.resolve(path.join(outside, "b.mp4"))).toBe(path.join(outside, "b.mp4"));
    expect(folders.roots()).toEqual([
      { configured: outside, real: outside },
      { configured: path.join(root, "unplugged"), real: null },
    ]);
  });

  it("refuses a broken media.json with CONFIG_INVALID naming the field", () => {
    const own = path.join(root, "config-bad");
    fs.mkdirSync(own);
    fs.writeFileSync(mediaSettingsPath(own), JSON.stringify({ folders: ["relative/footage"] }));
    expect(refusal(() => new MediaFolders([], own).roots())).toBe(ErrorCode.CONFIG_INVALID);
    fs.writeFileSync(mediaSettingsPath(own), "{ folders: ");
    expect(refusal(() => new MediaFolders([], own).roots())).toBe(ErrorCode.CONFIG_INVALID);
  });

  it("lists each folder once, in order, command line first", () => {
    fs.writeFileSync(mediaSettingsPath(config), JSON.stringify({ folders: [allowed, outside] }));
    try {
      expect(new MediaFolders([allowed], config).roots().map((r) => r.real)).toEqual([allowed, outside]);
    } finally {
      fs.rmSync(mediaSettingsPath(config));
    }
  });
});

import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ErrorCode } from "@sichter/shared/errors";
import { makeTempDir } from "../../test/fixtures.ts";
import { collectMediaFiles } from "./collectMediaFiles.ts";

const dir = makeTempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("collectMediaFiles", () => {
  it("recurses folders for video files, skips hidden ones, survives a symlink loop, keeps order", async () => {
    const touch = (rel: string): string => {
      const file = path.join(dir, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, "x");
      return file;
    };
    const a = touch("Tag 1/b.MOV");
    const b = touch("Tag 1/a.mxf");
    touch("Tag 1/notes.txt");
    touch(".cache/c.mp4");
    const c = touch("Tag 2/Straße – Übersicht.mp4");
    fs.symlinkSync(dir, path.join(dir, "Tag 2", "loop"));
    const items = await collectMediaFiles([dir, path.join(dir, "fehlt.mp4"), a]);
    expect(items.filter((i) => "file" in i).map((i) => (i as { file: string }).file)).toEqual([b, a, c]);
    const errors = items.filter((i) => "error" in i);
    expect(errors).toHaveLength(1);
    expect((errors[0] as { error: { code: string } }).error.code).toBe(ErrorCode.FILE_NOT_FOUND);
  });
});

import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../../test/fixtures.ts";
import { FrameStoreWriter } from "./FrameStoreWriter.ts";

const root = makeTempDir("sichter-frame-store-writer-");
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const geometry = { width: 320, height: 180, pixelFormat: "rgb24" } as const;
const size = 320 * 180 * 3;
let folders = 0;
const folder = (): string => fs.mkdtempSync(path.join(root, `job${folders++}-`));

describe("a frame store writer", () => {
  it("reserves pictures as far as the budget goes, large ones within their share, none where the disk cannot be read", () => {
    const writer = new FrameStoreWriter(folder(), 9 * size);
    expect(writer.room(geometry)).toBe(9);
    expect(writer.room(geometry, true)).toBe(8);
    expect(writer.reserve("large.rgb", geometry, 9, true)).toBeUndefined();
    expect(writer.reserve("large.rgb", geometry, 6, true)).toBeDefined();
    expect(writer.room(geometry, true)).toBe(2);
    expect(writer.reserve("small.rgb", geometry, 3)).toBeDefined();
    expect(writer.room(geometry)).toBe(0);
    expect(writer.reserve("more.rgb", geometry, 1)).toBeUndefined();
    expect(new FrameStoreWriter(path.join(root, "missing"), 100 * size).room(geometry)).toBe(0);
  });

  it("keeps a file that holds exactly what it claims, with its name bare in the index", () => {
    const writer = new FrameStoreWriter(folder(), 100 * size);
    const file = writer.reserve("keyframes.rgb", geometry, 3)!;
    fs.writeFileSync(file, Buffer.alloc(3 * size));
    expect(
      writer.keep(file, geometry, [
        [0, 1],
        [25, 1],
        [50, 1],
      ]),
    ).toBe(true);
    expect(writer.index()).toEqual({
      pictures: [
        {
          file: "keyframes.rgb",
          ...geometry,
          spans: [
            [0, 1],
            [25, 1],
            [50, 1],
          ],
        },
      ],
    });
  });

  it("removes a file cut short or missing instead of keeping it", () => {
    const writer = new FrameStoreWriter(folder(), 100 * size);
    const short = writer.reserve("short.rgb", geometry, 3)!;
    fs.writeFileSync(short, Buffer.alloc(3 * size - 1));
    expect(writer.keep(short, geometry, [[10, 3]])).toBe(false);
    expect(fs.existsSync(short)).toBe(false);
    expect(writer.keep(writer.reserve("never.rgb", geometry, 1)!, geometry, [[0, 1]])).toBe(false);
    expect(writer.index().pictures).toEqual([]);
  });

  it("leaves nothing behind but what it kept, and nothing at all when cleared", () => {
    const dir = folder();
    const writer = new FrameStoreWriter(dir, 100 * size);
    const kept = writer.reserve("kept.rgb", geometry, 1)!;
    const dropped = writer.reserve("dropped.rgb", geometry, 1)!;
    for (const file of [kept, dropped]) fs.writeFileSync(file, Buffer.alloc(size));
    writer.keep(kept, geometry, [[0, 1]]);
    writer.dispose();
    expect(fs.readdirSync(dir)).toEqual(["kept.rgb"]);
    writer.clear();
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(writer.index().pictures).toEqual([]);
  });
});

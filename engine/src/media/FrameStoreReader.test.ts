import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../../test/fixtures.ts";
import type { FrameGeometry } from "./FrameReader.ts";
import type { StoredPictures } from "./FrameStoreIndex.ts";
import { FrameStoreReader } from "./FrameStoreReader.ts";

const dir = makeTempDir("sichter-frame-store-reader-");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const grey = { width: 160, height: 90, pixelFormat: "gray" } as const;
const rgb = { width: 64, height: 36, pixelFormat: "rgb24" } as const;
const bytes = (g: FrameGeometry): number => g.width * g.height * (g.pixelFormat === "gray" ? 1 : 3);

/** A file of pictures for `spans`, each picture filled with its frame number plus `mark` (mod 256). */
function stored(
  name: string,
  geometry: FrameGeometry,
  spans: Array<[number, number]>,
  options: { mark?: number; cut?: number } = {},
): StoredPictures {
  const frames = spans.flatMap(([first, count]) => Array.from({ length: count }, (_, i) => first + i));
  const data = Buffer.alloc(frames.length * bytes(geometry) - (options.cut ?? 0));
  frames.forEach((frame, i) =>
    data.fill(
      (frame + (options.mark ?? 0)) % 256,
      i * bytes(geometry),
      Math.min(data.length, (i + 1) * bytes(geometry)),
    ),
  );
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return { file, ...geometry, spans };
}

const firstBytes = (frames: Uint8Array[] | undefined): number[] | undefined => frames?.map((f) => f[0]!);

describe("reading the job's frame store", () => {
  it("gives single frames and runs by number, from whichever stretch holds them all", async () => {
    const reader = new FrameStoreReader({
      pictures: [
        stored("keys.rgb", rgb, [
          [0, 1],
          [25, 1],
          [50, 1],
        ]),
        stored("runs.gray", grey, [
          [25, 6],
          [50, 6],
        ]),
      ],
    });
    try {
      expect(firstBytes([(await reader.frame(25, rgb))!])).toEqual([25]);
      expect(firstBytes(await reader.frames(52, 3, grey))).toEqual([52, 53, 54]);
      expect((await reader.frames(52, 3, grey))!.every((f) => f.length === bytes(grey))).toBe(true);
      // Not in one stretch, not held, or past a stretch's end: the caller decodes.
      expect(await reader.frames(29, 4, grey)).toBeUndefined();
      expect(await reader.frame(12, rgb)).toBeUndefined();
      expect(reader.has(55, grey)).toBe(true);
      expect(reader.has(55, grey, 2)).toBe(false);
      expect(reader.framesHeld(rgb)).toEqual([0, 25, 50]);
    } finally {
      await reader.dispose();
    }
  });

  it("answers only at the geometry it holds: another width, height or pixel format is not used", async () => {
    const reader = new FrameStoreReader({ pictures: [stored("geometry.rgb", rgb, [[0, 4]])] });
    try {
      expect(await reader.frame(1, { ...rgb, width: 32 })).toBeUndefined();
      expect(await reader.frame(1, { ...rgb, height: 48 })).toBeUndefined();
      expect(await reader.frame(1, { ...rgb, pixelFormat: "gray" })).toBeUndefined();
      expect(firstBytes([(await reader.frame(1, rgb))!])).toEqual([1]);
    } finally {
      await reader.dispose();
    }
  });

  it("does not use a file cut short or gone, and reads on from the others", async () => {
    const gone = stored("gone.gray", grey, [[0, 6]]);
    fs.rmSync(gone.file);
    const reader = new FrameStoreReader({
      pictures: [stored("cut.gray", grey, [[0, 6]], { cut: 1 }), gone, stored("whole.gray", grey, [[3, 6]])],
    });
    try {
      expect(await reader.frames(0, 3, grey)).toBeUndefined();
      expect(firstBytes(await reader.frames(3, 3, grey))).toEqual([3, 4, 5]);
    } finally {
      await reader.dispose();
    }
  });

  it("takes the stretch that starts nearest the frames asked for, the earlier step's on a tie", async () => {
    const reader = new FrameStoreReader({
      pictures: [
        stored("shot.gray", grey, [[100, 6]], { mark: 0 }),
        stored(
          "keyframe.gray",
          grey,
          [
            [102, 6],
            [100, 6],
          ],
          { mark: 100 },
        ),
      ],
    });
    try {
      expect(firstBytes(await reader.frames(103, 2, grey))).toEqual([203, 204]);
      expect(firstBytes(await reader.frames(100, 2, grey))).toEqual([100, 101]);
    } finally {
      await reader.dispose();
    }
  });

  it("holds nothing without an index", async () => {
    expect(await new FrameStoreReader(undefined).frame(0, rgb)).toBeUndefined();
    expect(FrameStoreReader.EMPTY.framesHeld(rgb)).toEqual([]);
  });
});

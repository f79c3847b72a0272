import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../../test/fixtures.ts";
import { FrameStore } from "./FrameStore.ts";
import { FRAME_STORE_BUDGET } from "./FrameStoreBudget.ts";
import type { StoredPictures } from "./FrameStoreIndex.ts";

const root = makeTempDir("sichter-frame-store-");
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const geometry = { width: 64, height: 36, pixelFormat: "rgb24" } as const;
const size = 64 * 36 * 3;
let folders = 0;

/** A job folder with one file per entry, each `bytes` long (default: what its spans need). */
function jobWith(entries: ReadonlyArray<{ file: string; spans: Array<[number, number]>; bytes?: number }>): {
  dir: string;
  pictures: StoredPictures[];
} {
  const dir = fs.mkdtempSync(path.join(root, `job${folders++}-`));
  for (const e of entries)
    fs.writeFileSync(path.join(dir, e.file), Buffer.alloc(e.bytes ?? e.spans.reduce((n, [, c]) => n + c, 0) * size));
  return { dir, pictures: entries.map(({ file, spans }) => ({ file, ...geometry, spans })) };
}

describe("the job's frame store", () => {
  it("takes in a step's pictures with full paths, in the order the steps put them in", () => {
    const { dir, pictures } = jobWith([
      {
        file: "a.rgb",
        spans: [
          [0, 1],
          [50, 1],
        ],
      },
      { file: "b.rgb", spans: [[10, 5]] },
    ]);
    const store = new FrameStore(dir, 100);
    store.add({ pictures: [pictures[0]!] });
    store.add({ pictures: [pictures[1]!] });
    expect(store.index.pictures.map((p) => p.file)).toEqual([path.join(dir, "a.rgb"), path.join(dir, "b.rgb")]);
    expect(store.room).toBe(FRAME_STORE_BUDGET - 7 * size);
  });

  it("leaves out and removes pictures that do not hold what they claim: cut short, past the clip's end, over the budget", () => {
    const { dir, pictures } = jobWith([
      { file: "short.rgb", spans: [[0, 3]], bytes: 3 * size - 1 },
      { file: "late.rgb", spans: [[98, 3]] },
      { file: "fits.rgb", spans: [[0, 2]] },
      { file: "big.rgb", spans: [[10, 4]] },
      { file: "missing.rgb", spans: [[0, 1]], bytes: 0 },
    ]);
    fs.rmSync(path.join(dir, "missing.rgb"));
    const store = new FrameStore(dir, 100, 5 * size);
    store.add({ pictures });
    expect(store.index.pictures.map((p) => path.basename(p.file))).toEqual(["fits.rgb"]);
    expect(fs.readdirSync(dir).sort()).toEqual(["fits.rgb"]);
  });

  it("never touches a file outside its folder that an index names", () => {
    const { dir } = jobWith([]);
    const outside = path.join(root, "outside.rgb");
    fs.writeFileSync(outside, Buffer.alloc(size));
    const store = new FrameStore(dir, 100);
    store.add({ pictures: [{ file: "../outside.rgb", ...geometry, spans: [[0, 1]] }] });
    expect(store.index.pictures).toEqual([]);
    expect(fs.existsSync(outside)).toBe(true);
  });

  it("removes its pictures when disposed", () => {
    const { dir, pictures } = jobWith([{ file: "a.rgb", spans: [[0, 1]] }]);
    const store = new FrameStore(dir, 100);
    store.add({ pictures });
    store.dispose();
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(store.index.pictures).toEqual([]);
  });
});

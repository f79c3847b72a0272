import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../../test/fixtures.ts";
import { MIGRATIONS } from "./migrations.ts";
import { openCatalogDatabase } from "./openCatalogDatabase.ts";
import { SqliteCatalog } from "./SqliteCatalog.ts";
import { ANALYZERS, makeTagSet } from "../../test/support/tagSetFixture.ts";

const root = makeTempDir("sichter-catalog-thumbs-");
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
let n = 0;

/** A fresh catalog with its thumbnails folder beside it, and a folder of "keyframe JPEGs". */
function fresh(): { catalog: SqliteCatalog; dir: string; thumbs: string; picture: (bytes: string) => string } {
  const dir = path.join(root, `c${++n}`);
  fs.mkdirSync(path.join(dir, "pictures"), { recursive: true });
  let p = 0;
  return {
    catalog: SqliteCatalog.open(path.join(dir, "catalog.sqlite")),
    dir,
    thumbs: path.join(dir, "thumbs"),
    picture: (bytes) => {
      const file = path.join(dir, "pictures", `${++p}.jpg`);
      fs.writeFileSync(file, bytes);
      return file;
    },
  };
}

const keyframes = (...frames: number[]) =>
  frames.map((frame, i) => ({
    shot: i,
    frame,
    timecode: "10:00:00:00",
    seconds: frame / 25,
    hash: "0123456789abcdef",
  }));
const shown = async (catalog: SqliteCatalog, thumbs: string, clipId: number): Promise<Array<string | null>> =>
  (await catalog.keyframes(clipId)).map((k) => k.thumbnail && fs.readFileSync(path.join(thumbs, k.thumbnail), "utf8"));
const filesUnder = (folder: string): string[] =>
  fs.existsSync(folder)
    ? fs
        .readdirSync(folder, { recursive: true })
        .map(String)
        .filter((f) => fs.statSync(path.join(folder, f)).isFile())
        .sort()
    : [];

describe("catalog thumbnails", () => {
  it("are copied in under the clip's id, so clips of the same file name keep their own", async () => {
    const { catalog, thumbs, picture } = fresh();
    const a = await catalog.recordAnalysis(
      makeTagSet("/cardA/C0001.MP4", [], { keyframes: keyframes(10) }),
      ANALYZERS,
      { thumbnails: [picture("A")] },
    );
    const b = await catalog.recordAnalysis(
      makeTagSet("/cardB/C0001.MP4", [], { keyframes: keyframes(10) }),
      ANALYZERS,
      { thumbnails: [picture("B")] },
    );
    expect(await shown(catalog, thumbs, a.clipId)).toEqual(["A"]);
    expect(await shown(catalog, thumbs, b.clipId)).toEqual(["B"]);
    expect((await catalog.keyframes(a.clipId))[0]?.thumbnail).toBe(`${a.clipId}/${a.runId}-0000010.jpg`);
    catalog.dispose();
  });

  it("re-analysis replaces the clip's pictures and removes the old ones; a picture that cannot be copied is null", async () => {
    const { catalog, thumbs, picture } = fresh();
    const first = await catalog.recordAnalysis(
      makeTagSet("/m/a.mxf", [], { keyframes: keyframes(10, 50) }),
      ANALYZERS,
      { thumbnails: [picture("1"), picture("2")] },
    );
    const second = await catalog.recordAnalysis(
      makeTagSet("/m/a.mxf", [], { keyframes: keyframes(10, 80) }),
      ANALYZERS,
      {
        thumbnails: [picture("3"), path.join(root, "no-such.jpg")],
      },
    );
    expect(second.clipId).toBe(first.clipId);
    expect(await shown(catalog, thumbs, first.clipId)).toEqual(["3", null]);
    expect(filesUnder(thumbs)).toEqual([`${first.clipId}/${second.runId}-0000010.jpg`]);
    catalog.dispose();
  });

  it("a recording that fails leaves neither its copies nor a gap in the pictures it would have replaced", async () => {
    const { catalog, thumbs, picture } = fresh();
    const kept = await catalog.recordAnalysis(makeTagSet("/m/a.mxf", [], { keyframes: keyframes(10) }), ANALYZERS, {
      thumbnails: [picture("old")],
    });
    // A real SQLite failure inside the transaction, after the pictures were copied in.
    catalog.database.exec(
      "CREATE TRIGGER no_shots BEFORE INSERT ON shots BEGIN SELECT RAISE(ABORT, 'disk trouble'); END",
    );
    await expect(
      catalog.recordAnalysis(makeTagSet("/m/a.mxf", [], { keyframes: keyframes(10, 20) }), ANALYZERS, {
        thumbnails: [picture("new"), picture("new2")],
      }),
    ).rejects.toThrow(expect.objectContaining({ code: "SICHTER_E_CATALOG_UNAVAILABLE" }));
    expect(await shown(catalog, thumbs, kept.clipId)).toEqual(["old"]);
    expect(filesUnder(thumbs)).toEqual([`${kept.clipId}/${kept.runId}-0000010.jpg`]);
    catalog.dispose();
  });

  it("files a crashed run left in the clip's folder go with the clip's next analysis", async () => {
    const { catalog, thumbs, picture } = fresh();
    const first = await catalog.recordAnalysis(makeTagSet("/m/a.mxf", [], { keyframes: keyframes(10) }), ANALYZERS, {
      thumbnails: [picture("1")],
    });
    fs.writeFileSync(path.join(thumbs, String(first.clipId), "99-0000042.jpg"), "left by a killed writer");
    const second = await catalog.recordAnalysis(makeTagSet("/m/a.mxf", [], { keyframes: keyframes(12) }), ANALYZERS, {
      thumbnails: [picture("2")],
    });
    expect(filesUnder(thumbs)).toEqual([`${first.clipId}/${second.runId}-0000012.jpg`]);
    catalog.dispose();
  });
});

describe("catalog thumbnails of an older catalog (by file name)", () => {
  it("step 6 keeps a shared picture only for the clip that took it last, and serves the others as they were", async () => {
    const dir = path.join(root, "v5");
    const file = path.join(dir, "catalog.sqlite");
    const thumbs = path.join(dir, "thumbs");
    const v5 = openCatalogDatabase(
      file,
      MIGRATIONS.filter((m) => m.version <= 5),
    );
    // As a version-5 engine left it: /cardA and /cardB both wrote C0001.MP4/0000010.jpg, cardB last.
    v5.exec(`
      INSERT INTO clips (id, path, fingerprint, frame_rate, drop_frame, start_timecode, frame_count, duration_seconds, width, height, first_seen, last_analysed)
      VALUES (1, '/cardA/C0001.MP4', 'a', '25/1', 0, '00:00:00:00', 250, 10, 1920, 1080, '2026-01-01', '2026-01-01'),
             (2, '/cardB/C0001.MP4', 'b', '25/1', 0, '00:00:00:00', 250, 10, 1920, 1080, '2026-01-02', '2026-01-02'),
             (3, '/m/Interview.mov', 'c', '25/1', 0, '00:00:00:00', 250, 10, 1920, 1080, '2026-01-03', '2026-01-03');
      INSERT INTO analysis_runs (id, clip_id, started_at, finished_at, status, analyzers)
      VALUES (1, 1, '2026-01-01', '2026-01-01', 'completed', '[]'), (2, 2, '2026-01-02', '2026-01-02', 'completed', '[]'),
             (3, 3, '2026-01-03', '2026-01-03', 'completed', '[]');
      INSERT INTO keyframes (clip_id, shot_index, frame, timecode, seconds, hash, thumbnail)
      VALUES (1, 0, 10, '00:00:00:10', 0.4, 'h', 'C0001.MP4/0000010.jpg'), (1, 0, 30, '00:00:01:05', 1.2, 'h', 'C0001.MP4/0000030.jpg'),
             (2, 0, 10, '00:00:00:10', 0.4, 'h', 'C0001.MP4/0000010.jpg'), (3, 0, 5, '00:00:00:05', 0.2, 'h', 'Interview.mov/0000005.jpg');
    `);
    v5.close();
    for (const [name, bytes] of [
      ["C0001.MP4/0000010.jpg", "B"],
      ["C0001.MP4/0000030.jpg", "A"],
      ["Interview.mov/0000005.jpg", "I"],
    ] as const) {
      fs.mkdirSync(path.dirname(path.join(thumbs, name)), { recursive: true });
      fs.writeFileSync(path.join(thumbs, name), bytes);
    }

    const catalog = SqliteCatalog.open(file);
    expect(await shown(catalog, thumbs, 1)).toEqual([null, "A"]);
    expect(await shown(catalog, thumbs, 2)).toEqual(["B"]);
    expect(await shown(catalog, thumbs, 3)).toEqual(["I"]);
    // Re-analysing clip 1 removes its old picture (nobody else shows it), never clip 2's.
    const pictures = path.join(dir, "new.jpg");
    fs.writeFileSync(pictures, "A2");
    const again = await catalog.recordAnalysis(
      makeTagSet("/cardA/C0001.MP4", [], { keyframes: keyframes(12) }),
      ANALYZERS,
      { thumbnails: [pictures] },
    );
    expect(again.clipId).toBe(1);
    expect(await shown(catalog, thumbs, 1)).toEqual(["A2"]);
    expect(await shown(catalog, thumbs, 2)).toEqual(["B"]);
    expect(filesUnder(thumbs)).toEqual([
      `1/${again.runId}-0000012.jpg`,
      "C0001.MP4/0000010.jpg",
      "Interview.mov/0000005.jpg",
    ]);
    // Asking "does a keyframe still show this file?" uses the index, not a scan of every keyframe.
    const plan = catalog.database
      .prepare("EXPLAIN QUERY PLAN SELECT count(*) AS n FROM keyframes WHERE thumbnail = ?")
      .all("x");
    expect(JSON.stringify(plan)).toContain("keyframes_thumbnail");
    catalog.dispose();
  });
});

/**
 * Child process of crashSafety.test.ts: writes to the catalog in a tight loop until it is killed.
 * Usage: node --import tsx crashWriter.ts <catalog file>
 */
import { SqliteCatalog } from "../../src/catalog/SqliteCatalog.ts";
import { ANALYZERS, CRASH_TAGS_PER_RUN as TAGS_PER_RUN, makeTag, makeTagSet } from "./tagSetFixture.ts";

const file = process.argv[2];
if (!file) throw new Error("usage: crashWriter.ts <catalog file>");
const catalog = SqliteCatalog.open(file);
for (let i = 0; ; i++) {
  const clip = `/crash/clip-${i % 5}.mxf`;
  const tags = Array.from({ length: TAGS_PER_RUN }, (_, k) =>
    makeTag(`Stichwort ${i} ${k} Überflutung`, { startFrame: k * 10, endFrame: k * 10 + 5 }),
  );
  const ocrText = [{ startFrame: 0, endFrame: 10, text: `Laufschrift ${i}`.repeat(20) }];
  const { clipId } = await catalog.recordAnalysis(makeTagSet(clip, tags, { ocrText }), ANALYZERS);
  if (i % 7 === 0) await catalog.addUserTag(clipId, { label: `Notiz ${i}`, startFrame: 0, endFrame: 1 });
  if (i === 20) process.stdout.write("ready\n");
}

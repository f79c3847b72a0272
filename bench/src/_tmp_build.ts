import { SqliteCatalog, type AnalysisToRecord } from "@sichter/engine";
import { buildVocabulary, seededRandom } from "./search/newsVocabulary.ts";
import { syntheticTagSet } from "./search/syntheticArchive.ts";
const file = "/tmp/sx/catalog.sqlite";
const vocabulary = buildVocabulary();
const random = seededRandom(20261122);
const catalog = SqliteCatalog.open(file);
for (let first = 0; first < 100000; first += 1000) {
  const batch: AnalysisToRecord[] = [];
  for (let i = first; i < first + 1000; i++) batch.push({ tagSet: syntheticTagSet(i, 10, vocabulary, random), analyzers: [{ id: "b", version: "1" }] });
  catalog.recordAnalyses(batch);
}
catalog.dispose();

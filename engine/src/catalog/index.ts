/** The catalog: what was analysed, what people decided, and full-text search over it. */
export type {
  AnalysisRun,
  AnalysisToRecord,
  AnalyzerVersion,
  Catalog,
  RecordOptions,
  RecordResult,
  SearchFilters,
  SearchHit,
  SearchResult,
  StoredClip,
  StoredKeyframe,
  StoredTag,
  TagDecision,
  UserTag,
} from "./Catalog.ts";
export { SqliteCatalog } from "./SqliteCatalog.ts";
export { defaultCatalogPath, thumbnailsFolder } from "./catalogPath.ts";
export { fingerprintFile } from "./fingerprintFile.ts";
export { foldText } from "../text/foldText.ts";
export { SCHEMA_VERSION } from "./migrations.ts";

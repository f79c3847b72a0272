import type { TagPlan } from "@sichter/shared/model";
import { SqliteCatalog } from "../../src/catalog/SqliteCatalog.ts";
import type { ExtensionContext, SichterApi } from "../../src/extensions/api/SichterApi.ts";

let catalog: SqliteCatalog | undefined;

/**
 * The catalog writer opens the same SQLite file as the engine, in this process. WAL lets the
 * engine go on searching and updating its job queue while a clip is recorded here; a recording is
 * one transaction, so a killed process leaves the previous state of the clip, never half of it.
 */
export function activate(_context: ExtensionContext, api: SichterApi): void {
  api.tagWriters.register("sichter.catalog", {
    async write(plan, clip) {
      if (!clip.analysis) throw new Error("the catalog writer needs the whole analysis (it runs as a built-in only)");
      catalog ??= SqliteCatalog.open();
      const { clipId } = await catalog.recordAnalysis(clip.analysis.tagSet, clip.analysis.analyzers, {
        description: (plan as TagPlan).description,
        thumbnails: clip.analysis.thumbnails,
      });
      return { target: `catalog:${clipId}`, clipId };
    },
  });
}

export function deactivate(): void {
  catalog?.dispose();
  catalog = undefined;
}

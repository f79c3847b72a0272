import type { TagPlan, ExtensionContext, SichterApi } from "@sichter/engine/extension-api";
import type { Catalog } from "../../src/catalog/Catalog.ts";
import { openCatalog } from "../../src/catalog/openCatalog.ts";

let catalog: Promise<Catalog> | undefined;

/**
 * The catalog writer opens the engine's catalog in this process: the same SQLite file, or the
 * newsroom's PostgreSQL when SICHTER_CATALOG names one. WAL lets the
 * engine go on searching and updating its job queue while a clip is recorded here; a recording is
 * one transaction, so a killed process leaves the previous state of the clip, never half of it.
 */
export function activate(_context: ExtensionContext, api: SichterApi): void {
  api.tagWriters.register("sichter.catalog", {
    async write(plan, clip) {
      if (!clip.analysis) throw new Error("the catalog writer needs the whole analysis (it runs as a built-in only)");
      // One opening shared by writes that start together; a failed one is tried again next time.
      catalog ??= openCatalog().catch((error: unknown) => {
        catalog = undefined;
        throw error;
      });
      const { clipId } = await (await catalog).recordAnalysis(clip.analysis.tagSet, clip.analysis.analyzers, {
        description: (plan as TagPlan).description,
        thumbnails: clip.analysis.thumbnails,
      });
      return { target: `catalog:${clipId}`, clipId };
    },
  });
}

export async function deactivate(): Promise<void> {
  const open = catalog;
  catalog = undefined;
  (await open?.catch(() => undefined))?.dispose();
}

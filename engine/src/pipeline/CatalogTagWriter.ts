import type { Disposable } from "../core/Disposable.ts";
import type { TagWriter, TagWriterInput, TagWriterResult } from "../extensionApi/TagWriter.ts";
import type { Catalog } from "../catalog/Catalog.ts";
import { openCatalog } from "../catalog/openCatalog.ts";

/** The catalog's id among the tag writers, in every clip's report (`written.writers`). */
export const CATALOG_WRITER = "sichter.catalog";

/**
 * Records a finished analysis in the catalog: shots, thumbnails, tags with their provenance, and
 * the decisions people made, which re-analysis keeps. It is a pipeline stage of the engine, not an
 * extension: the catalog is the engine's own state (its job queue, search and decisions live there),
 * every analysis requires this write, and a failure here is the job's failure. Run from an
 * extension's process it needed a second connection to that state and the whole analysis sent
 * across a process boundary, for no isolation that protects anything: one transaction already
 * leaves the previous state of a clip when a process dies. See docs/extensions.md.
 */
export class CatalogTagWriter implements TagWriter, Disposable {
  readonly id = CATALOG_WRITER;
  private opened: Promise<Catalog> | undefined;

  private constructor(
    private readonly source: () => Promise<Catalog>,
    private readonly owned: boolean,
  ) {}

  /** Writes into a catalog its caller holds open (the engine service's). */
  static into(catalog: Catalog): CatalogTagWriter {
    return new CatalogTagWriter(async () => catalog, false);
  }

  /** Opens the configured catalog (SQLite, or the newsroom's PostgreSQL) at the first write, and closes it when disposed. */
  static opening(open: () => Promise<Catalog> = () => openCatalog()): CatalogTagWriter {
    return new CatalogTagWriter(open, true);
  }

  async prepare(): Promise<void> {
    await this.catalog();
  }

  async write(input: TagWriterInput): Promise<TagWriterResult> {
    const { tagSet, analyzers, thumbnails } = input.analysis;
    const catalog = await this.catalog();
    const { clipId } = await catalog.recordAnalysis(tagSet, analyzers, {
      description: input.plan.description,
      thumbnails,
    });
    return { target: `catalog:${clipId}`, details: { clipId } };
  }

  dispose(): void {
    const open = this.opened;
    this.opened = undefined;
    if (this.owned)
      void open?.then(
        (catalog) => catalog.dispose(),
        () => {},
      );
  }

  /** One opening shared by writes that start together; a failed one is tried again next time. */
  private catalog(): Promise<Catalog> {
    this.opened ??= this.source().catch((error: unknown) => {
      this.opened = undefined;
      throw error;
    });
    return this.opened;
  }
}

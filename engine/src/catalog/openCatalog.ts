import type { Catalog } from "./Catalog.ts";
import { defaultCatalogPath } from "./catalogPath.ts";
import { PostgresCatalog } from "./postgres/PostgresCatalog.ts";
import { readNewsroomSettings, type SettingSource } from "./newsroomSettings.ts";
import { isPostgresUrl } from "./postgres/postgresConnection.ts";
import { SqliteCatalog } from "./SqliteCatalog.ts";

export interface OpenCatalogOptions {
  /** Hears what opening a SQLite catalog repaired. */
  readonly warn?: (message: string) => void;
}

/**
 * Where this install's catalog lives: `SICHTER_CATALOG=postgres://…` (or `catalog` in
 * `<config>/newsroom.json`) puts it on a newsroom's PostgreSQL, shared by every editor's engine,
 * the command line and the workers; otherwise (the default, nothing to set up) it is the SQLite
 * file in the data folder. The variable wins over the file: set to anything else (`sqlite`), it
 * keeps this one command on the local catalog. A newsroom catalog keeps its keyframe thumbnails in
 * the database (every editor sees a worker's pictures); the SQLite catalog beside its file.
 */
export function configuredCatalog(env: NodeJS.ProcessEnv = process.env): {
  readonly kind: "sqlite" | "postgres";
  readonly location: string;
  readonly source: SettingSource;
} {
  const setting = env.SICHTER_CATALOG?.trim();
  if (setting) {
    if (isPostgresUrl(setting)) return { kind: "postgres", location: setting, source: "env" };
    return { kind: "sqlite", location: defaultCatalogPath(env), source: "env" };
  }
  const fromFile = readNewsroomSettings(env).catalog;
  if (fromFile) return { kind: "postgres", location: fromFile, source: "config" };
  return { kind: "sqlite", location: defaultCatalogPath(env), source: "default" };
}

export async function openCatalog(
  env: NodeJS.ProcessEnv = process.env,
  options: OpenCatalogOptions = {},
): Promise<Catalog> {
  const where = configuredCatalog(env);
  if (where.kind === "postgres") return PostgresCatalog.open(where.location);
  return SqliteCatalog.open(where.location, { ...(options.warn && { warn: options.warn }) });
}

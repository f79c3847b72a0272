import path from "node:path";
import { z } from "zod";
import { readSettingsFile } from "../core/readSettingsFile.ts";
import { sichterDirs } from "../core/SichterHome.ts";
import { isPostgresUrl } from "./postgres/postgresConnection.ts";

/**
 * `<config>/newsroom.json`: where a newsroom install finds its shared catalog and how this machine
 * sees the newsroom's media, so an engine started by a host application (which passes no
 * environment) joins the newsroom too. `SICHTER_CATALOG` and `SICHTER_PATH_MAP` win over it.
 *
 * ```json
 * { "catalog": "postgres://sichter:…@db.newsroom.example/sichter?sslmode=verify-full", "pathMap": "/Volumes/News=/mnt/news" }
 * ```
 */
const NewsroomSettings = z.strictObject({
  catalog: z
    .string()
    .refine(isPostgresUrl, { message: "must be a postgres:// URL (leave it out for this machine's own catalog)" })
    .optional(),
  pathMap: z.string().optional(),
});
export type NewsroomSettings = z.output<typeof NewsroomSettings>;

export function newsroomSettingsPath(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(sichterDirs(env).config, "newsroom.json");
}

/** The file's settings; none when it does not exist. A broken file is CONFIG_INVALID, never ignored. */
export function readNewsroomSettings(env: NodeJS.ProcessEnv = process.env): NewsroomSettings {
  return readSettingsFile(newsroomSettingsPath(env), NewsroomSettings) ?? {};
}

/** Where a setting came from, for `sichter engine info`. */
export type SettingSource = "env" | "config" | "default";

/** SICHTER_PATH_MAP, else the config file's `pathMap`. */
export function configuredPathMap(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const set = env.SICHTER_PATH_MAP?.trim();
  return set ? set : readNewsroomSettings(env).pathMap;
}

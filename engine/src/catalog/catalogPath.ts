import path from "node:path";
import { sichterDirs } from "../core/SichterHome.ts";

/** Where the catalog lives unless a path is given: `<data>/catalog.sqlite` (SICHTER_HOME moves it). */
export function defaultCatalogPath(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(sichterDirs(env).data, "catalog.sqlite");
}

/** Keyframe thumbnails are copied here by the caller; the catalog stores paths relative to it. */
export function thumbnailsFolder(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(sichterDirs(env).data, "thumbs");
}

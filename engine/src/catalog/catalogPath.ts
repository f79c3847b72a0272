import path from "node:path";
import { sichterDirs } from "../core/SichterHome.ts";

/** Where the catalog lives unless a path is given: `<data>/catalog.sqlite` (SICHTER_HOME moves it). */
export function defaultCatalogPath(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(sichterDirs(env).data, "catalog.sqlite");
}

/** Where the default catalog keeps keyframe thumbnails (`<data>/thumbs`); the engine serves them from here. */
export function thumbnailsFolder(env: NodeJS.ProcessEnv = process.env): string {
  return thumbnailsFolderOf(defaultCatalogPath(env));
}

/** A catalog's thumbnails sit beside its file; the catalog stores paths relative to this folder. */
export function thumbnailsFolderOf(catalogFile: string): string {
  return path.join(path.dirname(catalogFile), "thumbs");
}

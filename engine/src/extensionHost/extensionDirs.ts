import path from "node:path";
import { fileURLToPath } from "node:url";
import { sichterDirs } from "../core/SichterHome.ts";

/** The extensions that ship with the engine: `engine/extensions/*`. */
export const BUILTIN_EXTENSIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../extensions");

/** Where installed extensions, their private storage and the user's decisions live. */
export function extensionDirs(env: NodeJS.ProcessEnv = process.env): {
  userDir: string;
  storageDir: string;
  configDir: string;
} {
  const dirs = sichterDirs(env);
  return {
    userDir: path.join(dirs.data, "extensions"),
    storageDir: path.join(dirs.data, "extension-storage"),
    configDir: dirs.config,
  };
}

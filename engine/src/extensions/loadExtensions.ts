import { ENGINE_VERSION } from "../version.ts";
import { ExtensionRegistry } from "./ExtensionRegistry.ts";
import { BUILTIN_EXTENSIONS_DIR, extensionDirs } from "./extensionDirs.ts";

/** The registry as the CLI and the engine service use it: built-ins plus what the user installed. */
export function loadExtensions(log?: (level: "debug" | "info" | "warn" | "error", message: string) => void): ExtensionRegistry {
  return ExtensionRegistry.load({ builtinDirs: [BUILTIN_EXTENSIONS_DIR], ...extensionDirs(), engineVersion: ENGINE_VERSION, ...(log && { log }) });
}

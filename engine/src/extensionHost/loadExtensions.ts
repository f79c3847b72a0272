import { ENGINE_VERSION } from "../version.ts";
import { ExtensionRegistry } from "./ExtensionRegistry.ts";
import { BUILTIN_EXTENSIONS_DIR, extensionDirs } from "./extensionDirs.ts";
import { extensionIdleMs } from "./extensionIdleTime.ts";

/**
 * The registry as the CLI and the engine service use it: built-ins plus what the user installed,
 * their processes ending after `SICHTER_EXTENSION_IDLE_SECONDS` without work.
 */
export function loadExtensions(
  log?: (level: "debug" | "info" | "warn" | "error", message: string) => void,
): ExtensionRegistry {
  const idleMs = extensionIdleMs();
  return ExtensionRegistry.load({
    builtinDirs: [BUILTIN_EXTENSIONS_DIR],
    ...extensionDirs(),
    engineVersion: ENGINE_VERSION,
    ...(idleMs !== undefined && { idleMs }),
    ...(log && { log }),
  });
}

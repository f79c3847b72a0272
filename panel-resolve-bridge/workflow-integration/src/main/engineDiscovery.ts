import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** The engine's port when no runtime file names one (the README's default). */
export const DEFAULT_ENGINE_PORT = 7431;

export interface EngineAddress {
  readonly url: string;
  readonly token: string;
}

export interface DiscoveryEnvironment {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  readonly home: string;
}

export function currentEnvironment(): DiscoveryEnvironment {
  return { env: process.env, platform: process.platform, home: os.homedir() };
}

/**
 * Sichter's config and data folders, by the engine's convention (SICHTER_HOME relocates both;
 * otherwise the OS's place for application data). The plugin runs as the editor, like the engine.
 */
export function sichterFolders({ env, platform, home }: DiscoveryEnvironment): { config: string; data: string } {
  if (env.SICHTER_HOME) {
    const root = path.resolve(env.SICHTER_HOME);
    return { config: path.join(root, "config"), data: path.join(root, "data") };
  }
  if (platform === "darwin") {
    const base = path.join(home, "Library", "Application Support", "Sichter");
    return { config: path.join(base, "config"), data: path.join(base, "data") };
  }
  if (platform === "win32") {
    const appData = env.APPDATA ?? path.join(home, "AppData", "Roaming");
    const local = env.LOCALAPPDATA ?? path.join(home, "AppData", "Local");
    return { config: path.join(appData, "Sichter", "config"), data: path.join(local, "Sichter", "data") };
  }
  return {
    config: path.join(env.XDG_CONFIG_HOME ?? path.join(home, ".config"), "sichter"),
    data: path.join(env.XDG_DATA_HOME ?? path.join(home, ".local", "share"), "sichter"),
  };
}

/**
 * Where the local engine listens and its token: the token file the engine keeps (0600, readable by
 * the same user only) and the port from its runtime file (engine.json), else the default port.
 * Null while there is no token yet (the engine never ran for this user).
 */
export function discoverEngine(environment: DiscoveryEnvironment = currentEnvironment()): EngineAddress | null {
  const folders = sichterFolders(environment);
  let token: string;
  try {
    token = fs.readFileSync(path.join(folders.config, "engine-token"), "utf8").trim();
  } catch {
    return null;
  }
  if (token === "") return null;
  let port = DEFAULT_ENGINE_PORT;
  try {
    const runtime = JSON.parse(fs.readFileSync(path.join(folders.data, "engine.json"), "utf8")) as { port?: unknown };
    if (typeof runtime.port === "number" && Number.isInteger(runtime.port) && runtime.port > 0) port = runtime.port;
  } catch {
    // No runtime file: the engine is not running, or an older one; try the default port.
  }
  return { url: `ws://127.0.0.1:${port}`, token };
}

import os from "node:os";
import path from "node:path";

/**
 * Where Sichter keeps config, data and temporary files. `SICHTER_HOME` relocates all three at once
 * (tests use it for isolation); otherwise each follows the OS convention.
 */
export interface SichterDirs {
  readonly config: string;
  readonly data: string;
  readonly temp: string;
}

export function sichterDirs(env: NodeJS.ProcessEnv = process.env): SichterDirs {
  const home = env.SICHTER_HOME;
  if (home) {
    const root = path.resolve(home);
    return {
      config: path.join(root, "config"),
      data: path.join(root, "data"),
      temp: path.join(root, "tmp"),
    };
  }
  const user = os.homedir();
  switch (process.platform) {
    case "darwin": {
      const base = path.join(user, "Library", "Application Support", "Sichter");
      return {
        config: path.join(base, "config"),
        data: path.join(base, "data"),
        temp: path.join(os.tmpdir(), "sichter"),
      };
    }
    case "win32": {
      const appData = env.APPDATA ?? path.join(user, "AppData", "Roaming");
      const local = env.LOCALAPPDATA ?? path.join(user, "AppData", "Local");
      return {
        config: path.join(appData, "Sichter", "config"),
        data: path.join(local, "Sichter", "data"),
        temp: path.join(local, "Sichter", "tmp"),
      };
    }
    default:
      return {
        config: path.join(env.XDG_CONFIG_HOME ?? path.join(user, ".config"), "sichter"),
        data: path.join(env.XDG_DATA_HOME ?? path.join(user, ".local", "share"), "sichter"),
        temp: path.join(env.XDG_RUNTIME_DIR ?? os.tmpdir(), "sichter"),
      };
  }
}

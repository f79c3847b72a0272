import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { PROTOCOL_VERSION, type Locale } from "@sichter/shared/protocol";
import { SCHEMA_VERSION } from "../../catalog/index.ts";
import type { SettingSource } from "../../catalog/newsroomSettings.ts";
import { configuredCatalog } from "../../catalog/openCatalog.ts";
import { postgresConnection } from "../../catalog/postgres/postgresConnection.ts";
import { POSTGRES_SCHEMA_VERSION } from "../../catalog/postgres/postgresMigrations.ts";
import { sichterDirs } from "../../core/SichterHome.ts";
import type { ExtensionRegistry } from "../../extensionHost/ExtensionRegistry.ts";
import { extensionDirs } from "../../extensionHost/extensionDirs.ts";
import { loadExtensions } from "../../extensionHost/loadExtensions.ts";
import { privacyModeOf, type PrivacyMode } from "../../extensionHost/privacyMode.ts";
import { engineStatus, type EngineStatus } from "../../server/engineStatus.ts";
import { ENGINE_VERSION } from "../../version.ts";
import type { CliContext } from "../CliContext.ts";
import { parseCommandArgs, usageError } from "../parseCommandArgs.ts";

export const engineHelp = `Usage: sichter engine info [--json]

Whether the engine runs and on which port, and what it is and may do: its version, the privacy
mode (local-only: nothing leaves this machine; cloud: an enabled cloud keyword provider may send
keyframes, through the privacy guard) with every keyword provider, enabled or not, the folders it
uses (SICHTER_HOME moves them all) and the catalog's schema version. Reads manifests and the
engine's runtime file only; no extension is started.
  --json     machine-readable output`;

export interface EngineInfo {
  readonly version: string;
  readonly protocolVersion: number;
  readonly privacy: PrivacyMode;
  /** SICHTER_HOME when set (then every folder is under it), else null. */
  readonly home: string | null;
  readonly folders: {
    readonly config: string;
    readonly data: string;
    readonly temp: string;
    readonly extensions: string;
    readonly extensionStorage: string;
  };
  readonly catalog: {
    /** The local SQLite file (the default) or a newsroom's shared PostgreSQL. */
    readonly kind: "sqlite" | "postgres";
    /** Where it was set: SICHTER_CATALOG, `catalog` in config/newsroom.json, or neither. */
    readonly source: SettingSource;
    /** The SQLite file, or the PostgreSQL URL with its password shown as ***. */
    readonly path: string;
    /** The schema this engine writes. */
    readonly schemaVersion: number;
    /** The schema of the catalog file; null while there is none (or it cannot be read), and for PostgreSQL (not connected to). */
    readonly fileSchemaVersion: number | null;
  };
}

/** Everything `sichter engine info` reports, from manifests and files; starts no extension. */
export function engineInfo(
  registry: Pick<ExtensionRegistry, "extensions">,
  env: NodeJS.ProcessEnv = process.env,
): EngineInfo {
  const dirs = sichterDirs(env);
  const { userDir, storageDir } = extensionDirs(env);
  const where = configuredCatalog(env);
  const catalog =
    where.kind === "postgres"
      ? {
          kind: where.kind,
          source: where.source,
          path: redactedUrl(where.location),
          schemaVersion: POSTGRES_SCHEMA_VERSION,
          fileSchemaVersion: null,
        }
      : {
          kind: where.kind,
          source: where.source,
          path: where.location,
          schemaVersion: SCHEMA_VERSION,
          fileSchemaVersion: fileSchemaVersion(where.location),
        };
  return {
    version: ENGINE_VERSION,
    protocolVersion: PROTOCOL_VERSION,
    privacy: privacyModeOf(registry),
    home: env.SICHTER_HOME ? path.resolve(env.SICHTER_HOME) : null,
    folders: {
      config: dirs.config,
      data: dirs.data,
      temp: dirs.temp,
      extensions: userDir,
      extensionStorage: storageDir,
    },
    catalog,
  };
}

/** The URL as messages show it: never its password, even when the URL is otherwise unusable. */
function redactedUrl(url: string): string {
  try {
    return postgresConnection(url).display;
  } catch {
    return url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");
  }
}

/**
 * Read-only and without migrating: opening the catalog the usual way would create or upgrade it,
 * and an info command must leave things as they are.
 */
function fileSchemaVersion(file: string): number | null {
  if (!fs.existsSync(file)) return null;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return db.pragma("user_version", { simple: true }) as number;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/** The report with whether an engine runs on these folders (its runtime file, its pid, its /health). */
export type EngineReport = EngineInfo & { readonly engine: EngineStatus };

export async function engineCommand(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs("engine", args, {
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    context.stdout.write(`${engineHelp}\n`);
    return 0;
  }
  const [action, ...extra] = positionals;
  if (action !== "info")
    throw usageError(
      action === undefined ? "sichter engine needs an action: info" : `unknown action "${action}" (info)`,
    );
  if (extra.length > 0) throw usageError(`sichter engine info takes no arguments (not "${extra.join(" ")}")`);

  const registry = loadExtensions();
  try {
    const info: EngineReport = { ...engineInfo(registry), engine: await engineStatus(sichterDirs().data) };
    for (const p of registry.problems)
      context.stderr.write(`${p.error.code}: ${p.error.localizedMessage(context.locale)}\n`);
    context.stdout.write(values.json ? `${JSON.stringify(info, null, 2)}\n` : infoReport(info, context.locale));
    return 0;
  } finally {
    registry.dispose();
  }
}

const TEXT = {
  en: {
    engine: "Sichter engine",
    protocol: "protocol",
    mode: "Privacy mode",
    modes: {
      "local-only": "local-only (nothing leaves this machine)",
      cloud: "cloud (enabled cloud providers send keyframes, through the privacy guard)",
    },
    providers: "Keyword providers",
    none: "none installed",
    cloud: "cloud",
    local: "local",
    enabled: "enabled",
    disabled: "disabled",
    folders: "Folders",
    catalog: "Catalog",
    schema: (file: number | null, engine: number) =>
      `${file === null ? "not created yet" : `schema ${file}`}; this engine writes schema ${engine}`,
    shared: (engine: number, source: SettingSource) =>
      `newsroom PostgreSQL, set in ${source === "env" ? "SICHTER_CATALOG" : "config/newsroom.json"}; this engine writes schema ${engine}`,
    folderNames: {
      config: "config",
      data: "data",
      temp: "temp",
      extensions: "extensions",
      extensionStorage: "extension storage",
    },
    engineLine: "Engine",
    status: (s: EngineStatus) => {
      switch (s.state) {
        case "not-running":
          return "not running";
        case "starting":
          return `starting (pid ${s.pid})`;
        case "running":
          return `running on ws://127.0.0.1:${s.port} (pid ${s.pid}, since ${s.startedAt})`;
        case "not-responding":
          return `pid ${s.pid} holds port ${s.port} but does not answer there`;
      }
    },
  },
  de: {
    engine: "Sichter-Engine",
    protocol: "Protokoll",
    mode: "Datenschutzmodus",
    modes: {
      "local-only": "nur lokal (nichts verlässt diesen Rechner)",
      cloud: "Cloud (aktivierte Cloud-Anbieter senden Keyframes, über den Datenschutzfilter)",
    },
    providers: "Schlagwortanbieter",
    none: "keine installiert",
    cloud: "Cloud",
    local: "lokal",
    enabled: "aktiviert",
    disabled: "deaktiviert",
    folders: "Ordner",
    catalog: "Katalog",
    schema: (file: number | null, engine: number) =>
      `${file === null ? "noch nicht angelegt" : `Schema ${file}`}; diese Engine schreibt Schema ${engine}`,
    shared: (engine: number, source: SettingSource) =>
      `PostgreSQL der Redaktion, gesetzt in ${source === "env" ? "SICHTER_CATALOG" : "config/newsroom.json"}; diese Engine schreibt Schema ${engine}`,
    folderNames: {
      config: "Konfiguration",
      data: "Daten",
      temp: "Temporär",
      extensions: "Erweiterungen",
      extensionStorage: "Erweiterungsspeicher",
    },
    engineLine: "Engine",
    status: (s: EngineStatus) => {
      switch (s.state) {
        case "not-running":
          return "läuft nicht";
        case "starting":
          return `startet gerade (PID ${s.pid})`;
        case "running":
          return `läuft auf ws://127.0.0.1:${s.port} (PID ${s.pid}, seit ${s.startedAt})`;
        case "not-responding":
          return `PID ${s.pid} hat Port ${s.port}, antwortet dort aber nicht`;
      }
    },
  },
} as const;

function infoReport(info: EngineReport, locale: Locale): string {
  const t = TEXT[locale];
  const providers = info.privacy.providers.map((p) => [
    p.id,
    p.title,
    p.cloud ? t.cloud : t.local,
    p.enabled ? t.enabled : t.disabled,
  ]);
  const folders = (Object.keys(info.folders) as Array<keyof EngineInfo["folders"]>).map((name) => [
    t.folderNames[name],
    info.folders[name],
  ]);
  const lines = [
    `${t.engine} ${info.version} (${t.protocol} ${info.protocolVersion})`,
    `${t.engineLine}: ${t.status(info.engine)}`,
    "",
    `${t.mode}: ${t.modes[info.privacy.mode]}`,
    `${t.providers}:${providers.length === 0 ? ` ${t.none}` : ""}`,
    ...columns(providers).map((line) => `  ${line}`),
    "",
    `${t.folders}${info.home === null ? "" : ` (SICHTER_HOME=${info.home})`}:`,
    ...columns(folders).map((line) => `  ${line}`),
    "",
    `${t.catalog}: ${info.catalog.path} (${
      info.catalog.kind === "postgres"
        ? t.shared(info.catalog.schemaVersion, info.catalog.source)
        : t.schema(info.catalog.fileSchemaVersion, info.catalog.schemaVersion)
    })`,
  ];
  return `${lines.join("\n")}\n`;
}

function columns(rows: readonly string[][]): string[] {
  const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  return rows.map((row) =>
    row
      .map((cell, c) => cell.padEnd(widths[c]!))
      .join("  ")
      .trimEnd(),
  );
}

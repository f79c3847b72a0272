import fs from "node:fs";
import path from "node:path";
import { ErrorCode } from "@sichter/shared/errors";
import type { Analyzer } from "../extensionApi/Analyzer.ts";
import { SichterError } from "../core/SichterError.ts";
import type { Disposable } from "../core/Disposable.ts";
import { ExtensionAnalyzer } from "./ExtensionAnalyzer.ts";
import { ExtensionKeywordProvider } from "./ExtensionKeywordProvider.ts";
import {
  ExtensionKeyframeSelection,
  ExtensionShotDetection,
  type PipelineStepOptions,
} from "./ExtensionPipelineSteps.ts";
import type { KeyframeSelection } from "../extensionApi/KeyframeSelection.ts";
import type { ShotDetection } from "../extensionApi/ShotDetection.ts";
import { ExtensionState } from "./ExtensionState.ts";
import { ExtensionTagWriter } from "./ExtensionTagWriter.ts";
import { IdleClock } from "./IdleClock.ts";
import { loadVocabulary, type Vocabulary } from "../keywording/Vocabulary.ts";
import type { TagWriter } from "../extensionApi/TagWriter.ts";
import { ExtensionFailure } from "./host/ExtensionFailure.ts";
import { ExtensionProcess } from "./host/ExtensionProcess.ts";
import type { HostRequest } from "./host/ExtensionProcess.ts";
import {
  ManifestError,
  activationEventsOf,
  readManifest,
  validateConfiguration,
  type ExtensionManifest,
} from "./manifest/index.ts";

/** A whole clip's keyframes through one provider, retries and back-off included. */
const KEYWORDS_TIMEOUT_MS = 15 * 60_000;
/** A command is a quick action behind a panel button: it gets a minute, not an analysis's budget. */
const COMMAND_TIMEOUT_MS = 60_000;

export interface InstalledExtension {
  readonly id: string;
  readonly manifest: ExtensionManifest;
  readonly folder: string;
  /** Shipped with the engine (trusted, TypeScript) rather than installed by the user (restricted). */
  readonly builtin: boolean;
  readonly enabled: boolean;
  /** The user's settings, validated against the extension's configuration contribution. */
  readonly settings: Record<string, unknown>;
}

/** A folder that looked like an extension but could not be loaded; it is skipped, the rest load. */
export interface ExtensionProblem {
  readonly folder: string;
  readonly error: ManifestError;
}

export interface ExtensionRegistryOptions {
  /** Folders whose subfolders are extensions shipped with the engine. */
  readonly builtinDirs?: readonly string[];
  /** `<data>/extensions`: what the user installed. */
  readonly userDir: string;
  /** `<data>/extension-storage`: one private folder per extension. */
  readonly storageDir: string;
  readonly configDir: string;
  readonly engineVersion: string;
  /**
   * How long the extension processes may have no work before they end (they start again on the
   * next call); undefined or 0 keeps them until the engine stops. `onStartup` extensions stay.
   */
  readonly idleMs?: number;
  readonly log?: (level: "debug" | "info" | "warn" | "error", message: string) => void;
}

/**
 * Every installed extension and what it contributes. Loading reads manifests only: no extension
 * code runs until a contribution is needed (an analyzer when an analysis runs, or `onStartup`),
 * and a broken manifest is reported and skipped, never fatal.
 */
export class ExtensionRegistry implements Disposable {
  private readonly hosts = new Map<string, Promise<ExtensionProcess>>();
  /** Processes ended for idleness that are still deactivating; `stop()` waits for them too. */
  private readonly retiring = new Set<Promise<unknown>>();
  private readonly clock: IdleClock;
  /** Set by stop() and dispose(): no process starts after it, as nobody would end it. */
  private stopped = false;

  private constructor(
    readonly extensions: readonly InstalledExtension[],
    readonly problems: readonly ExtensionProblem[],
    private readonly options: ExtensionRegistryOptions,
  ) {
    this.clock = new IdleClock(options.idleMs, () => this.retireIdle());
  }

  static load(options: ExtensionRegistryOptions): ExtensionRegistry {
    const state = ExtensionState.load(options.configDir);
    const extensions: InstalledExtension[] = [];
    const problems: ExtensionProblem[] = [];
    const sources = [
      ...(options.builtinDirs ?? []).map((dir) => ({ dir, builtin: true })),
      { dir: options.userDir, builtin: false },
    ];
    for (const { dir, builtin } of sources) {
      for (const folder of subfolders(dir)) {
        const read = readManifest(folder, options.engineVersion);
        if (!read.ok) {
          problems.push({ folder, error: read.error });
          options.log?.("warn", `extension in ${folder} skipped: ${read.error.message}`);
          continue;
        }
        if (extensions.some((e) => e.id === read.id)) {
          options.log?.(
            "warn",
            `extension ${read.id} in ${folder} skipped: an extension with this id is already loaded`,
          );
          continue;
        }
        const configuration = read.manifest.sichter.contributes.configuration;
        const settings = configuration
          ? validateConfiguration(configuration, state.settings(read.id))
          : { ok: true as const, values: {} };
        if (!settings.ok) {
          const detail = settings.errors.map((e) => e.message).join("; ");
          problems.push({
            folder,
            error: ManifestError.invalid(folder, "invalid", [
              { field: `settings.${read.id}`, expected: "valid settings", found: detail, message: detail },
            ]),
          });
          continue;
        }
        // Cloud providers wait for the user's explicit "enable": local-only is the default mode.
        const sendsKeyframes = (read.manifest.sichter.contributes.keywordProviders ?? []).some((p) => p.cloud);
        extensions.push({
          id: read.id,
          manifest: read.manifest,
          folder,
          builtin,
          enabled: state.isEnabled(read.id, !sendsKeyframes),
          settings: settings.values,
        });
      }
    }
    return new ExtensionRegistry(extensions, problems, options);
  }

  /** Ids of extensions whose code has been loaded (a process started), for lazy-activation checks. */
  get activated(): string[] {
    return [...this.hosts.keys()];
  }

  /** The shot detector of the pipeline: the first enabled `"produces": "shots"` analyzer. */
  shotDetection(): ShotDetection {
    return new ExtensionShotDetection(this.pipelineStep("shots"));
  }

  /** The keyframe selector of the pipeline: the first enabled `"produces": "keyframes"` analyzer. */
  keyframeSelection(): KeyframeSelection {
    return new ExtensionKeyframeSelection(this.pipelineStep("keyframes"));
  }

  /** The analyzer contributions (`"produces": "tags"`) of enabled extensions; each starts its extension on first use. */
  analyzers(): Analyzer[] {
    return this.enabled().flatMap((extension) =>
      (extension.manifest.sichter.contributes.analyzers ?? [])
        .filter((a) => a.produces === "tags")
        .map(
          (contribution) =>
            new ExtensionAnalyzer({
              id: contribution.id,
              extensionId: extension.id,
              version: extension.manifest.version,
              timeoutSeconds: contribution.timeoutSeconds,
              startsAfter: contribution.startsAfter,
              trusted: extension.builtin,
              host: () => this.host(extension),
            }),
        ),
    );
  }

  /** The tag writer contributions of enabled extensions; each starts its extension on first use. */
  tagWriters(): TagWriter[] {
    return this.enabled().flatMap((extension) =>
      (extension.manifest.sichter.contributes.tagWriters ?? []).map(
        (c) => new ExtensionTagWriter(c.id, () => this.host(extension), extension.builtin),
      ),
    );
  }

  /** The keyword provider contributions of enabled extensions; each starts its extension on first use. */
  keywordProviders(): ExtensionKeywordProvider[] {
    return this.enabled().flatMap((extension) =>
      (extension.manifest.sichter.contributes.keywordProviders ?? []).map(
        (c) =>
          new ExtensionKeywordProvider({
            id: c.id,
            extensionId: extension.id,
            version: extension.manifest.version,
            cloud: c.cloud,
            contactSheets: c.contactSheets,
            timeoutMs: KEYWORDS_TIMEOUT_MS,
            host: () => this.host(extension),
          }),
      ),
    );
  }

  /**
   * The vocabularies of enabled extensions. Data, not code: they are read here, in the engine, and
   * no extension process starts for them. A file that does not parse is reported and left out.
   */
  vocabularies(): Vocabulary[] {
    return this.enabled().flatMap((extension) =>
      (extension.manifest.sichter.contributes.vocabularies ?? []).flatMap((c) => {
        try {
          return [loadVocabulary(c.id, path.join(extension.folder, c.path), c.format)];
        } catch (error) {
          this.options.log?.("warn", `vocabulary ${c.id} of ${extension.id} left out: ${(error as Error).message}`);
          return [];
        }
      }),
    );
  }

  /** Commands of enabled extensions, as panels list them. */
  commands(): Array<{ command: string; title: string; category?: string; when?: string; extensionId: string }> {
    return this.enabled().flatMap((e) =>
      (e.manifest.sichter.contributes.commands ?? []).map((c) => ({
        command: c.command,
        title: c.title,
        extensionId: e.id,
        ...(c.category !== undefined && { category: c.category }),
        ...(c.when !== undefined && { when: c.when }),
      })),
    );
  }

  /**
   * Runs a contributed command, activating its extension on first use (`onCommand:<id>`). An
   * extension with the "catalog" permission reads the caller's `catalog` meanwhile (see CommandServices).
   */
  async executeCommand(
    command: string,
    args: readonly unknown[] = [],
    services: CommandServices = {},
  ): Promise<unknown> {
    const extension = this.enabled().find((e) =>
      (e.manifest.sichter.contributes.commands ?? []).some((c) => c.command === command),
    );
    if (!extension) throw new SichterError(ErrorCode.EXTENSION_NOT_FOUND, { extension: command });
    const readsCatalog = extension.manifest.sichter.permissions.includes("catalog");
    return (await this.host(extension)).executeCommand(command, args, COMMAND_TIMEOUT_MS, (request) =>
      answerCommandRequest(request, readsCatalog, services),
    );
  }

  /** Starts the extensions that asked to run from the start (`onStartup`). */
  async activateStartup(): Promise<void> {
    const startup = this.enabled().filter((e) => activationEventsOf(e.manifest).includes("onStartup"));
    await Promise.allSettled(startup.map((e) => this.host(e)));
  }

  /** Deactivates every started extension (awaiting their `deactivate`) and ends their processes. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.clock.dispose();
    const hosts = [...this.hosts.values()];
    this.hosts.clear();
    await Promise.allSettled([...hosts.map(async (h) => (await h).stop()), ...this.retiring]);
  }

  dispose(): void {
    this.stopped = true;
    this.clock.dispose();
    for (const host of this.hosts.values())
      void host.then(
        (h) => h.dispose(),
        () => {},
      );
    this.hosts.clear();
  }

  private pipelineStep(produces: "shots" | "keyframes"): PipelineStepOptions {
    for (const extension of this.enabled()) {
      const contribution = (extension.manifest.sichter.contributes.analyzers ?? []).find(
        (a) => a.produces === produces,
      );
      if (contribution) {
        return {
          id: contribution.id,
          extensionId: extension.id,
          version: extension.manifest.version,
          timeoutSeconds: contribution.timeoutSeconds,
          host: () => this.host(extension),
        };
      }
    }
    // Without shots there is no analysis: say which built-in to enable again.
    throw new SichterError(ErrorCode.EXTENSION_NOT_FOUND, {
      extension: produces === "shots" ? "sichter.shots" : "sichter.keyframes",
    });
  }

  private enabled(): InstalledExtension[] {
    return this.extensions.filter((e) => e.enabled);
  }

  private host(extension: InstalledExtension): Promise<ExtensionProcess> {
    if (this.stopped) return Promise.reject(new SichterError(ErrorCode.SHUTTING_DOWN));
    const running = this.hosts.get(extension.id);
    // Handed out in a promise callback, and the call follows without a timer in between: the idle
    // clock, touched here, cannot end this process before the call it is fetched for has begun.
    const handOut = (h: ExtensionProcess): ExtensionProcess => {
      this.clock.touch();
      return h;
    };
    if (running) {
      // A process that died (crash, limit) is started afresh for the next analysis.
      return running.then(
        (h) => (h.alive ? handOut(h) : this.restart(extension).then(handOut)),
        () => this.restart(extension).then(handOut),
      );
    }
    return this.restart(extension).then(handOut);
  }

  /**
   * Ends the processes after the idle time without work (they hold hundreds of MB between jobs).
   * They leave the map before they are asked to deactivate, so whoever calls next starts a fresh
   * process and never meets one that is shutting down.
   */
  private retireIdle(): void {
    const resident = new Set(
      this.enabled()
        .filter((e) => activationEventsOf(e.manifest).includes("onStartup"))
        .map((e) => e.id),
    );
    const idle = [...this.hosts.entries()].filter(([id]) => !resident.has(id));
    if (idle.length === 0) return;
    for (const [id] of idle) this.hosts.delete(id);
    this.options.log?.(
      "info",
      `ending idle extension processes after ${(this.options.idleMs ?? 0) / 1000} s without work: ${idle.map(([id]) => id).join(", ")}`,
    );
    const stopping = Promise.allSettled(idle.map(async ([, h]) => (await h).stop()));
    this.retiring.add(stopping);
    void stopping.then(() => this.retiring.delete(stopping));
  }

  private restart(extension: InstalledExtension): Promise<ExtensionProcess> {
    // Also reached after stop() began, from a call that found its process ended by the stop.
    if (this.stopped) return Promise.reject(new SichterError(ErrorCode.SHUTTING_DOWN));
    const { manifest } = extension;
    const storage = path.join(this.options.storageDir, extension.id);
    fs.mkdirSync(storage, { recursive: true, mode: 0o700 });
    const analyzers = manifest.sichter.contributes.analyzers ?? [];
    const memoryMb = Math.max(64, ...analyzers.map((a) => a.memoryMb));
    this.options.log?.("info", `activating extension ${extension.id}`);
    const started = ExtensionProcess.start({
      launch: {
        id: extension.id,
        folder: extension.folder,
        main: path.join(extension.folder, manifest.sichter.main ?? "index.js"),
        storage,
        configuration: extension.settings,
      },
      memoryMb,
      // One process serves all of an extension's analyzers: it gives way only if all of them may.
      background: analyzers.length > 0 && analyzers.every((a) => a.background),
      trust: extension.builtin ? "trusted" : "restricted",
      extraReads: pathSettings(extension),
      // Native code is outside Node's permission model: only with the permission listed in the manifest.
      onnxRuntime: manifest.sichter.permissions.includes("onnxRuntime"),
      catalog: manifest.sichter.permissions.includes("catalog"),
      environment: environmentSettings(extension),
      activity: this.clock,
      ...(this.options.log && { log: this.options.log }),
    }).catch((error: unknown) => {
      throw error instanceof ExtensionFailure
        ? error
        : new ExtensionFailure("crashed", extension.id, `activation failed: ${(error as Error).message}`);
    });
    this.hosts.set(extension.id, started);
    return started;
  }
}

/** Settings declared as paths (a model file, a labels file) are what the extension may read besides its folder. */
function pathSettings(extension: InstalledExtension): string[] {
  const properties = extension.manifest.sichter.contributes.configuration?.properties ?? {};
  return Object.entries(properties)
    .filter(([, p]) => p.format === "path")
    .map(([key]) => extension.settings[key])
    .filter((v): v is string => typeof v === "string" && v.length > 0)
    .map((v) => path.resolve(extension.folder, v));
}

/** The environment variables the extension's settings name (`format: "env"`), with their values. */
function environmentSettings(extension: InstalledExtension): Record<string, string> {
  const properties = extension.manifest.sichter.contributes.configuration?.properties ?? {};
  const environment: Record<string, string> = {};
  for (const [key, property] of Object.entries(properties)) {
    const name = extension.settings[key] ?? property.default;
    if (property.format !== "env" || typeof name !== "string") continue;
    const value = process.env[name];
    if (value !== undefined) environment[name] = value;
  }
  return environment;
}

function subfolders(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && !d.name.startsWith("."))
      .map((d) => path.join(dir, d.name))
      .sort();
  } catch {
    return [];
  }
}

/**
 * What a command's caller lends it: plans of catalogued clips, from the catalog it holds open (the
 * engine's, or the one the CLI opened). See `api.catalog`.
 */
export interface CommandServices {
  readonly catalogPlan?: (clip: string | number, language: "de" | "en") => Promise<unknown>;
}

async function answerCommandRequest(
  request: HostRequest,
  readsCatalog: boolean,
  services: CommandServices,
): Promise<unknown> {
  if (request.method !== "catalog.plan") throw new Error(`a command may not ask for ${request.method}`);
  if (!readsCatalog) throw new Error('api.catalog needs the "catalog" permission in the manifest');
  if (!services.catalogPlan)
    throw new SichterError(ErrorCode.CATALOG_UNAVAILABLE, {
      path: "catalog",
      detail: "no catalog is open for this command",
    });
  const { clip, language } = request.params;
  if (typeof clip !== "string" && typeof clip !== "number")
    throw new Error("api.catalog.plan needs a catalog id or a path");
  return services.catalogPlan(clip, language === "de" ? "de" : "en");
}

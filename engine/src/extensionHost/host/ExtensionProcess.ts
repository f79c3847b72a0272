import { fork, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Disposable } from "../../core/Disposable.ts";
import type { EngineToHost, ExtensionLaunch, HostError, HostToEngine } from "./hostProtocol.ts";

/** What an extension may ask of the engine while one of its calls runs. */
export type HostRequest = Extract<HostToEngine, { type: "request" }>;
import { ErrorCode } from "@sichter/shared/errors";
import { SichterError } from "../../core/SichterError.ts";
import { ExtensionFailure } from "./ExtensionFailure.ts";

/** Error codes an extension may report as its own (see `thrown`). */
const PASSED_THROUGH = /^SICHTER_E_(PROVIDER|PRIVACY)_/;
const HERE = path.dirname(fileURLToPath(import.meta.url));
/** The host's own code: readable, never writable. */
const HOST_READS = [path.join(HERE, "hostMain.mjs")];
/** How long activate() and deactivate() may take. */
const LIFECYCLE_TIMEOUT_MS = 20_000;
/** Tells hostMain.mjs to offer `api.onnx` (the manifest's "onnxRuntime" permission). */
const ONNX_RUNTIME_ARG = "--sichter-onnx-runtime";
/** Tells hostMain.mjs to offer `api.catalog` (the manifest's "catalog" permission). */
const CATALOG_ARG = "--sichter-catalog";

/**
 * Niceness of a background extension's process: low enough to give way to the other analyzers,
 * not so low that it starves behind unrelated work (os.constants.priority.PRIORITY_BELOW_NORMAL;
 * on Windows the "below normal" class).
 */
const BACKGROUND_PRIORITY = os.constants.priority.PRIORITY_BELOW_NORMAL;

export interface ExtensionProcessOptions {
  readonly launch: ExtensionLaunch;
  /** Heap limit of the process; past it V8 ends the process and the engine reports it. */
  readonly memoryMb: number;
  /** Lower CPU priority for the process (see the `background` analyzer property). */
  readonly background?: boolean;
  /**
   * `restricted` (third-party): Node's permission model, plain JavaScript only. `trusted` (the
   * built-ins, TypeScript, native ONNX runtime): no permission model, still a process of its own
   * with the same memory limit and time limits.
   */
  readonly trust: "restricted" | "trusted";
  /** Further files or folders the extension may read (configured model paths). */
  readonly extraReads?: readonly string[];
  /**
   * The manifest's "onnxRuntime" permission: the host offers `api.onnx`. A restricted host may then
   * load native addons (`--allow-addons`) and read the onnxruntime-node package.
   */
  readonly onnxRuntime?: boolean;
  /** The manifest's "catalog" permission: the host offers `api.catalog`, answered by the engine. */
  readonly catalog?: boolean;
  /** Environment variables the extension's settings name (`format: "env"`, an API key); nothing else of the engine's. */
  readonly environment?: Readonly<Record<string, string>>;
  /** Told of every message awaiting an answer, from sending to settling (the registry's idle clock). */
  readonly activity?: { begin(): () => void };
  readonly log?: (level: "debug" | "info" | "warn" | "error", message: string) => void;
}

export interface CallOptions {
  readonly timeoutMs: number;
  readonly onProgress?: (stage: string, fraction: number) => void;
  readonly onRequest?: (request: HostRequest) => Promise<unknown>;
  readonly signal?: AbortSignal;
}

/**
 * One extension in a process of its own, started with Node's permission model: it reads its folder,
 * writes its storage folder, and nothing else (no engine token, no other extension's data, no
 * child processes). A call that throws, hangs past its time or runs out of memory ends as an
 * ExtensionFailure with a code; the engine goes on.
 */
export class ExtensionProcess implements Disposable {
  private readonly calls = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void; options?: CallOptions }
  >();
  private nextId = 1;
  private stderrTail = "";
  private exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private readonly exit: Promise<void>;
  analyzers: readonly string[] = [];
  commands: readonly string[] = [];
  tagWriters: readonly string[] = [];
  keywordProviders: readonly string[] = [];

  private constructor(
    private readonly child: ChildProcess,
    private readonly options: ExtensionProcessOptions,
  ) {
    child.stderr?.on("data", (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString()).slice(-4000);
    });
    child.on("message", (message: HostToEngine) => this.onMessage(message));
    // Writing to a host that just died fails asynchronously (EPIPE); its exit is reported instead.
    child.on("error", (error) => this.options.log?.("debug", `extension ${this.id}: ${error.message}`));
    this.exit = new Promise((resolve) => child.once("exit", () => resolve()));
    child.on("exit", (code, signal) => {
      this.exited = { code, signal };
      const failure = this.exitFailure(code, signal);
      for (const call of this.calls.values()) call.reject(failure);
      this.calls.clear();
    });
  }

  get id(): string {
    return this.options.launch.id;
  }

  get alive(): boolean {
    return this.exited === undefined;
  }

  static async start(options: ExtensionProcessOptions): Promise<ExtensionProcess> {
    const { launch } = options;
    const reads = [
      ...HOST_READS,
      launch.folder,
      launch.storage,
      ...(options.extraReads ?? []),
      ...(options.onnxRuntime ? onnxRuntimeReads() : []),
    ];
    const restricted = options.trust === "restricted";
    const child = fork(
      path.join(HERE, restricted ? "hostMain.mjs" : "hostEntry.mjs"),
      [...(options.onnxRuntime ? [ONNX_RUNTIME_ARG] : []), ...(options.catalog ? [CATALOG_ARG] : [])],
      {
        cwd: launch.folder,
        execArgv: [
          "--no-warnings",
          ...(restricted
            ? [
                "--experimental-permission",
                ...reads.map((p) => `--allow-fs-read=${p}`),
                `--allow-fs-write=${launch.storage}`,
                ...(options.onnxRuntime ? ["--allow-addons"] : []),
              ]
            : []),
          `--max-old-space-size=${options.memoryMb}`,
        ],
        // A third party gets nothing of the engine's environment (no SICHTER_* paths, no proxies)
        // but what its own settings name. Built-ins are the engine's code and need what it needs
        // (SICHTER_HOME for the catalog, SICHTER_FFMPEG).
        env: restricted
          ? { ...options.environment, PATH: process.env.PATH ?? "", LANG: process.env.LANG ?? "C.UTF-8" }
          : { ...process.env, ...options.environment },
        serialization: "advanced",
        stdio: ["ignore", "ignore", "pipe", "ipc"],
      },
    );
    const host = new ExtensionProcess(child, options);
    if (options.background && child.pid !== undefined) {
      // Set from here, before the extension starts any ffmpeg: those inherit it.
      try {
        os.setPriority(child.pid, BACKGROUND_PRIORITY);
      } catch (error) {
        options.log?.("warn", `extension ${launch.id}: could not lower its priority: ${(error as Error).message}`);
      }
    }
    try {
      const activated = (await host.send({ type: "activate", id: 0, extension: launch }, LIFECYCLE_TIMEOUT_MS)) as {
        analyzers: string[];
        commands: string[];
        tagWriters: string[];
        keywordProviders: string[];
      };
      host.analyzers = activated.analyzers;
      host.commands = activated.commands;
      host.tagWriters = activated.tagWriters;
      host.keywordProviders = activated.keywordProviders;
      return host;
    } catch (error) {
      host.dispose();
      throw error;
    }
  }

  /** Runs `analyze` of one analyzer contribution in the extension. */
  analyze(contribution: string, input: unknown, options: CallOptions): Promise<unknown> {
    return this.send({ type: "call", id: 0, contribution, method: "analyze", input }, options.timeoutMs, options);
  }

  /** Hands a tag plan to a tag writer contribution (a MAM, a newsroom system). */
  write(
    contribution: string,
    input: { plan: unknown; clip: unknown; request: unknown; analysis?: unknown },
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<unknown> {
    return this.send({ type: "call", id: 0, contribution, method: "write", input }, timeoutMs, {
      timeoutMs,
      ...(signal && { signal }),
    });
  }

  /** Asks a keyword provider contribution for keywords; its requests out come back as `privacy.send`. */
  provideKeywords(
    contribution: string,
    input: { images: unknown; languages: readonly string[] },
    options: CallOptions,
  ): Promise<unknown> {
    return this.send(
      { type: "call", id: 0, contribution, method: "provideKeywords", input },
      options.timeoutMs,
      options,
    );
  }

  /** Runs a contributed command's handler with `args`; what it asks the engine for meanwhile goes to `onRequest`. */
  executeCommand(
    command: string,
    args: readonly unknown[],
    timeoutMs: number,
    onRequest?: CallOptions["onRequest"],
  ): Promise<unknown> {
    return this.send({ type: "call", id: 0, contribution: command, method: "command", input: args }, timeoutMs, {
      timeoutMs,
      ...(onRequest && { onRequest }),
    });
  }

  /** Lets the extension deactivate (awaited, with a time limit), then ends its process; resolves once it is gone. */
  async stop(): Promise<void> {
    if (this.alive && this.child.connected) {
      try {
        await this.send({ type: "deactivate", id: 0 }, LIFECYCLE_TIMEOUT_MS);
      } catch (error) {
        this.options.log?.("warn", `extension ${this.id}: deactivate failed: ${(error as Error).message}`);
      }
    }
    this.dispose();
    // A process that never started (no pid) has no exit to wait for.
    if (this.alive && this.child.pid !== undefined) await this.exit;
  }

  dispose(): void {
    if (this.alive) this.child.kill("SIGKILL");
  }

  private send(message: EngineToHost & { id: number }, timeoutMs: number, options?: CallOptions): Promise<unknown> {
    if (!this.alive || !this.child.connected) {
      return Promise.reject(this.exitFailure(this.exited?.code ?? null, this.exited?.signal ?? null));
    }
    const id = this.nextId++;
    const ended = this.options.activity?.begin();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        // A contribution past its time is not asked nicely: its process may be stuck in a loop.
        this.calls.delete(id);
        ended?.();
        reject(
          new ExtensionFailure(
            "timeout",
            this.id,
            `no answer within ${Math.round(timeoutMs / 1000)} s; the extension was stopped`,
          ),
        );
        this.dispose();
      }, timeoutMs);
      const onAbort = () => this.child.connected && this.child.send({ type: "cancel", id } satisfies EngineToHost);
      options?.signal?.addEventListener("abort", onAbort, { once: true });
      const settle =
        <T>(fn: (v: T) => void) =>
        (v: T) => {
          clearTimeout(timer);
          options?.signal?.removeEventListener("abort", onAbort);
          ended?.();
          fn(v);
        };
      this.calls.set(id, { resolve: settle(resolve), reject: settle(reject), ...(options && { options }) });
      this.child.send({ ...message, id });
    });
  }

  private onMessage(message: HostToEngine): void {
    switch (message.type) {
      case "reply": {
        const call = this.calls.get(message.id);
        this.calls.delete(message.id);
        if (!call) return;
        if (message.ok) call.resolve(message.value);
        else call.reject(this.thrown(message.error));
        return;
      }
      case "progress":
        this.calls.get(message.id)?.options?.onProgress?.(message.stage, message.fraction);
        return;
      case "request": {
        const handler = this.calls.get(message.call)?.options?.onRequest;
        const answer = (reply: EngineToHost) => this.alive && this.child.connected && this.child.send(reply);
        if (!handler)
          return void answer({
            type: "reply",
            id: message.id,
            ok: false,
            error: { message: "the call this request belongs to is not running" },
          });
        handler(message).then(
          (value) => answer({ type: "reply", id: message.id, ok: true, value }),
          (error: Error & { code?: unknown; params?: unknown }) =>
            answer({
              type: "reply",
              id: message.id,
              ok: false,
              error: {
                message: error.message,
                ...(typeof error.code === "string" && { code: error.code }),
                // A SichterError keeps its parameters, so the extension can pass it on in the user's language.
                ...(error.params !== null &&
                  typeof error.params === "object" && {
                    params: { ...(error.params as Record<string, string | number>) },
                  }),
              },
            }),
        );
        return;
      }
      case "log":
        this.options.log?.(message.level, `extension ${this.id}: ${message.message}`);
    }
  }

  private thrown(error: HostError): SichterError {
    // Codes keep their meaning across the process boundary (a rate limit is not "the extension
    // failed"; a refused embed is XMP_UNSUPPORTED_FORMAT): all of a built-in's, and a third
    // party's provider and privacy codes. Any other code a third party makes up is its failure.
    const code = Object.values(ErrorCode).find((c) => c === error.code);
    if (code && (this.options.trust === "trusted" || PASSED_THROUGH.test(code))) {
      return new SichterError(code, { provider: this.id, detail: error.message, ...error.params });
    }
    return new ExtensionFailure("threw", this.id, error.message);
  }

  private exitFailure(code: number | null, signal: NodeJS.Signals | null): ExtensionFailure {
    if (/heap out of memory|Allocation failed/i.test(this.stderrTail)) {
      return new ExtensionFailure("memory", this.id, `ran out of its ${this.options.memoryMb} MB memory limit`);
    }
    const denied = /ERR_ACCESS_DENIED[\s\S]*?resource: '([^']+)'/.exec(this.stderrTail);
    if (denied)
      return new ExtensionFailure("denied", this.id, `tried to access ${denied[1]}, which extensions may not`);
    return new ExtensionFailure("crashed", this.id, `its process ended (${signal ?? `exit ${code}`})`);
  }
}

/**
 * What a restricted host reads to load the ONNX runtime: the onnxruntime-node package (JS and its
 * `.node` binding) and the onnxruntime-common it requires. The shared libraries the binding links
 * are loaded by the OS, outside Node's permission model.
 */
function onnxRuntimeReads(): string[] {
  const node = createRequire(import.meta.url).resolve("onnxruntime-node");
  const common = createRequire(node).resolve("onnxruntime-common");
  return [packageFolder(node, "onnxruntime-node"), packageFolder(common, "onnxruntime-common")];
}

function packageFolder(file: string, name: string): string {
  let dir = path.dirname(file);
  while (path.basename(dir) !== name && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

import http from "node:http";
import type { Duplex } from "node:stream";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { WebSocketServer, type WebSocket } from "ws";
import { ErrorCode, PROTOCOL_VERSION, WireLimits, formatErrorMessage } from "@sichter/shared/protocol";
import type { Catalog } from "../catalog/Catalog.ts";
import { configuredCatalog, openCatalog } from "../catalog/openCatalog.ts";
import { SqliteCatalog } from "../catalog/SqliteCatalog.ts";
import { defaultCatalogPath, thumbnailsFolder } from "../catalog/catalogPath.ts";
import { sweepStaleJobFolders } from "../core/JobTempFolder.ts";
import { SichterError } from "../core/SichterError.ts";
import { sichterDirs, type SichterDirs } from "../core/SichterHome.ts";
import { JobQueue, type JobEvent, type JobRunner } from "../jobs/JobQueue.ts";
import { toWireJob } from "../jobs/toWireJob.ts";
import { SharedEngineJobs } from "../jobs/postgres/SharedEngineJobs.ts";
import { SharedJobQueue } from "../jobs/postgres/SharedJobQueue.ts";
import { loadExtensions } from "../extensionHost/loadExtensions.ts";
import type { ExtensionRegistry } from "../extensionHost/ExtensionRegistry.ts";
import { contributionIds } from "../extensionHost/manifest/index.ts";
import { ProviderGates } from "../keywording/privacy/PrivacyGuard.ts";
import type { PrivacyContext } from "../pipeline/PrivacyContext.ts";
import { privacyContextFor } from "../pipeline/privacyContextFor.ts";
import { ENGINE_VERSION } from "../version.ts";
import { analysisRunner } from "./analysisRunner.ts";
import { EngineLock } from "./EngineLock.ts";
import { JobAudience } from "./JobAudience.ts";
import { loadOrCreateToken, tokenMatches } from "./EngineToken.ts";
import { Logger } from "./Logger.ts";
import { dispatcher, methodHandlers } from "./methodHandlers.ts";
import { isAllowedOrigin, isLoopbackHost, isOpaqueOrigin } from "./originPolicy.ts";
import { RateLimiter } from "./RateLimiter.ts";
import { RpcConnection } from "./RpcConnection.ts";
import { notFound, serveFile } from "./staticFiles.ts";
import { MEDIA_ROUTE, serveMedia, type MediaRouteContext } from "./http/mediaRoutes.ts";
import { httpRpcRoute } from "./http/rpcRoute.ts";
import { serveStoredThumbnail, storesThumbnails } from "./http/storedThumbnails.ts";
import { MediaLibrary } from "./media/MediaLibrary.ts";
import { MediaFolders } from "../media/MediaFolders.ts";
import { ProbeCache } from "../media/ProbeCache.ts";
import { CatalogTagWriter } from "../pipeline/CatalogTagWriter.ts";

/** The port panels try first; documented in the README. `--port` / SICHTER_PORT change it. */
export const DEFAULT_PORT = 7431;
export { ENGINE_VERSION };

export interface EngineServiceOptions {
  /** 0 picks a free port (tests). Default DEFAULT_PORT. */
  readonly port?: number;
  readonly verbose?: boolean;
  /** Heavy analyses at once (default 1: one analysis already keeps two cores busy). */
  readonly concurrency?: number;
  /** Folder of the browser panel's built files, served at `/`. */
  readonly panelDir?: string;
  /** Folders a panel may browse and stream from (`--media`), besides those in config/media.json. */
  readonly mediaFolders?: readonly string[];
  /** Replaces the analysis (tests of the queue and the wire only). */
  readonly runner?: JobRunner;
}

const PLACEHOLDER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../static");
/** Requests per second a connection may average, and the burst it may spend at once: far above a panel, far below a runaway loop. */
const RATE = { burst: 500, perSecond: 250 };
/**
 * How long a stopping engine waits, beyond its own shutdown, for its WebSocket peers to answer the
 * close frame. ws itself waits 30 s, and a page on a loaded machine (or one that stopped reading)
 * may never answer: past this the socket is dropped, so it cannot keep the process alive.
 */
const CLOSE_HANDSHAKE_MS = 2_000;
/** How long a stopping engine waits for its running analyses to end; a stuck one is resumed on the next start. */
const JOB_DRAIN_MS = 10_000;

/**
 * The long-running local engine: HTTP and WebSocket on 127.0.0.1 only. Every WebSocket upgrade
 * passes three gates before any method can run: a loopback Host (DNS rebinding), an allowed
 * Origin (web pages), and the per-install token. Jobs run in a durable queue in the catalog
 * database and survive restarts; a connection hears the jobs it started, joined or subscribed to.
 */
export class EngineService {
  private readonly connections = new Set<RpcConnection>();
  private nextConnection = 1;
  private stopping: Promise<void> | undefined;

  private constructor(
    private readonly http: http.Server,
    private readonly wss: WebSocketServer,
    private readonly catalog: Catalog,
    /** The local SQLite file: the job queue, usage ledger and transparency record, and the catalog unless it is on PostgreSQL. */
    private readonly store: SqliteCatalog,
    private readonly jobs: JobQueue,
    private readonly extensions: ExtensionRegistry,
    readonly log: Logger,
    readonly port: number,
    private readonly audience: JobAudience<RpcConnection>,
    private readonly lock: EngineLock,
    /** The newsroom's shared queue, when the catalog is on PostgreSQL. */
    private readonly shared: { readonly queue: SharedJobQueue; readonly jobs: SharedEngineJobs } | undefined,
  ) {}

  get url(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  get httpUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  static async start(options: EngineServiceOptions = {}): Promise<EngineService> {
    const dirs = sichterDirs();
    // One engine per SICHTER_HOME, settled before anything touches its catalog or temp folder.
    const lock = await EngineLock.acquire(dirs.data, ENGINE_VERSION);
    try {
      return await EngineService.startLocked(options, dirs, lock);
    } catch (error) {
      lock.dispose();
      throw error;
    }
  }

  private static async startLocked(
    options: EngineServiceOptions,
    dirs: SichterDirs,
    lock: EngineLock,
  ): Promise<EngineService> {
    const token = loadOrCreateToken(dirs.config);
    const log = new Logger({ dir: path.join(dirs.data, "logs"), verbose: options.verbose ?? false, secrets: [token] });
    sweepStaleJobFolders(dirs.temp);
    const store = SqliteCatalog.open(defaultCatalogPath(), {
      warn: (message) => log.warn("catalog.repaired", { message }),
    });
    let catalog: Catalog = store;
    let shared: { queue: SharedJobQueue; jobs: SharedEngineJobs } | undefined;
    const where = configuredCatalog();
    if (where.kind === "postgres") {
      try {
        catalog = await openCatalog();
        // A panel's analyses go to the newsroom's workers, and their progress comes back here.
        const queue = await SharedJobQueue.open(where.location).catch(async (error: unknown) => {
          catalog.dispose();
          throw error;
        });
        shared = {
          queue,
          jobs: await SharedEngineJobs.start(queue, (level, message, fields) => log[level](message, fields)),
        };
      } catch (error) {
        store.dispose();
        throw error;
      }
    }
    const extensions = loadExtensions((level, message) => log[level]("extension", { message }));
    // Every step is an extension (engine/extensions/ holds the built-ins): one path for all of them.
    const gates = new ProviderGates();
    // Read per job: an edited privacy.json counts from the next job on, without a restart.
    const privacy = (jobId: string): PrivacyContext =>
      privacyContextFor({ registry: extensions, configDir: dirs.config, database: () => store.database, gates })(jobId);
    const jobs = JobQueue.open(
      store.database,
      options.runner ?? analysisRunner(extensions, privacy, CatalogTagWriter.into(catalog)),
      {
        concurrency: options.concurrency ?? 1,
        log: (level, message, fields) => log[level](message, fields),
      },
    );
    const capabilities = capabilitiesOf(extensions);
    const media = new MediaLibrary(
      new MediaFolders(options.mediaFolders ?? [], dirs.config),
      new ProbeCache(),
      catalog,
    );
    const audience = new JobAudience<RpcConnection>();
    const dispatch = dispatcher(
      methodHandlers({
        catalog,
        store: store.database,
        jobs,
        ...(shared && { sharedJobs: shared.jobs }),
        audience,
        extensions,
        version: ENGINE_VERSION,
        capabilities,
        media,
        configDir: dirs.config,
      }),
    );

    const server = http.createServer();
    const wss = new WebSocketServer({ noServer: true, maxPayload: 4 * WireLimits.messageChars });
    try {
      await listen(server, options.port ?? DEFAULT_PORT);
    } catch (error) {
      jobs.dispose();
      await shared?.jobs.close();
      await shared?.queue.close();
      if (catalog !== store) catalog.dispose();
      store.dispose();
      extensions.dispose();
      throw error;
    }
    const port = (server.address() as { port: number }).port;
    lock.setPort(port);
    const service = new EngineService(server, wss, catalog, store, jobs, extensions, log, port, audience, lock, shared);
    const self = service;
    const rpc = httpRpcRoute({ port, token, dispatch, log, stopping: () => self.stopping !== undefined });
    server.on("request", (req, res) =>
      rpc.handles(req)
        ? rpc.serve(req, res)
        : self.onHttp(req, res, token, options.panelDir ?? PLACEHOLDER_DIR, { folders: media.folders, catalog, token }),
    );
    server.on("upgrade", (req, socket, head) => self.onUpgrade(req, socket, head, token, dispatch));
    jobs.onEvent((event) => self.broadcast(event));
    shared?.jobs.onEvent((event) => self.broadcast(event));
    jobs.start();
    void extensions.activateStartup();
    log.info("engine.started", { port, version: ENGINE_VERSION, protocolVersion: PROTOCOL_VERSION, pid: process.pid });
    return service;
  }

  /**
   * Graceful stop: no new connections or jobs; a running analysis is cancelled (its ffmpeg and
   * exiftool children end with it) and put back in the queue, so the next start resumes it.
   */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.log.info("engine.stopping");
      this.http.close();
      for (const connection of this.connections) connection.close(1001, "engine shutting down");
      await this.jobs.shutdown({ drainMs: JOB_DRAIN_MS });
      this.jobs.dispose();
      // Jobs of the shared queue go on without this engine: a worker has them, not this process.
      await this.shared?.jobs.close();
      await this.shared?.queue.close();
      await this.extensions.stop();
      if (this.catalog !== this.store) this.catalog.dispose();
      this.store.dispose();
      await this.dropUnclosedConnections();
      this.http.closeAllConnections();
      this.lock.dispose();
      this.log.info("engine.stopped");
      // What still holds the event loop open once everything the engine owns is closed.
      this.log.debug("engine.stopped.resources", { active: process.getActiveResourcesInfo() });
    })();
    return this.stopping;
  }

  /** Waits a little for the close handshakes begun in stop(), then drops the sockets still open. */
  private async dropUnclosedConnections(): Promise<void> {
    const open = [...this.connections];
    if (open.length === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_HANDSHAKE_MS)));
    await Promise.race([Promise.all(open.map((c) => c.whenClosed)), waited]);
    clearTimeout(timer);
    for (const connection of this.connections) {
      this.log.info("connection.dropped", { connection: connection.id, reason: "no answer to the close frame" });
      connection.terminate();
    }
  }

  private onUpgrade(
    req: http.IncomingMessage,
    socket: Duplex,
    head: Buffer,
    token: string,
    dispatch: ReturnType<typeof dispatcher>,
  ): void {
    const refuse = (status: number, code: ErrorCode, params: Record<string, string> = {}): void => {
      this.log.warn("connection.refused", {
        code,
        origin: req.headers.origin ?? null,
        remote: req.socket.remoteAddress,
      });
      const body = JSON.stringify({ code, message: formatErrorMessage(code, params, "en") });
      socket.end(
        `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
      );
    };
    if (this.stopping) return refuse(503, ErrorCode.SHUTTING_DOWN);
    // A rebinding page is known by the host name it made resolve to 127.0.0.1, a web page by its origin.
    if (!isLoopbackHost(req.headers.host, this.port))
      return refuse(403, ErrorCode.ORIGIN_REFUSED, { origin: req.headers.host ?? "" });
    const given = new URL(req.url ?? "/", "http://127.0.0.1").searchParams.get("token");
    const tokenOk = tokenMatches(token, given);
    // `null` is a CEP panel's origin and any sandboxed page's: let in only with the token, and a
    // null-origin caller without it learns no more than any refused web page.
    const origin = req.headers.origin;
    if (!isAllowedOrigin(origin, this.port) && !(isOpaqueOrigin(origin) && tokenOk))
      return refuse(403, ErrorCode.ORIGIN_REFUSED, { origin: origin ?? "" });
    if (!tokenOk) return refuse(401, ErrorCode.UNAUTHORIZED);
    this.wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      const id = this.nextConnection++;
      const connection = new RpcConnection(ws, dispatch, new RateLimiter(RATE.burst, RATE.perSecond), this.log, id);
      this.connections.add(connection);
      ws.on("close", () => {
        this.connections.delete(connection);
        this.audience.forgetConnection(connection);
      });
      this.log.info("connection.opened", { connection: id, origin: req.headers.origin ?? null });
    });
  }

  private onHttp(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    token: string,
    panelDir: string,
    media: MediaRouteContext,
  ): void {
    const refused = !isLoopbackHost(req.headers.host, this.port)
      ? req.headers.host
      : !isAllowedOrigin(req.headers.origin, this.port)
        ? req.headers.origin
        : undefined;
    if (refused !== undefined) {
      res.writeHead(403, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          code: ErrorCode.ORIGIN_REFUSED,
          message: formatErrorMessage(ErrorCode.ORIGIN_REFUSED, { origin: refused }, "en"),
        }),
      );
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" });
      res.end();
      return;
    }
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (url.pathname === "/health") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ name: "sichter-engine", version: ENGINE_VERSION, protocolVersion: PROTOCOL_VERSION }));
      return;
    }
    if (url.pathname.startsWith("/thumbnails/")) {
      // Thumbnails show the editor's footage: same token as the WebSocket (query or bearer header).
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
      if (!tokenMatches(token, url.searchParams.get("token") ?? bearer)) {
        res.writeHead(401, { "content-type": "application/json" });
        res.end(JSON.stringify({ code: ErrorCode.UNAUTHORIZED }));
        return;
      }
      const name = url.pathname.slice("/thumbnails/".length);
      if (storesThumbnails(this.catalog))
        return void serveStoredThumbnail(this.catalog, name, res, req.method === "HEAD");
      return serveFile(thumbnailsFolder(), name, res);
    }
    if (url.pathname.startsWith(MEDIA_ROUTE)) return void serveMedia(req, res, url, media);
    if (url.pathname === "/favicon.ico") return notFound(res);
    serveFile(panelDir, url.pathname, res, { index: "index.html" });
  }

  /** Tells a job's audience what became of it; an ended job's audience is let go. */
  private broadcast(event: JobEvent): void {
    const job = toWireJob(event.job);
    for (const connection of this.audience.of(job.id)) {
      if (event.type === "progress")
        connection.notify("job.progress", { jobId: job.id, stage: job.stage ?? "queued", fraction: job.fraction });
      else if (event.type === "done") connection.notify("job.done", { jobId: job.id, job });
      else
        connection.notify("job.failed", {
          jobId: job.id,
          job,
          error: job.error ?? { code: ErrorCode.CANCELLED, message: "cancelled" },
        });
    }
    if (event.type !== "progress") this.audience.forgetJob(job.id);
  }
}

function listen(server: http.Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(error.code === "EADDRINUSE" ? new SichterError(ErrorCode.PORT_IN_USE, { port }, { cause: error }) : error);
    });
    // Loopback only: the engine reads the editor's media and must not be reachable from the network.
    server.listen(port, "127.0.0.1", () => resolve());
  });
}

/** What this engine can do, as contribution ids (the panels show them; tests look for them). */
function capabilitiesOf(extensions: ExtensionRegistry): string[] {
  const kinds = new Set<unknown>(["analyzers", "keywordProviders", "tagWriters"]);
  return extensions.extensions
    .filter((e) => e.enabled)
    .flatMap((e) =>
      contributionIds(e.manifest.sichter.contributes)
        .filter((use) => kinds.has(use.path[0]))
        .map((use) => use.id),
    );
}

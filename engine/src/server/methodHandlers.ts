import path from "node:path";
import {
  ErrorCode,
  PROTOCOL_VERSION,
  SichterRpcError,
  type IncomingRequest,
  type MethodName,
  type MethodParams,
  type MethodResultInput,
} from "@sichter/shared/protocol";
import type { Database } from "better-sqlite3";
import type { Catalog } from "../catalog/Catalog.ts";
import { contributionSummary } from "../extensionHost/contributionSummary.ts";
import type { ExtensionRegistry } from "../extensionHost/ExtensionRegistry.ts";
import { localEngineJobs, type EngineJobs } from "../jobs/EngineJobs.ts";
import type { JobQueue } from "../jobs/JobQueue.ts";
import { isFinished } from "../jobs/JobRecord.ts";
import { privacyModeOf } from "../extensionHost/privacyMode.ts";
import { TransparencyLog } from "../keywording/privacy/TransparencyLog.ts";
import { toWireJob } from "../jobs/toWireJob.ts";
import { checkInputFile } from "../media/checkInputFile.ts";
import type { JobAudience } from "./JobAudience.ts";
import type { RequestContext, RpcConnection } from "./RpcConnection.ts";
import { followJobProgress } from "./followJobProgress.ts";
import type { MediaLibrary } from "./media/MediaLibrary.ts";
import { mediaHandlers } from "./media/mediaHandlers.ts";
import { tagsPlanHandlers } from "./tagsPlanHandler.ts";
import { privacySettingsHandlers } from "./privacySettingsHandler.ts";
import { toWireSearchResults } from "./wireCatalog.ts";
import { wireClip } from "./wireCatalog.ts";
import { catalogPlan } from "../pipeline/catalogPlan.ts";

export interface ServiceState {
  readonly catalog: Catalog;
  /**
   * The engine's own local tables (job queue, usage ledger, transparency record): the SQLite
   * catalog file's connection, also when the catalog itself lives on a newsroom's PostgreSQL.
   */
  readonly store: Database;
  readonly jobs: JobQueue;
  /**
   * Where `clip.analyze` and the job methods go instead of `jobs`: the newsroom's shared queue when
   * the catalog is on PostgreSQL (any worker takes the job). Unset: the engine's own queue.
   */
  readonly sharedJobs?: EngineJobs;
  /** Which connections hear which job's notifications; without one (in-process benchmarks) nobody does. */
  readonly audience?: JobAudience<RpcConnection>;
  readonly extensions?: ExtensionRegistry;
  readonly version: string;
  readonly capabilities: readonly string[];
  /** The allowed media folders and their probes (`media.list`, `media.probe`). */
  readonly media?: MediaLibrary;
  /** Where privacy.json lives (`privacy.settings`); the defaults without one. */
  readonly configDir?: string;
}

type Handler<M extends MethodName> = (
  params: MethodParams<M>,
  context: RequestContext,
) => Promise<MethodResultInput<M>> | MethodResultInput<M>;
type Handlers = { [M in MethodName]: Handler<M> };

/** The engine's answer to each protocol method. Params arrive validated (see parseIncoming). */
export function methodHandlers(state: ServiceState): Handlers {
  const { catalog, audience } = state;
  const jobs = state.sharedJobs ?? localEngineJobs(state.jobs);
  const job = async (jobId: string) => {
    const found = await jobs.get(jobId);
    if (!found) throw SichterRpcError.of(ErrorCode.JOB_NOT_FOUND, { jobId });
    return found;
  };
  return {
    ...mediaHandlers(state),
    ...tagsPlanHandlers(state),
    ...privacySettingsHandlers(state),
    "engine.info": () => {
      // The registry this engine analyses with: `sichter extensions enable` counts from the next start.
      const privacy = privacyModeOf(state.extensions ?? { extensions: [] });
      return {
        name: "sichter-engine",
        version: state.version,
        protocolVersion: PROTOCOL_VERSION,
        capabilities: [...state.capabilities],
        mode: privacy.mode,
        privacy: {
          mode: privacy.mode,
          providers: privacy.providers.map(({ id, title, cloud, enabled }) => ({ id, title, cloud, enabled })),
        },
      };
    },

    "clip.analyze": async (params, context) => {
      // Devices, folders, sockets and unreadable files are refused here, with the real path
      // behind any symlink, before anything is queued.
      const file = await checkInputFile(params.path);
      const options = params.options ?? {};
      const { job: queued, joined } = await jobs.enqueue({
        path: file.path,
        ...(params.range && { range: params.range }),
        options: {
          language: options.language ?? "de",
          write: options.write ?? "sidecar",
          shotMode: options.shotMode ?? "auto",
        },
      });
      // Starting or joining a job is asking to hear how it goes.
      audience?.add(queued.id, context.connection);
      context.connection.onCancel(context.requestId, () => void jobs.cancel(queued.id));
      if (context.progressToken !== undefined) {
        context.connection.own(
          followJobProgress(jobs, queued.id, context.connection, context.progressToken, path.basename(file.path)),
        );
      }
      return { jobId: queued.id, joined };
    },

    "job.get": async ({ jobId }) => toWireJob(await job(jobId)),
    "job.list": async ({ states, limit }) => ({
      jobs: (await jobs.list({ ...(states && { states }), ...(limit && { limit }) })).map(toWireJob),
    }),
    "job.subscribe": async ({ jobId }, context) => {
      const found = await job(jobId);
      // An ended job sends nothing more: the answer is its last word, and nothing is kept for it.
      if (!isFinished(found.state)) {
        audience?.add(jobId, context.connection);
        jobs.follow(jobId);
      }
      return toWireJob(found);
    },
    "job.unsubscribe": async ({ jobId }, context) => {
      const found = await job(jobId);
      audience?.remove(jobId, context.connection);
      return toWireJob(found);
    },
    "job.cancel": async ({ jobId }) => {
      await job(jobId);
      return toWireJob((await jobs.cancel(jobId)) ?? (await job(jobId)));
    },
    "job.result": async ({ jobId }) => {
      const found = await job(jobId);
      const result = found.state === "completed" ? await jobs.result(jobId) : undefined;
      if (result === undefined) throw SichterRpcError.of(ErrorCode.JOB_NOT_FINISHED, { jobId, state: found.state });
      return { job: toWireJob(found), result: result as MethodResultInput<"job.result">["result"] };
    },
    // No JOB_NOT_FOUND: a job that sent nothing has no records, whether the queue knows it or not.
    "job.privacy": ({ jobId }) => ({
      jobId,
      records: new TransparencyLog(state.store).forJob(jobId).map((r) => ({ ...r, imageSizes: [...r.imageSizes] })),
    }),

    "catalog.search": async ({ query, filters }) => ({
      results: toWireSearchResults(await catalog.search(query, filters ?? {})),
    }),
    "catalog.clip": async (params) => {
      const stored = "clipId" in params ? await catalog.clip(params.clipId) : await catalog.findClip(params.path);
      if (!stored)
        throw SichterRpcError.of(ErrorCode.NOT_IN_CATALOG, { what: "path" in params ? params.path : "clip" });
      return wireClip(catalog, stored);
    },
    "extensions.list": () => ({
      extensions: (state.extensions?.extensions ?? []).map((e) => ({
        id: e.id,
        version: e.manifest.version,
        ...(e.manifest.displayName !== undefined && { displayName: e.manifest.displayName }),
        builtin: e.builtin,
        enabled: e.enabled,
        contributes: contributionSummary(e.manifest.sichter.contributes),
      })),
      problems: (state.extensions?.problems ?? []).map((p) => ({
        folder: p.folder,
        code: p.error.code,
        message: p.error.message,
      })),
    }),
    "commands.list": () => ({ commands: state.extensions?.commands() ?? [] }),
    "commands.execute": async ({ command, args }) => {
      if (!state.extensions) throw SichterRpcError.of(ErrorCode.EXTENSION_NOT_FOUND, { extension: command });
      return {
        result: await state.extensions.executeCommand(command, args ?? [], {
          catalogPlan: (clip, language) => catalogPlan(catalog, clip, language),
        }),
      };
    },

    "tags.review": (params) => {
      if ("add" in params) return catalog.addUserTag(params.clipId, params.add);
      const { tagId, action, label, startFrame, endFrame } = params;
      return catalog.reviewTag(
        tagId,
        action === "edit"
          ? {
              action,
              ...(label !== undefined && { label }),
              ...(startFrame !== undefined && { startFrame }),
              ...(endFrame !== undefined && { endFrame }),
            }
          : { action },
      );
    },
  };
}

/** Routes a validated request to its handler; the registry and the handler map share method names. */
export function dispatcher(
  handlers: Handlers,
): (request: IncomingRequest, context: RequestContext) => Promise<unknown> {
  return async (request, context) => {
    const handler = handlers[request.method] as Handler<MethodName>;
    return handler(request.params as never, context);
  };
}

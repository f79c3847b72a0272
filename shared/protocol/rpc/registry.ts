import type { z } from "zod";
import { CatalogClipParams, CatalogClipResult } from "./methods/catalogClip.ts";
import { CatalogSearchParams, CatalogSearchResult } from "./methods/catalogSearch.ts";
import { ClipAnalyzeParams, ClipAnalyzeResult } from "./methods/clipAnalyze.ts";
import { EngineInfoParams, EngineInfoResult } from "./methods/engineInfo.ts";
import {
  CommandsExecuteParams,
  CommandsExecuteResult,
  CommandsListParams,
  CommandsListResult,
  ExtensionsListParams,
  ExtensionsListResult,
} from "./methods/extensions.ts";
import { Job } from "./methods/Job.ts";
import { JobPrivacyResult } from "./methods/jobPrivacy.ts";
import { PrivacySettingsParams, PrivacySettingsResult } from "./methods/privacySettings.ts";
import { JobIdParams, JobListParams, JobListResult } from "./methods/jobQueries.ts";
import { JobResultResult } from "./methods/jobResult.ts";
import {
  JobSubscribeParams,
  JobSubscribeResult,
  JobUnsubscribeParams,
  JobUnsubscribeResult,
} from "./methods/jobSubscriptions.ts";
import { TagsReviewParams, TagsReviewResult } from "./methods/tagsReview.ts";
import { MediaListParams, MediaListResult } from "./methods/mediaList.ts";
import { MediaProbeParams, MediaProbeResult } from "./methods/mediaProbe.ts";
import { TagsApplyParams, TagsApplyResult } from "./methods/tagsApply.ts";
import { TagsPlanParams, TagsPlanResult } from "./methods/tagsPlan.ts";
import {
  CancelRequestParams,
  JobDoneParams,
  JobFailedParams,
  JobProgressParams,
  ProgressParams,
} from "./notifications.ts";

/** Bump on any change an older peer cannot handle (removed method, new required param, ...). */
export const PROTOCOL_VERSION = 1;

/** Every request the engine answers: its params schema and its result schema. */
export const methods = {
  "engine.info": { params: EngineInfoParams, result: EngineInfoResult },
  "clip.analyze": { params: ClipAnalyzeParams, result: ClipAnalyzeResult },
  "job.get": { params: JobIdParams, result: Job },
  "job.list": { params: JobListParams, result: JobListResult },
  "job.cancel": { params: JobIdParams, result: Job },
  "job.result": { params: JobIdParams, result: JobResultResult },
  "job.privacy": { params: JobIdParams, result: JobPrivacyResult },
  "job.subscribe": { params: JobSubscribeParams, result: JobSubscribeResult },
  "job.unsubscribe": { params: JobUnsubscribeParams, result: JobUnsubscribeResult },
  "catalog.search": { params: CatalogSearchParams, result: CatalogSearchResult },
  "catalog.clip": { params: CatalogClipParams, result: CatalogClipResult },
  "tags.review": { params: TagsReviewParams, result: TagsReviewResult },
  "extensions.list": { params: ExtensionsListParams, result: ExtensionsListResult },
  "commands.list": { params: CommandsListParams, result: CommandsListResult },
  "commands.execute": { params: CommandsExecuteParams, result: CommandsExecuteResult },
  "media.list": { params: MediaListParams, result: MediaListResult },
  "media.probe": { params: MediaProbeParams, result: MediaProbeResult },
  "tags.apply": { params: TagsApplyParams, result: TagsApplyResult },
  "tags.plan": { params: TagsPlanParams, result: TagsPlanResult },
  "privacy.settings": { params: PrivacySettingsParams, result: PrivacySettingsResult },
} as const satisfies Record<string, { params: z.ZodType; result: z.ZodType }>;

/** Notifications the engine sends, by name. */
export const serverNotifications = {
  "job.progress": JobProgressParams,
  "job.done": JobDoneParams,
  "job.failed": JobFailedParams,
  "$/progress": ProgressParams,
} as const satisfies Record<string, z.ZodType>;

/** Notifications a client sends, by name. */
export const clientNotifications = {
  "$/cancelRequest": CancelRequestParams,
} as const satisfies Record<string, z.ZodType>;

/** The whole protocol in one object, so the server and the schema generator can walk it. */
export const sichterProtocol = {
  version: PROTOCOL_VERSION,
  methods,
  serverNotifications,
  clientNotifications,
} as const;

export type MethodName = keyof typeof methods;
export type ServerNotificationName = keyof typeof serverNotifications;
export type ClientNotificationName = keyof typeof clientNotifications;

/** Params as the server sees them after validation. */
export type MethodParams<M extends MethodName> = z.output<(typeof methods)[M]["params"]>;
/** Params as a client writes them. */
export type MethodParamsInput<M extends MethodName> = z.input<(typeof methods)[M]["params"]>;
/** The result as a client receives it after validation. */
export type MethodResult<M extends MethodName> = z.output<(typeof methods)[M]["result"]>;
/** The result as the server must produce it. */
export type MethodResultInput<M extends MethodName> = z.input<(typeof methods)[M]["result"]>;
export type ServerNotificationParams<N extends ServerNotificationName> = z.output<(typeof serverNotifications)[N]>;
export type ClientNotificationParams<N extends ClientNotificationName> = z.output<(typeof clientNotifications)[N]>;

// hasOwnProperty rather than Object.hasOwn: older CEP panels run a Chromium without it.
export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}

export function isServerNotificationName(name: string): name is ServerNotificationName {
  return Object.prototype.hasOwnProperty.call(serverNotifications, name);
}

export function isClientNotificationName(name: string): name is ClientNotificationName {
  return Object.prototype.hasOwnProperty.call(clientNotifications, name);
}

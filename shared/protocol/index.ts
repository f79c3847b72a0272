export { ErrorCode, errorMessages, formatErrorMessage, type Locale } from "./errors.ts";

// Wire protocol: JSON-RPC 2.0 envelopes, the method/notification registry and its schemas.
export { WireLimits } from "./rpc/limits.ts";
export * from "./rpc/envelope.ts";
export { JsonRpcCode, jsonRpcCodeFor, isErrorCode, errorCodeFromResponse } from "./rpc/jsonRpcCode.ts";
export { SichterRpcError } from "./rpc/SichterRpcError.ts";
export { ProgressToken } from "./rpc/progressToken.ts";
export { describeIssues } from "./rpc/describeIssues.ts";
export * from "./rpc/wireTypes.ts";
export * from "./rpc/notifications.ts";
export * from "./rpc/registry.ts";
export * from "./rpc/methods/engineInfo.ts";
export * from "./rpc/methods/Job.ts";
export * from "./rpc/methods/clipAnalyze.ts";
export * from "./rpc/methods/jobQueries.ts";
export * from "./rpc/methods/jobResult.ts";
export * from "./rpc/methods/jobPrivacy.ts";
export * from "./rpc/methods/privacySettings.ts";
export * from "./rpc/methods/jobSubscriptions.ts";
export * from "./rpc/methods/ClipAnalysis.ts";
export * from "./rpc/methods/WireTag.ts";
export * from "./rpc/methods/catalogSearch.ts";
export * from "./rpc/methods/catalogClip.ts";
export * from "./rpc/methods/tagsReview.ts";
export * from "./rpc/methods/mediaList.ts";
export * from "./rpc/methods/mediaProbe.ts";
export * from "./rpc/methods/tagsApply.ts";
export * from "./rpc/methods/tagsPlan.ts";
export * from "./rpc/methods/extensions.ts";
export {
  parseIncoming,
  type Incoming,
  type IncomingDropped,
  type IncomingError,
  type IncomingNotification,
  type IncomingRequest,
  type ParseIncomingOptions,
} from "./rpc/parseIncoming.ts";
export { buildProtocolSchema, renderProtocolSchema, PROTOCOL_SCHEMA_FILE } from "./schema/buildProtocolSchema.ts";

// Typed client for panels and bridges.
export { SichterClient } from "./client/SichterClient.ts";
export type {
  ConnectionState,
  Disposable,
  RequestOptions,
  SichterClientOptions,
} from "./client/SichterClientOptions.ts";
export type { WebSocketConstructor, WebSocketLike } from "./client/WebSocketLike.ts";
export { backoffDelay, type BackoffOptions } from "./client/backoff.ts";

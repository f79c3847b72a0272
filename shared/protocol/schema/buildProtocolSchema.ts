import { z } from "zod";
import { Clip, Provenance, Shot } from "../../model/index.ts";
import { ErrorCode } from "../ErrorCode.ts";
import {
  ErrorData,
  RequestId,
  JsonRpcErrorObject,
  JsonRpcErrorResponse,
  JsonRpcNotification,
  JsonRpcRequest,
  JsonRpcSuccessResponse,
} from "../rpc/envelope.ts";
import { jsonRpcCodeFor } from "../rpc/jsonRpcCode.ts";
import { ClipAnalysis, WireKeyframe } from "../rpc/methods/ClipAnalysis.ts";
import { Job } from "../rpc/methods/Job.ts";
import { JobIdParams } from "../rpc/methods/jobQueries.ts";
import { StoredTag, WireTag } from "../rpc/methods/WireTag.ts";
import { ProgressValue } from "../rpc/notifications.ts";
import { clientNotifications, methods, PROTOCOL_VERSION, serverNotifications } from "../rpc/registry.ts";
import { ProgressToken } from "../rpc/progressToken.ts";
import { Timestamp, WireError } from "../rpc/wireTypes.ts";

/** Types several methods share get one named definition, so the Lua bridge sees them once. */
const sharedDefinitions: Readonly<Record<string, z.ZodType>> = {
  Timestamp,
  RequestId,
  ProgressToken,
  JsonRpcRequest,
  JsonRpcNotification,
  JsonRpcSuccessResponse,
  JsonRpcErrorResponse,
  JsonRpcErrorObject,
  ErrorData,
  WireError,
  Job,
  JobIdParams,
  Clip,
  Shot,
  Provenance,
  WireKeyframe,
  WireTag,
  StoredTag,
  ClipAnalysis,
  ProgressValue,
};

/** `$/progress` -> `lsp.progress`: definition names stay valid JSON Pointer segments without escaping. */
function definitionName(wireName: string): string {
  return wireName.replace(/^\$\//, "lsp.");
}

const ref = (id: string) => ({ $ref: `#/$defs/${id}` });

/**
 * The whole protocol as one JSON Schema (draft 2020-12) document for hosts that cannot use the zod
 * schemas: every definition under `$defs`, and maps from method and notification names to them.
 * Validation rules that JSON Schema cannot express (endFrame > startFrame, `edit`-only fields) are
 * only enforced by the engine.
 */
export function buildProtocolSchema(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  const idOf = new Map<z.ZodType, string>();
  const register = (schema: z.ZodType, id: string): string => {
    const known = idOf.get(schema);
    if (known !== undefined) return known;
    registry.add(schema, { id });
    idOf.set(schema, id);
    return id;
  };

  for (const [id, schema] of Object.entries(sharedDefinitions)) register(schema, id);
  const methodRefs = Object.fromEntries(
    Object.entries(methods).map(([name, spec]) => [
      name,
      { params: ref(register(spec.params, `${name}.params`)), result: ref(register(spec.result, `${name}.result`)) },
    ]),
  );
  const notificationRefs = (map: Readonly<Record<string, z.ZodType>>) =>
    Object.fromEntries(
      Object.entries(map).map(([name, schema]) => [name, { params: ref(register(schema, `${definitionName(name)}.params`)) }]),
    );
  const server = notificationRefs(serverNotifications);
  const client = notificationRefs(clientNotifications);

  const generated = z.toJSONSchema(registry, { io: "input", uri: (id) => `#/$defs/${id}` });
  const definitions = Object.fromEntries(
    Object.entries(generated.schemas).map(([id, schema]) => {
      const { $schema: _dialect, $id: _id, ...rest } = schema as Record<string, unknown>;
      return [id, rest];
    }),
  );

  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "Sichter engine protocol",
    description:
      "JSON-RPC 2.0 over WebSocket. Generated from the zod schemas in shared/protocol by `npm run protocol:schema`; do not edit. " +
      "Any request's params may carry `progressToken` (string or integer); the engine then reports that request's progress " +
      "as `$/progress` notifications with the same token. Errors carry the stable SICHTER_E_* code in `error.data.code`.",
    protocolVersion: PROTOCOL_VERSION,
    envelope: {
      request: ref("JsonRpcRequest"),
      notification: ref("JsonRpcNotification"),
      successResponse: ref("JsonRpcSuccessResponse"),
      errorResponse: ref("JsonRpcErrorResponse"),
    },
    methods: methodRefs,
    serverNotifications: server,
    clientNotifications: client,
    /** SICHTER_E_* code -> the JSON-RPC `error.code` sent with it. */
    errorCodes: Object.fromEntries(Object.values(ErrorCode).map((code) => [code, jsonRpcCodeFor(code)])),
    $defs: definitions,
  };
}

/** The committed file's exact text: stable key order, two-space indent, trailing newline. */
export function renderProtocolSchema(): string {
  return `${JSON.stringify(buildProtocolSchema(), null, 2)}\n`;
}

/** Where the generated file lives, relative to the repository root. */
export const PROTOCOL_SCHEMA_FILE = "shared/protocol/schema/sichter-protocol.schema.json";

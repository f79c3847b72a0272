import { describe, expect, it } from "vitest";
import { ErrorCode } from "../ErrorCode.ts";
import { errorMessages } from "../messages.ts";
import { errorCodeFromResponse, JsonRpcCode, jsonRpcCodeFor } from "./jsonRpcCode.ts";
import { SichterRpcError } from "./SichterRpcError.ts";

describe("JSON-RPC error codes", () => {
  it("map the protocol-level codes to the standard numbers", () => {
    expect(jsonRpcCodeFor(ErrorCode.INVALID_REQUEST)).toBe(-32600);
    expect(jsonRpcCodeFor(ErrorCode.METHOD_NOT_FOUND)).toBe(-32601);
    expect(jsonRpcCodeFor(ErrorCode.INVALID_PARAMS)).toBe(-32602);
    expect(jsonRpcCodeFor(ErrorCode.CANCELLED)).toBe(-32800);
    expect(jsonRpcCodeFor(ErrorCode.FILE_NOT_FOUND)).toBe(JsonRpcCode.APPLICATION_ERROR);
  });

  it("give every code a number in the JSON-RPC ranges and a message in both languages", () => {
    for (const code of Object.values(ErrorCode)) {
      const n = jsonRpcCodeFor(code);
      expect(n <= -32000 || n === -32800, code).toBe(true);
      expect(errorMessages[code].en.length, code).toBeGreaterThan(0);
      expect(errorMessages[code].de.length, code).toBeGreaterThan(0);
    }
  });

  it("read the Sichter code back from a response, falling back on the number", () => {
    expect(errorCodeFromResponse(-32001, "SICHTER_E_PROBE_CORRUPT")).toBe(ErrorCode.PROBE_CORRUPT);
    expect(errorCodeFromResponse(-32601, "SICHTER_E_FROM_THE_FUTURE")).toBe(ErrorCode.METHOD_NOT_FOUND);
    expect(errorCodeFromResponse(-32700, undefined)).toBe(ErrorCode.INVALID_REQUEST);
    expect(errorCodeFromResponse(-32001, undefined)).toBe(ErrorCode.INTERNAL);
  });

  it("SichterRpcError renders the wire error with template params", () => {
    const error = SichterRpcError.of(ErrorCode.JOB_NOT_FOUND, { jobId: "j9" });
    expect(error).toBeInstanceOf(Error);
    expect(error.toJsonRpcError()).toEqual({
      code: JsonRpcCode.JOB_NOT_FOUND,
      message: "No job j9.",
      data: { code: "SICHTER_E_JOB_NOT_FOUND", params: { jobId: "j9" } },
    });
  });
});

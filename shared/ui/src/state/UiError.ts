import { ErrorCode, SichterRpcError } from "@sichter/shared/protocol";

/**
 * An error as the UI keeps it in state: its SICHTER_E_* code, the params of the code's message
 * template when the engine sent them, and the producer's own (English) text for codes this UI does
 * not know yet. Rendered in the user's language by describeError.
 */
export interface UiError {
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>> | null;
  readonly message: string;
}

export function toUiError(error: unknown): UiError {
  if (error instanceof SichterRpcError) {
    return { code: error.code, params: error.data.params ?? null, message: error.message };
  }
  if (isWireError(error)) return { code: error.code, params: null, message: error.message };
  const detail = error instanceof Error ? error.message : String(error);
  return { code: ErrorCode.INTERNAL, params: { detail }, message: detail };
}

function isWireError(value: unknown): value is { code: string; message: string } {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { code?: unknown }).code === "string" &&
    (value as { code: string }).code.startsWith("SICHTER_E_") &&
    typeof (value as { message?: unknown }).message === "string"
  );
}

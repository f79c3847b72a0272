import { ErrorCode } from "@sichter/shared/errors";
import { SichterError } from "../../core/SichterError.ts";

/** How a contribution failed. */
export type ExtensionFailureKind = "threw" | "timeout" | "memory" | "crashed" | "denied";

const CODES: Record<ExtensionFailureKind, ErrorCode> = {
  threw: ErrorCode.EXTENSION_FAILED,
  denied: ErrorCode.EXTENSION_FAILED,
  timeout: ErrorCode.EXTENSION_TIMEOUT,
  memory: ErrorCode.EXTENSION_OUT_OF_MEMORY,
  crashed: ErrorCode.EXTENSION_CRASHED,
};

/** A contribution of one extension failed; the analysis goes on without it. */
export class ExtensionFailure extends SichterError {
  constructor(
    readonly kind: ExtensionFailureKind,
    readonly extensionId: string,
    detail: string,
  ) {
    super(CODES[kind], { extension: extensionId, detail });
  }
}

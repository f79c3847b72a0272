/**
 * Why an outbound request got no answer: a retry layer retries timeouts and network failures with
 * backoff, but not a request the user aborted. Privacy refusals are SichterErrors instead and are
 * never retried.
 */
export type OutboundErrorKind = "timeout" | "network" | "aborted";

export class OutboundError extends Error {
  override readonly name = "OutboundError";

  constructor(
    readonly kind: OutboundErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isOutboundError(error: unknown, kind?: OutboundErrorKind): error is OutboundError {
  return error instanceof OutboundError && (kind === undefined || error.kind === kind);
}

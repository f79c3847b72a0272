/**
 * Why an outbound request got no answer: a retry layer retries timeouts and network failures with
 * backoff, but not a request the user aborted. Privacy refusals are SichterErrors instead and are
 * never retried.
 */
export type OutboundErrorKind = "timeout" | "network" | "aborted";

export class OutboundError extends Error {
  override readonly name = "OutboundError";

  /**
   * Bytes of the request body that left before it failed: a request whose answer never came was
   * still sent, and the transparency record and the ledger must say so.
   */
  readonly bytesSent: number;

  constructor(
    readonly kind: OutboundErrorKind,
    message: string,
    options?: { cause?: unknown; bytesSent?: number },
  ) {
    super(message, options);
    this.bytesSent = options?.bytesSent ?? 0;
  }

  /** The same failure, knowing the body had been sent. */
  afterSending(bytes: number): OutboundError {
    return new OutboundError(this.kind, this.message, { cause: this.cause, bytesSent: bytes });
  }
}

export function isOutboundError(error: unknown, kind?: OutboundErrorKind): error is OutboundError {
  return error instanceof OutboundError && (kind === undefined || error.kind === kind);
}

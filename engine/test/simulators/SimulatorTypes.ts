/** What a simulated cloud service gets: a plain request (tests call handlers directly, or through LoopbackServer). */
export interface SimulatorRequest {
  readonly method: string;
  /** Path and query, e.g. "/v1/chat/completions". */
  readonly path: string;
  /** Lower-case names, as Node gives them (so a plain record or Node's IncomingHttpHeaders). */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
}

export interface SimulatorResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** A scripted fault: an HTTP answer, no answer at all ("hang"), or a 200 whose body breaks off. */
export type SimulatorFault =
  { readonly status: number; readonly retryAfter?: string; readonly body?: string } | "hang" | "malformed";

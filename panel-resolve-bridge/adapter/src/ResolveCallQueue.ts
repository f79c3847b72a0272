/**
 * Runs Resolve work one task at a time, in the order asked. Resolve's scripting API is not
 * thread-safe: the selection poll, an apply and a reveal must never interleave their calls, so
 * every use of the API goes through one queue per Resolve. A failing task does not stop the next.
 */
export class ResolveCallQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  run<T>(task: () => Promise<T> | T): Promise<T> {
    this.waiting++;
    const result = this.tail.then(() => task());
    this.tail = result.then(
      () => this.waiting--,
      () => this.waiting--,
    );
    return result;
  }

  /** Tasks queued or running; the poller skips a beat instead of piling up behind a long apply. */
  get pending(): number {
    return this.waiting;
  }
}

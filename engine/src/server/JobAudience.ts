/**
 * Who hears which job: the connections that started or joined it with `clip.analyze`, or
 * subscribed to it with `job.subscribe`. A panel shows its own jobs; another editor's clip names
 * and progress are none of its business, and fifty panels need not each parse every job's events.
 * An entry lives until the job ends or the connection closes.
 */
export class JobAudience<C> {
  private readonly byJob = new Map<string, Set<C>>();

  add(jobId: string, connection: C): void {
    let listeners = this.byJob.get(jobId);
    if (!listeners) this.byJob.set(jobId, (listeners = new Set()));
    listeners.add(connection);
  }

  remove(jobId: string, connection: C): void {
    const listeners = this.byJob.get(jobId);
    listeners?.delete(connection);
    if (listeners?.size === 0) this.byJob.delete(jobId);
  }

  /** A copy, so a listener that unsubscribes while being told changes nothing under the caller. */
  of(jobId: string): readonly C[] {
    return [...(this.byJob.get(jobId) ?? [])];
  }

  /** An ended job says nothing more. */
  forgetJob(jobId: string): void {
    this.byJob.delete(jobId);
  }

  /** A closed connection hears nothing more. */
  forgetConnection(connection: C): void {
    for (const [jobId, listeners] of this.byJob) {
      listeners.delete(connection);
      if (listeners.size === 0) this.byJob.delete(jobId);
    }
  }

  /** Jobs someone listens to (for tests and diagnostics). */
  get size(): number {
    return this.byJob.size;
  }
}

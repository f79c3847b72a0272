import fs from "node:fs/promises";
import { CancellationTokenSource } from "../core/Cancellation.ts";
import type { Disposable } from "../core/Disposable.ts";
import { toSichterError, type SichterError } from "../core/SichterError.ts";
import { checkInputFile } from "./checkInputFile.ts";
import { quickProbe, type QuickProbe } from "./quickProbe.ts";

export type ProbeOutcome = { readonly probe: QuickProbe } | { readonly error: SichterError };

interface Entry {
  readonly size: number;
  readonly mtimeMs: number;
  readonly outcome: ProbeOutcome;
}

/** ffprobes at once: a panel asking for a folder of 100 clips must not take both cores from an analysis. */
const DEFAULT_CONCURRENCY = 2;
/** Entries kept (a few hundred bytes each); the oldest go first. */
const DEFAULT_CAPACITY = 10_000;

/**
 * Quick probes of media files, cached by real path, size and modification time (a re-exported
 * clip is probed again), run at most `concurrency` at a time; asking twice for a file being probed
 * waits for the same run. Failures are cached too: a file that is not video stays not video until
 * it changes.
 */
export class ProbeCache implements Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly running = new Map<string, Promise<ProbeOutcome>>();
  private readonly waiting: Array<() => void> = [];
  private active = 0;
  private readonly cancel = new CancellationTokenSource();

  constructor(
    private readonly concurrency = DEFAULT_CONCURRENCY,
    private readonly capacity = DEFAULT_CAPACITY,
  ) {}

  /** The cached outcome for this version of the file, without probing. */
  cached(real: string, size: number, mtimeMs: number): ProbeOutcome | undefined {
    const entry = this.entries.get(real);
    return entry && entry.size === size && entry.mtimeMs === mtimeMs ? entry.outcome : undefined;
  }

  /** Probes `real` (a real path the caller has already checked), or answers from the cache. */
  async probe(real: string): Promise<ProbeOutcome> {
    let stat: { size: number; mtimeMs: number };
    try {
      // Missing, unreadable, empty, not a file: the engine's stable codes, before ffprobe is asked.
      await checkInputFile(real);
      stat = await fs.stat(real);
    } catch (error) {
      return { error: toSichterError(error) };
    }
    const cached = this.cached(real, stat.size, stat.mtimeMs);
    if (cached) return cached;
    const key = `${real}\0${stat.size}\0${stat.mtimeMs}`;
    let run = this.running.get(key);
    if (!run) {
      run = this.run(real, stat.size, stat.mtimeMs).finally(() => this.running.delete(key));
      this.running.set(key, run);
    }
    return run;
  }

  dispose(): void {
    this.cancel.cancel();
    this.cancel.dispose();
  }

  private async run(real: string, size: number, mtimeMs: number): Promise<ProbeOutcome> {
    await this.slot();
    let outcome: ProbeOutcome;
    try {
      outcome = { probe: await quickProbe(real, this.cancel.token) };
    } catch (error) {
      outcome = { error: toSichterError(error) };
    } finally {
      this.release();
    }
    // A probe cut short by the engine's shutdown says nothing about the file.
    if (!this.cancel.token.isCancellationRequested) {
      this.entries.delete(real);
      this.entries.set(real, { size, mtimeMs, outcome });
      if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    }
    return outcome;
  }

  private slot(): Promise<void> {
    if (this.active < this.concurrency) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}

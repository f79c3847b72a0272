import type { KeyValueStorage } from "../../connection/TokenStore.ts";
import type { UiError } from "../UiError.ts";
import type { AutoMarkClip, AutoMarkRun } from "./autoMarkReducer.ts";

const KEY = "sichter.autoMark";

/** What a reload needs to find a run again: its clips and their jobs; everything else the engine says. */
interface StoredClip {
  readonly path: string;
  readonly name: string;
  readonly jobId: string | null;
  /** Only a request the engine refused: a job's failure is the job's to tell. */
  readonly error: UiError | null;
}

interface StoredRun {
  readonly source: string;
  readonly language: "de" | "en";
  readonly startedAt: string;
  readonly clips: readonly StoredClip[];
}

/**
 * The run kept in the page's storage, so a reload finds its jobs again. Storage may refuse
 * (private windows, a full quota): the run then lives as long as the page, as before.
 */
export class AutoMarkStorage {
  readonly #storage: KeyValueStorage | null;

  constructor(storage: KeyValueStorage | null) {
    this.#storage = storage;
  }

  save(run: AutoMarkRun): void {
    const stored: StoredRun = {
      source: run.source,
      language: run.language,
      startedAt: run.startedAt,
      clips: run.clips.map((clip) => ({
        path: clip.path,
        name: clip.name,
        jobId: clip.jobId,
        error: clip.jobId === null ? clip.error : null,
      })),
    };
    quietly(() => this.#storage?.setItem(KEY, JSON.stringify(stored)));
  }

  clear(): void {
    quietly(() => this.#storage?.removeItem(KEY));
  }

  /**
   * The stored run with every clip as far as storage knows: a refused request failed, a clip with a
   * job waits for the engine's word on it, one without is still `sending`.
   */
  load(): AutoMarkRun | null {
    const text = quietly(() => this.#storage?.getItem(KEY) ?? null);
    if (!text) return null;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return null;
    }
    if (!isStoredRun(value)) return null;
    return {
      source: value.source,
      language: value.language,
      startedAt: value.startedAt,
      cancelling: false,
      clips: value.clips.map((clip): AutoMarkClip => ({
        path: clip.path,
        name: clip.name,
        jobId: clip.jobId,
        state: clip.error ? "failed" : clip.jobId ? "queued" : "sending",
        stage: null,
        fraction: 0,
        error: clip.error,
      })),
    };
  }
}

function isStoredRun(value: unknown): value is StoredRun {
  const run = value as Partial<StoredRun> | null;
  return (
    typeof run === "object" &&
    run !== null &&
    typeof run.source === "string" &&
    (run.language === "de" || run.language === "en") &&
    typeof run.startedAt === "string" &&
    Array.isArray(run.clips) &&
    run.clips.every(isStoredClip)
  );
}

function isStoredClip(value: unknown): value is StoredClip {
  const clip = value as Partial<StoredClip> | null;
  return (
    typeof clip === "object" &&
    clip !== null &&
    typeof clip.path === "string" &&
    typeof clip.name === "string" &&
    (clip.jobId === null || typeof clip.jobId === "string") &&
    (clip.error === null ||
      (typeof clip.error === "object" &&
        typeof clip.error?.code === "string" &&
        typeof clip.error.message === "string"))
  );
}

function quietly<T>(access: () => T): T | null {
  try {
    return access();
  } catch {
    return null;
  }
}

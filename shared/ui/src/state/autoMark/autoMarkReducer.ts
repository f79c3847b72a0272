import type { Job } from "@sichter/shared/protocol";
import type { UiError } from "../UiError.ts";

/**
 * One clip of an auto-mark run. `sending`: its clip.analyze is on the way. `queued`/`running`: its
 * engine job. The other three are final; `failed` keeps the error with its SICHTER_E_* code.
 */
export type AutoMarkClipState = "sending" | "queued" | "running" | "completed" | "failed" | "cancelled";

export interface AutoMarkClip {
  readonly path: string;
  readonly name: string;
  readonly jobId: string | null;
  readonly state: AutoMarkClipState;
  readonly stage: string | null;
  readonly fraction: number;
  readonly error: UiError | null;
}

/** Clips of one folder (browser host) or of the active sequence (Premiere, Resolve), queued at once. */
export interface AutoMarkRun {
  /** What was marked, as the user knows it: the folder's or the sequence's name. */
  readonly source: string;
  /** Language of the generated labels (a run restored after a reload sends it again). */
  readonly language: "de" | "en";
  /** When the run started (ISO); after a reload, jobs created since then are this run's. */
  readonly startedAt: string;
  readonly clips: readonly AutoMarkClip[];
  readonly cancelling: boolean;
}

export interface AutoMarkState {
  readonly run: AutoMarkRun | null;
  /** Why a run could not start or a cancel failed; the clips' own failures are on the clips. */
  readonly error: UiError | null;
  /** The last start found nothing to mark (an empty sequence). */
  readonly empty: boolean;
}

export type AutoMarkAction =
  | { readonly type: "start"; readonly run: AutoMarkRun }
  | { readonly type: "queued"; readonly path: string; readonly jobId: string }
  | { readonly type: "requestFailed"; readonly path: string; readonly error: UiError }
  | { readonly type: "progress"; readonly jobId: string; readonly stage: string; readonly fraction: number }
  /** A job as the engine reports it now (answers of job.subscribe, job.cancel, job.list; job.done, job.failed). */
  | { readonly type: "job"; readonly job: Job; readonly error: UiError | null }
  | { readonly type: "cancelling" }
  | { readonly type: "failed"; readonly error: UiError }
  | { readonly type: "empty" }
  | { readonly type: "dismiss" };

export const initialAutoMark: AutoMarkState = { run: null, error: null, empty: false };

const FINAL: ReadonlySet<AutoMarkClipState> = new Set(["completed", "failed", "cancelled"]);

export function isFinalClip(clip: AutoMarkClip): boolean {
  return FINAL.has(clip.state);
}

export function runFinished(run: AutoMarkRun): boolean {
  return run.clips.every(isFinalClip);
}

export function autoMarkReducer(state: AutoMarkState, action: AutoMarkAction): AutoMarkState {
  switch (action.type) {
    case "start":
      // One run at a time: a new one replaces only a finished one.
      return state.run && !runFinished(state.run) ? state : { run: action.run, error: null, empty: false };
    case "queued":
      return changeClips(
        state,
        (clip) => clip.path === action.path && clip.state === "sending",
        (clip) => ({ ...clip, jobId: action.jobId, state: "queued" }),
      );
    case "requestFailed":
      return changeClips(
        state,
        (clip) => clip.path === action.path && clip.state === "sending",
        (clip) => ({ ...clip, state: "failed", error: action.error }),
      );
    case "progress":
      return changeClips(
        state,
        (clip) => clip.jobId === action.jobId && !isFinalClip(clip),
        // Progress never runs backwards on screen, even if notifications arrive out of order.
        (clip) => ({
          ...clip,
          state: "running",
          stage: action.stage,
          fraction: Math.max(clip.fraction, clamp(action.fraction)),
        }),
      );
    case "job":
      return changeClips(
        state,
        (clip) => clip.jobId === action.job.id && !isFinalClip(clip),
        (clip) => fromJob(clip, action.job, action.error),
      );
    case "cancelling":
      return state.run && !runFinished(state.run) ? { ...state, run: { ...state.run, cancelling: true } } : state;
    case "failed":
      return { ...state, error: action.error };
    case "empty":
      return state.run && !runFinished(state.run) ? state : { ...initialAutoMark, empty: true };
    case "dismiss":
      return state.run && !runFinished(state.run) ? state : initialAutoMark;
  }
}

function fromJob(clip: AutoMarkClip, job: Job, error: UiError | null): AutoMarkClip {
  switch (job.state) {
    case "queued":
      return clip.state === "running" ? clip : { ...clip, state: "queued" };
    case "running":
      return {
        ...clip,
        state: "running",
        stage: job.stage ?? clip.stage,
        fraction: Math.max(clip.fraction, clamp(job.fraction)),
      };
    case "completed":
      return { ...clip, state: "completed", stage: null, fraction: 1 };
    case "cancelled":
      return { ...clip, state: "cancelled", stage: null };
    case "failed":
    case "interrupted":
      return { ...clip, state: "failed", stage: null, error };
  }
}

function changeClips(
  state: AutoMarkState,
  matches: (clip: AutoMarkClip) => boolean,
  change: (clip: AutoMarkClip) => AutoMarkClip,
): AutoMarkState {
  if (!state.run || !state.run.clips.some(matches)) return state;
  return {
    ...state,
    run: { ...state.run, clips: state.run.clips.map((clip) => (matches(clip) ? change(clip) : clip)) },
  };
}

function clamp(fraction: number): number {
  return Math.min(1, Math.max(0, fraction));
}

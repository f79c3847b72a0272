import type { UiError } from "../UiError.ts";

/**
 * One analysis of the current clip as the panel shows it. `starting`: clip.analyze was sent.
 * `running`: the engine's job runs (stage and fraction from its progress). The end states keep
 * the path so the view can offer to analyse again.
 */
export type AnalysisState =
  | { readonly phase: "idle" }
  | { readonly phase: "starting"; readonly path: string }
  | {
      readonly phase: "running";
      readonly path: string;
      readonly jobId: string;
      /** Null while queued. */
      readonly stage: string | null;
      readonly fraction: number;
      readonly cancelling: boolean;
    }
  | { readonly phase: "completed"; readonly path: string; readonly jobId: string }
  | { readonly phase: "cancelled"; readonly path: string }
  | { readonly phase: "failed"; readonly path: string; readonly error: UiError };

export type AnalysisAction =
  | { readonly type: "start"; readonly path: string }
  | { readonly type: "queued"; readonly jobId: string }
  /** A job for the clip already runs (started before a reload, or by another panel): follow it. */
  | {
      readonly type: "attached";
      readonly path: string;
      readonly jobId: string;
      readonly stage: string | null;
      readonly fraction: number;
    }
  | { readonly type: "progress"; readonly jobId: string; readonly stage: string; readonly fraction: number }
  | { readonly type: "cancel" }
  | { readonly type: "completed"; readonly jobId: string }
  | { readonly type: "cancelled"; readonly jobId: string | null }
  | { readonly type: "failed"; readonly jobId: string | null; readonly error: UiError }
  | { readonly type: "reset" };

export const initialAnalysis: AnalysisState = { phase: "idle" };

/** Events of other jobs (the engine broadcasts every job) and late ones after the end are ignored. */
export function analysisReducer(state: AnalysisState, action: AnalysisAction): AnalysisState {
  switch (action.type) {
    case "start":
      return state.phase === "starting" || state.phase === "running" ? state : { phase: "starting", path: action.path };
    case "queued":
      return state.phase === "starting"
        ? { phase: "running", path: state.path, jobId: action.jobId, stage: null, fraction: 0, cancelling: false }
        : state;
    case "attached":
      return state.phase === "starting" || state.phase === "running"
        ? state
        : {
            phase: "running",
            path: action.path,
            jobId: action.jobId,
            stage: action.stage,
            fraction: clamp(action.fraction),
            cancelling: false,
          };
    case "progress":
      if (state.phase !== "running" || state.jobId !== action.jobId) return state;
      // Progress never runs backwards on screen, even if notifications arrive out of order.
      return { ...state, stage: action.stage, fraction: Math.max(state.fraction, clamp(action.fraction)) };
    case "cancel":
      return state.phase === "running" ? { ...state, cancelling: true } : state;
    case "completed":
      return state.phase === "running" && state.jobId === action.jobId
        ? { phase: "completed", path: state.path, jobId: action.jobId }
        : state;
    case "cancelled":
      return ownsEnd(state, action.jobId) ? { phase: "cancelled", path: pathOf(state) } : state;
    case "failed":
      return ownsEnd(state, action.jobId) ? { phase: "failed", path: pathOf(state), error: action.error } : state;
    case "reset":
      return state.phase === "starting" || state.phase === "running" ? state : initialAnalysis;
  }
}

/** `jobId` null: the request itself failed before a job existed. */
function ownsEnd(state: AnalysisState, jobId: string | null): boolean {
  if (jobId === null) return state.phase === "starting";
  return state.phase === "running" && state.jobId === jobId;
}

function pathOf(state: AnalysisState): string {
  return state.phase === "idle" ? "" : state.path;
}

function clamp(fraction: number): number {
  return Math.min(1, Math.max(0, fraction));
}

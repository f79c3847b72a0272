import type { ApplyReport } from "../../host/ApplyReport.ts";
import type { UiError } from "../UiError.ts";

/** One clip's latest apply: running, or its report (or why there is none). */
export interface ApplyRun {
  readonly phase: "applying" | "done" | "failed";
  readonly report: ApplyReport | null;
  readonly error: UiError | null;
  /** Whether this run embedded the XMP into the media file instead of writing a sidecar. */
  readonly embed: boolean;
  /** ISO time the run ended. */
  readonly finishedAt: string | null;
}

export interface ApplyState {
  /** Embed XMP into MOV/MP4 instead of writing a sidecar (hosts where the engine writes the XMP). */
  readonly embed: boolean;
  /** By media path: each clip keeps its own report while the panel moves between clips. */
  readonly runs: Readonly<Record<string, ApplyRun>>;
}

export type ApplyAction =
  | { readonly type: "embed"; readonly embed: boolean }
  | { readonly type: "start"; readonly path: string; readonly embed: boolean }
  | { readonly type: "reported"; readonly path: string; readonly report: ApplyReport; readonly at: string }
  | { readonly type: "failed"; readonly path: string; readonly error: UiError; readonly at: string };

export const initialApply: ApplyState = { embed: false, runs: {} };

export function applyReducer(state: ApplyState, action: ApplyAction): ApplyState {
  switch (action.type) {
    case "embed":
      return { ...state, embed: action.embed };
    case "start":
      return {
        ...state,
        runs: {
          ...state.runs,
          [action.path]: { phase: "applying", report: null, error: null, embed: action.embed, finishedAt: null },
        },
      };
    case "reported":
    case "failed": {
      const run = state.runs[action.path];
      if (run?.phase !== "applying") return state;
      const ended: ApplyRun =
        action.type === "reported"
          ? { ...run, phase: "done", report: action.report, finishedAt: action.at }
          : { ...run, phase: "failed", error: action.error, finishedAt: action.at };
      return { ...state, runs: { ...state.runs, [action.path]: ended } };
    }
  }
}

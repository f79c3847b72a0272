import { isFinalClip, type AutoMarkRun } from "./autoMarkReducer.ts";

/** The one progress line of a run: how far all its clips are together, and how many ended how. */
export interface AutoMarkProgress {
  readonly total: number;
  readonly done: number;
  readonly completed: number;
  readonly failed: number;
  readonly cancelled: number;
  /** 0 to 1: every clip weighs the same; an ended clip counts whole. */
  readonly fraction: number;
}

export function autoMarkProgress(run: AutoMarkRun): AutoMarkProgress {
  const count = (state: string): number => run.clips.filter((clip) => clip.state === state).length;
  const total = run.clips.length;
  const sum = run.clips.reduce((all, clip) => all + (isFinalClip(clip) ? 1 : clip.fraction), 0);
  return {
    total,
    done: run.clips.filter(isFinalClip).length,
    completed: count("completed"),
    failed: count("failed"),
    cancelled: count("cancelled"),
    fraction: total === 0 ? 1 : sum / total,
  };
}

/**
 * Progress of long work. `fraction` runs from 0 to 1 over the whole operation; `stage` names the
 * current step ("keyframes", "refine", ...) so a UI can say what is happening, not just how far.
 */
export interface ProgressReport {
  readonly stage: string;
  readonly fraction: number;
}

export interface Progress {
  report(value: ProgressReport): void;
}

export const Progress = {
  None: Object.freeze<Progress>({ report: () => {} }),
};

/**
 * Maps a sub-step's 0..1 onto a slice [from, to] of the parent's range, so nested work reports
 * one monotonic fraction.
 */
export function subProgress(parent: Progress, from: number, to: number): Progress {
  let last = from;
  return {
    report({ stage, fraction }) {
      const mapped = from + (to - from) * Math.min(1, Math.max(0, fraction));
      if (mapped < last) return;
      last = mapped;
      parent.report({ stage, fraction: mapped });
    },
  };
}

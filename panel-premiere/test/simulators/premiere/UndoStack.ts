import type { SimAction } from "./SimAction.ts";

/** One entry of Edit > Undo: everything one transaction committed. */
export interface UndoStep {
  readonly label: string;
  readonly actions: readonly SimAction[];
}

/** Premiere's undo history as far as transactions fill it; tests read and undo it. */
export class UndoStack {
  private readonly steps: UndoStep[] = [];

  push(step: UndoStep): void {
    this.steps.push(step);
  }

  get labels(): string[] {
    return this.steps.map((s) => s.label);
  }

  get size(): number {
    return this.steps.length;
  }

  /** Reverts the last step, its actions in reverse order. */
  undo(): UndoStep {
    const step = this.steps.pop();
    if (!step) throw new Error("nothing to undo");
    for (const action of [...step.actions].reverse()) action.revert();
    return step;
  }
}

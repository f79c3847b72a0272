import type { Action } from "@adobe/premierepro";
import type { ActionGate } from "./ActionGate.ts";

/**
 * A deferred change, as Premiere's `create*Action` functions return it: nothing happens until a
 * transaction commits it. `revert` undoes exactly what `apply` did.
 */
export class SimAction implements Action {
  constructor(
    readonly description: string,
    readonly lockSession: number,
    private readonly applyChange: () => () => void,
  ) {}

  private revertChange: (() => void) | null = null;

  apply(): void {
    this.revertChange = this.applyChange();
  }

  revert(): void {
    this.revertChange?.();
    this.revertChange = null;
  }
}

/** Creates an action after checking it may be created now (inside `project.lockedAccess`). */
export function createAction(gate: ActionGate, description: string, applyChange: () => () => void): SimAction {
  return new SimAction(description, gate.requireLock(description), applyChange);
}

import { SimulatorError } from "./SimulatorError.ts";

/**
 * Premiere's rule for actions (enforced from 26.3): every `create*Action` call happens inside
 * `project.lockedAccess(() => ...)`, whose callback is synchronous: an `await` in it ends the lock
 * before the code after it runs. Each lock gets a session number, so an action can be checked
 * against the lock it was made in.
 */
export class ActionGate {
  private session = 0;
  private open: number | null = null;
  /** Every rule the code under test broke, also when it caught the error. */
  readonly violations: string[] = [];

  get lockSession(): number | null {
    return this.open;
  }

  runLocked(callback: () => void): void {
    if (this.open !== null) {
      callback();
      return;
    }
    this.open = ++this.session;
    let result: unknown;
    try {
      result = callback();
    } finally {
      this.open = null;
    }
    if (isThenable(result)) {
      // The host runs the callback to its first await and releases the lock there; what follows
      // runs unlocked. Fail loudly instead of letting later action creation silently go stale.
      this.refuse("the lockedAccess callback returned a Promise: an await inside the lock is not allowed");
    }
  }

  requireLock(what: string): number {
    if (this.open === null) this.refuse(`${what} was created outside project.lockedAccess`);
    return this.open as number;
  }

  refuse(message: string): never {
    this.violations.push(message);
    throw new SimulatorError(message);
  }
}

export function isThenable(value: unknown): boolean {
  return typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function";
}

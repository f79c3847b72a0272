import { SimApiObject } from "./SimApiObject.ts";
import { SimulatorError } from "./SimulatorError.ts";

/**
 * Watches the calls made through the promise flavour. Resolve's scripting API is not thread-safe:
 * a call that starts while another is still under way is what a bridge must never do, so the
 * simulator refuses it (the promise rejects) and counts it.
 */
export class CallMonitor {
  calls = 0;
  overlaps = 0;
  private inFlight = 0;
  private held: Promise<void> | null = null;

  /**
   * Test control: Resolve answers no call until the function this returns is called, as a busy
   * Resolve keeps a script waiting. Calls already answered stay answered.
   */
  holdAnswers(): () => void {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    this.held = held;
    return () => {
      if (this.held === held) this.held = null;
      release();
    };
  }

  async run<T>(name: string, call: () => T): Promise<T> {
    this.calls++;
    if (this.inFlight > 0) {
      this.overlaps++;
      throw new SimulatorError(`${name} started while another Resolve call was under way`);
    }
    this.inFlight++;
    try {
      // A call is answered later, as over the plugin's bridge to Resolve.
      await new Promise((resolve) => setImmediate(resolve));
      while (this.held) await this.held;
      return call();
    } finally {
      this.inFlight--;
    }
  }
}

/**
 * The API as `WorkflowIntegration.GetResolvePromise()` gives it: every method answers a promise, and
 * the objects it answers are promise-flavoured too. Data (marker dicts, strings) stays as it is.
 */
export function promiseFlavour<T extends SimApiObject>(target: T, monitor: CallMonitor): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver) as unknown;
      if (typeof value !== "function") return value;
      const name = String(property);
      return (...args: unknown[]) => monitor.run(name, () => wrap(value.apply(object, args), monitor));
    },
  });
}

function wrap(value: unknown, monitor: CallMonitor): unknown {
  if (value instanceof SimApiObject) return promiseFlavour(value, monitor);
  if (Array.isArray(value)) return value.map((entry) => wrap(entry, monitor));
  return value;
}

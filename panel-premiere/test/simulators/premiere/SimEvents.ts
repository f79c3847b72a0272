/** One registered listener: `EventManager.addEventListener(target, eventName, handler)`. */
interface Listener {
  readonly target: object | null;
  readonly eventName: unknown;
  readonly handler: (event?: object) => void;
}

/** `EventManager`: listeners per target and event name; the simulator dispatches host events. */
export class SimEvents {
  private readonly listeners: Listener[] = [];

  addEventListener(target: object, eventName: unknown, eventHandler: (event?: object) => void): void {
    this.listeners.push({ target, eventName, handler: eventHandler });
  }

  removeEventListener(target: object, eventName: unknown, eventHandler: (event?: object) => void): void {
    const index = this.listeners.findIndex(
      (l) => l.target === target && l.eventName === eventName && l.handler === eventHandler,
    );
    if (index !== -1) this.listeners.splice(index, 1);
  }

  addGlobalEventListener(eventName: unknown, eventHandler: (event?: object) => void): void {
    this.listeners.push({ target: null, eventName, handler: eventHandler });
  }

  removeGlobalEventListener(eventName: unknown, eventHandler: (event?: object) => void): void {
    const index = this.listeners.findIndex(
      (l) => l.target === null && l.eventName === eventName && l.handler === eventHandler,
    );
    if (index !== -1) this.listeners.splice(index, 1);
  }

  count(eventName: unknown): number {
    return this.listeners.filter((l) => l.eventName === eventName).length;
  }

  dispatch(target: object, eventName: unknown, event: object): void {
    for (const listener of [...this.listeners]) {
      if ((listener.target === target || listener.target === null) && listener.eventName === eventName)
        listener.handler(event);
    }
  }
}

import { SimApiObject } from "./SimApiObject.ts";
import type { SimMediaPool } from "./SimMediaPool.ts";
import type { SimTimeline } from "./SimTimeline.ts";

/** `Project`: its media pool and timelines (1-based), one of them current. */
export class SimProject extends SimApiObject {
  readonly timelines: SimTimeline[] = [];
  current: SimTimeline | undefined;

  constructor(
    readonly name: string,
    readonly mediaPool: SimMediaPool,
  ) {
    super();
  }

  GetName(): string {
    return this.name;
  }

  GetMediaPool(): SimMediaPool {
    return this.mediaPool;
  }

  GetCurrentTimeline(): SimTimeline | undefined {
    return this.current;
  }

  SetCurrentTimeline(timeline: unknown): boolean {
    const found = this.timelines.find((t) => t === timeline);
    if (!found) return false;
    this.current = found;
    return true;
  }

  GetTimelineCount(): number {
    return this.timelines.length;
  }

  GetTimelineByIndex(index: unknown): SimTimeline | undefined {
    return typeof index === "number" ? this.timelines[index - 1] : undefined;
  }
}

/** `ProjectManager`: the project open now, if any. */
export class SimProjectManager extends SimApiObject {
  current: SimProject | undefined;

  GetCurrentProject(): SimProject | undefined {
    return this.current;
  }
}

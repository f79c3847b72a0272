import type { ProjectItem, TickTime } from "@adobe/premierepro";
import { tick, ticksOf } from "./SimTickTime.ts";

/** What the Source Monitor shows: a project item or a file, and its position. */
export interface SourceMonitorState {
  item: ProjectItem | null;
  filePath: string | null;
  position: bigint;
}

/** `SourceMonitor` (static). `setPosition` exists from 26.3 on. */
export function createSourceMonitor(
  state: SourceMonitorState,
  fileExists: (path: string) => boolean,
  hasSetPosition: boolean,
) {
  const monitor = {
    async openProjectItem(projectItem: ProjectItem): Promise<boolean> {
      Object.assign(state, { item: projectItem, filePath: null, position: 0n });
      return true;
    },
    async openFilePath(filePath: string): Promise<boolean> {
      if (!fileExists(filePath)) return false;
      Object.assign(state, { item: null, filePath, position: 0n });
      return true;
    },
    async closeClip(): Promise<boolean> {
      Object.assign(state, { item: null, filePath: null, position: 0n });
      return true;
    },
    async closeAllClips(): Promise<boolean> {
      return monitor.closeClip();
    },
    async getPosition(): Promise<TickTime> {
      return tick(state.position);
    },
    async getProjectItem(): Promise<ProjectItem> {
      return state.item as ProjectItem;
    },
    async play(): Promise<boolean> {
      return state.item !== null || state.filePath !== null;
    },
  };
  if (!hasSetPosition) return monitor;
  return {
    ...monitor,
    async setPosition(position: TickTime): Promise<boolean> {
      if (state.item === null && state.filePath === null) return false;
      state.position = ticksOf(position);
      return true;
    },
  };
}

import fs from "node:fs";
import { childrenByParent, rssKb } from "./procTable.ts";

export interface ProcessTreeRss {
  /** The process and every live descendant. */
  readonly processes: number;
  /** Their resident memory together (VmRSS), in KiB. */
  readonly kb: number;
}

/**
 * Resident memory of a process and all its descendants right now, from /proc: what the machine
 * gives the engine (extension hosts, exiftool, the engine's own helpers) at this moment. Linux only;
 * elsewhere null.
 */
export function processTreeRss(rootPid: number): ProcessTreeRss | null {
  if (!fs.existsSync("/proc/self/status")) return null;
  const children = childrenByParent();
  let processes = 0;
  let kb = 0;
  for (const stack = [rootPid]; stack.length > 0;) {
    const pid = stack.pop()!;
    const rss = rssKb(pid);
    if (rss === null) continue;
    processes++;
    kb += rss;
    stack.push(...(children.get(pid) ?? []));
  }
  return { processes, kb };
}

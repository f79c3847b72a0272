import fs from "node:fs";
import { childrenByParent, rssKb } from "./procTable.ts";

/**
 * Samples the resident memory of a process's descendants (ffmpeg under the engine) from /proc while
 * it runs, since a child's peak is gone once it exits. Linux only; elsewhere reports null.
 */
export function watchDescendantRss(rootPid: number, intervalMs = 25): { stop(): number | null } {
  if (!fs.existsSync("/proc/self/status")) return { stop: () => null };
  let peakKb = 0;
  const timer = setInterval(() => {
    let total = 0;
    for (const pid of descendants(rootPid)) total += rssKb(pid) ?? 0;
    peakKb = Math.max(peakKb, total);
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return peakKb;
    },
  };
}

function descendants(root: number): number[] {
  const children = childrenByParent();
  const out: number[] = [];
  const stack = [...(children.get(root) ?? [])];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

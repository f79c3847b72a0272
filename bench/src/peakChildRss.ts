import fs from "node:fs";

/**
 * Samples the resident memory of a process's descendants (ffmpeg under the engine) from /proc while
 * it runs, since a child's peak is gone once it exits. Linux only; elsewhere reports null.
 */
export function watchDescendantRss(rootPid: number, intervalMs = 25): { stop(): number | null } {
  if (!fs.existsSync("/proc/self/status")) return { stop: () => null };
  let peakKb = 0;
  const timer = setInterval(() => {
    let total = 0;
    for (const pid of descendants(rootPid)) total += rssKb(pid);
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
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // exited while we looked
    }
  }
  const out: number[] = [];
  const stack = [...(children.get(root) ?? [])];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

function rssKb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

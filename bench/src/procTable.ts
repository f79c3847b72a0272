import fs from "node:fs";

/** Every live process's children by parent pid, from /proc (Linux only). */
export function childrenByParent(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // Field 4 (ppid) follows the parenthesised command name, which may itself hold spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // It ended while we looked.
    }
  }
  return children;
}

/** A process's resident memory (VmRSS) in KiB; null once it has ended. */
export function rssKb(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    // A zombie has no VmRSS line: it holds no memory any more.
    return match ? Number(match[1]) : 0;
  } catch {
    return null;
  }
}

/**
 * CPU seconds a process and its descendants have used so far: each live one's own time and that
 * of the children it has reaped (an ffmpeg an extension host ran and waited for). Linux only; 0
 * elsewhere.
 */
export function processTreeCpuSeconds(rootPid: number): number {
  if (!fs.existsSync("/proc/self/stat")) return 0;
  const children = childrenByParent();
  const ticks = 100; // USER_HZ: the kernel reports times in 1/100 s on every Linux we run on
  let total = 0;
  for (const stack = [rootPid]; stack.length > 0;) {
    const pid = stack.pop()!;
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      // Fields 14-17 (utime, stime, cutime, cstime), counted after the parenthesised command name.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      total += fields.slice(11, 15).reduce((sum, v) => sum + Number(v), 0);
    } catch {
      continue;
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total / ticks;
}

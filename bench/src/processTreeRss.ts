import fs from "node:fs";

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
  let processes = 0;
  let kb = 0;
  for (const stack = [rootPid]; stack.length > 0; ) {
    const pid = stack.pop()!;
    const rss = rssKb(pid);
    if (rss === null) continue;
    processes++;
    kb += rss;
    stack.push(...(children.get(pid) ?? []));
  }
  return { processes, kb };
}

function rssKb(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    // A zombie has no VmRSS line: it holds no memory any more.
    return match ? Number(match[1]) : 0;
  } catch {
    return null;
  }
}

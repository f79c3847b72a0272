import path from "node:path";

/**
 * How one machine sees the newsroom's media: a job carries the path as the asking machine saw it
 * (`/Volumes/News/…` on a Mac, `\\nas\News\…` on Windows) and a worker on another machine reads
 * the same file under its own prefix (`/mnt/news/…`). The clip's identity stays its content
 * fingerprint; this only finds the file.
 *
 * Written as `SICHTER_PATH_MAP="/Volumes/News=/mnt/news;\\nas\News=/mnt/news"`: pairs of
 * `seen elsewhere=seen here`, separated by `;`. The longest matching prefix wins; Windows prefixes
 * match without regard to case or slash direction, as Windows paths do.
 */
export class PathMapping {
  private constructor(
    private readonly rules: ReadonlyArray<{ readonly from: string; readonly to: string; readonly windows: boolean }>,
  ) {}

  static parse(setting: string | undefined): PathMapping {
    const rules = (setting ?? "")
      .split(";")
      .map((pair) => pair.trim())
      .filter(Boolean)
      .map((pair) => {
        const at = pair.lastIndexOf("=");
        if (at <= 0 || at === pair.length - 1)
          throw new Error(`SICHTER_PATH_MAP: "${pair}" is not "path elsewhere=path here"`);
        const from = pair.slice(0, at).trim();
        const windows = /^(?:[A-Za-z]:[\\/]|\\\\)/.test(from);
        return {
          from: trimSeparator(windows ? from.replace(/\//g, "\\") : from),
          to: trimSeparator(pair.slice(at + 1).trim()),
          windows,
        };
      })
      .sort((a, b) => b.from.length - a.from.length);
    return new PathMapping(rules);
  }

  /** The path on this machine, or the path unchanged when no rule matches. */
  local(asked: string): string {
    for (const rule of this.rules) {
      const candidate = rule.windows ? asked.replace(/\//g, "\\") : asked;
      const head = candidate.slice(0, rule.from.length);
      const same = rule.windows ? head.toLowerCase() === rule.from.toLowerCase() : head === rule.from;
      const next = candidate.charAt(rule.from.length);
      if (!same || (next !== "" && next !== "/" && next !== "\\")) continue;
      const rest = candidate.slice(rule.from.length).split(/[\\/]/).filter(Boolean);
      return path.posix.join(rule.to, ...rest);
    }
    return asked;
  }
}

function trimSeparator(prefix: string): string {
  return prefix.length > 1 ? prefix.replace(/[\\/]+$/, "") : prefix;
}

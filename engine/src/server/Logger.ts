import fs from "node:fs";
import path from "node:path";

export type LogLevel = "debug" | "info" | "warn" | "error";
const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };
/** Lines kept while the log cannot be written (a full disk): the first ones say what went wrong. */
const MAX_PENDING = 200;

export interface LoggerOptions {
  /** Folder of `engine.log` and its rotated predecessors. */
  readonly dir: string;
  /** `--verbose`: debug lines too, and every line echoed to stderr. */
  readonly verbose?: boolean;
  /** Rotate when the file passes this size (default 1 MiB); `engine.log.1` .. `.3` are kept. */
  readonly maxBytes?: number;
  readonly keep?: number;
  /** Secrets that must never reach a log line (the engine token); replaced wherever they appear. */
  readonly secrets?: readonly string[];
}

/**
 * Structured log: one JSON object a line under `<data>/logs`. Lines name events, codes and ids,
 * never media paths' contents, tokens or anything about a person; paths are logged because an
 * editor's support request needs them, and they stay on this machine.
 */
export class Logger {
  private readonly file: string;
  private size: number;
  private pending: string[] = [];
  private dropped = 0;

  constructor(private readonly options: LoggerOptions) {
    fs.mkdirSync(options.dir, { recursive: true, mode: 0o700 });
    this.file = path.join(options.dir, "engine.log");
    this.size = fs.existsSync(this.file) ? fs.statSync(this.file).size : 0;
  }

  get path(): string {
    return this.file;
  }

  debug(event: string, fields?: Record<string, unknown>): void {
    this.write("debug", event, fields);
  }
  info(event: string, fields?: Record<string, unknown>): void {
    this.write("info", event, fields);
  }
  warn(event: string, fields?: Record<string, unknown>): void {
    this.write("warn", event, fields);
  }
  error(event: string, fields?: Record<string, unknown>): void {
    this.write("error", event, fields);
  }

  private write(level: LogLevel, event: string, fields: Record<string, unknown> = {}): void {
    if (RANK[level] < RANK[this.options.verbose ? "debug" : "info"]) return;
    let line = JSON.stringify({ time: new Date().toISOString(), level, event, ...fields });
    for (const secret of this.options.secrets ?? []) {
      if (secret) line = line.split(secret).join("[redacted]");
    }
    line = line.replace(/([?&]token=)[^&"\s]+/g, "$1[redacted]");
    if (this.options.verbose) process.stderr.write(`${line}\n`);
    const lines = [...this.pending, ...(this.dropped > 0 ? [this.droppedLine()] : []), line];
    const text = `${lines.join("\n")}\n`;
    try {
      if (this.size + text.length > (this.options.maxBytes ?? 1024 * 1024)) this.rotate();
      fs.appendFileSync(this.file, text, { mode: 0o600 });
      this.size += Buffer.byteLength(text);
      this.pending = [];
      this.dropped = 0;
    } catch {
      // A full disk must not take the engine down with it: the lines wait for room, the work goes on.
      if (this.pending.length < MAX_PENDING) this.pending.push(line);
      else this.dropped++;
    }
  }

  private droppedLine(): string {
    return JSON.stringify({
      time: new Date().toISOString(),
      level: "warn",
      event: "log.lines.lost",
      count: this.dropped,
    });
  }

  private rotate(): void {
    const keep = this.options.keep ?? 3;
    for (let i = keep - 1; i >= 1; i--) {
      const from = `${this.file}.${i}`;
      if (fs.existsSync(from)) fs.renameSync(from, `${this.file}.${i + 1}`);
    }
    if (fs.existsSync(this.file)) fs.renameSync(this.file, `${this.file}.1`);
    this.size = 0;
  }
}

import { ErrorCode, type Locale } from "@sichter/shared/errors";
import { SqliteCatalog } from "../../catalog/index.ts";
import { SichterError } from "../../core/SichterError.ts";
import { JobQueue, toWireJob, type JobRecord } from "../../jobs/index.ts";
import { JOB_ID_PATTERN, TransparencyLog, type TransparencySummary } from "../../keywording/privacy/TransparencyLog.ts";
import type { TransparencyRecord } from "../../keywording/privacy/TransparencyRecord.ts";
import type { CliContext } from "../CliContext.ts";
import { parseCommandArgs, usageError } from "../parseCommandArgs.ts";

export const jobHelp = `Usage: sichter job <id> [--privacy] [--json]

A job's state in the engine's queue. With --privacy, what the job sent off this machine instead:
one line per request to a cloud keyword provider (time, provider, endpoint, images and their
sizes in pixels, bytes, attempts, answer). In local-only mode nothing leaves, and it says so.
  --privacy  the job's transparency record (also for "sichter analyze" runs, by their job id)
  --json     machine-readable output`;

const TEXT = {
  en: {
    nothing: (id: string) => `Job ${id}: nothing left this machine.`,
    sent: (id: string, n: number) =>
      `Job ${id}: ${n} ${n === 1 ? "request" : "requests"} to keyword providers left this machine.`,
    header: ["Time", "Provider", "Endpoint", "Images", "Sizes (px)", "Sent", "Attempts", "Answer"],
    perProvider: "Per provider",
    summary: (p: {
      requests: number;
      images: number;
      keyframes: number;
      bytes: string;
      largest: string;
      failures: number;
    }) =>
      `${p.requests} ${p.requests === 1 ? "request" : "requests"}, ${p.images} images (${p.keyframes} keyframes), ${p.bytes}, largest ${p.largest}` +
      (p.failures > 0 ? `, ${p.failures} failed` : ""),
    state: "State",
    clip: "Clip",
    created: "Created",
    started: "Started",
    finished: "Finished",
    error: "Error",
  },
  de: {
    nothing: (id: string) => `Auftrag ${id}: Nichts hat diesen Rechner verlassen.`,
    sent: (id: string, n: number) =>
      `Auftrag ${id}: ${n} ${n === 1 ? "Anfrage" : "Anfragen"} an Schlagwortanbieter ${n === 1 ? "hat" : "haben"} diesen Rechner verlassen.`,
    header: ["Zeit", "Anbieter", "Ziel", "Bilder", "Größen (px)", "Gesendet", "Versuche", "Antwort"],
    perProvider: "Pro Anbieter",
    summary: (p: {
      requests: number;
      images: number;
      keyframes: number;
      bytes: string;
      largest: string;
      failures: number;
    }) =>
      `${p.requests} ${p.requests === 1 ? "Anfrage" : "Anfragen"}, ${p.images} Bilder (${p.keyframes} Keyframes), ${p.bytes}, größtes ${p.largest}` +
      (p.failures > 0 ? `, ${p.failures} fehlgeschlagen` : ""),
    state: "Zustand",
    clip: "Clip",
    created: "Angelegt",
    started: "Begonnen",
    finished: "Beendet",
    error: "Fehler",
  },
} as const;

export async function jobCommand(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs("job", args, {
    privacy: { type: "boolean" },
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    context.stdout.write(`${jobHelp}\n`);
    return 0;
  }
  const [id, ...extra] = positionals;
  if (id === undefined) throw usageError("sichter job needs a job id");
  if (extra.length > 0) throw usageError(`sichter job takes one job id (not "${positionals.join(" ")}")`);
  if (!JOB_ID_PATTERN.test(id)) throw usageError(`"${id}" is not a job id (letters, digits, "-" and "_", at most 128)`);

  const catalog = SqliteCatalog.open();
  try {
    if (values.privacy) {
      const log = new TransparencyLog(catalog.database);
      const records = log.forJob(id);
      context.stdout.write(
        values.json
          ? `${JSON.stringify({ jobId: id, records }, null, 2)}\n`
          : privacyReport(id, records, log.summary(id), context.locale),
      );
      return 0;
    }
    const job = jobOf(catalog, id);
    context.stdout.write(
      values.json ? `${JSON.stringify(toWireJob(job), null, 2)}\n` : stateReport(job, context.locale),
    );
    return 0;
  } finally {
    catalog.dispose();
  }
}

/**
 * Through the queue's own read API, never started: it takes no job, runs nothing. Opening it puts
 * back rows a crashed engine left `running`, exactly as the next engine start would.
 */
function jobOf(catalog: SqliteCatalog, id: string): JobRecord {
  const queue = JobQueue.open(catalog.database, () =>
    Promise.reject(new SichterError(ErrorCode.INTERNAL, { detail: "sichter job runs no jobs" })),
  );
  try {
    const job = queue.get(id);
    if (!job) throw new SichterError(ErrorCode.JOB_NOT_FOUND, { jobId: id });
    return job;
  } finally {
    queue.dispose();
  }
}

function stateReport(job: JobRecord, locale: Locale): string {
  const t = TEXT[locale];
  const progress =
    job.state === "running"
      ? ` (${[job.stage, `${Math.round(job.fraction * 100)} %`].filter(Boolean).join(", ")})`
      : "";
  const rows: Array<[string, string]> = [
    [t.state, `${job.state}${progress}`],
    [t.clip, job.clipPath],
    [t.created, job.createdAt],
    [t.started, job.startedAt ?? "–"],
    [t.finished, job.finishedAt ?? "–"],
    ...(job.error ? [[t.error, `${job.error.code}: ${job.error.message}`] as [string, string]] : []),
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return `${job.id}\n${rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join("\n")}\n`;
}

function privacyReport(
  id: string,
  records: readonly TransparencyRecord[],
  summary: TransparencySummary,
  locale: Locale,
): string {
  const t = TEXT[locale];
  if (records.length === 0) return `${t.nothing(id)}\n`;
  const bytes = byteFormat(locale);
  const rows = records.map((r) => [
    r.at,
    r.provider,
    r.endpoint,
    String(r.images),
    r.imageSizes.map((s) => `${s.width}x${s.height}`).join(", ") || "–",
    bytes(r.bytesSent),
    String(r.attempts),
    [r.status, r.error].filter((x) => x !== null).join(" ") || "–",
  ]);
  const lines = [t.sent(id, records.length), "", ...table([...t.header], rows), "", `${t.perProvider}:`];
  for (const p of summary.providers) {
    const largest = p.largestImage ? `${p.largestImage.width}x${p.largestImage.height}` : "–";
    const period = p.firstAt === p.lastAt ? p.firstAt : `${p.firstAt} – ${p.lastAt}`;
    lines.push(`  ${p.provider}: ${t.summary({ ...p, bytes: bytes(p.bytesSent), largest })}; ${period}`);
  }
  return `${lines.join("\n")}\n`;
}

/** Columns left-aligned, two spaces apart. */
function table(header: readonly string[], body: readonly string[][]): string[] {
  const all = [header, ...body];
  const widths = header.map((_, c) => Math.max(...all.map((row) => row[c]!.length)));
  return all.map((row) =>
    row
      .map((cell, c) => cell.padEnd(widths[c]!))
      .join("  ")
      .trimEnd(),
  );
}

/** Decimal units (kB = 1000 bytes), as `sichter usage` and the providers' invoices count. */
function byteFormat(locale: Locale): (n: number) => string {
  const tag = locale === "de" ? "de-DE" : "en-GB";
  const int = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const one = new Intl.NumberFormat(tag, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (n) => {
    if (n < 1000) return `${int.format(n)} B`;
    const units = ["kB", "MB", "GB"];
    let value = n / 1000;
    let unit = 0;
    while (value >= 1000 && unit < units.length - 1) {
      value /= 1000;
      unit++;
    }
    return `${one.format(value)} ${units[unit]}`;
  };
}

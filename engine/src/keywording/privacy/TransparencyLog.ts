import type { Database } from "better-sqlite3";
import { z } from "zod";
import { ErrorCode } from "@sichter/shared/errors";
import { StatementCache } from "../../catalog/StatementCache.ts";
import { SichterError } from "../../core/SichterError.ts";
import { ContributionId } from "../../extensionApi/ContributionId.ts";
import type { TransparencyRecord } from "./TransparencyRecord.ts";
import { guardSqlite } from "../../catalog/sqliteFailure.ts";

/**
 * Job ids are random (the queue's UUIDs, the CLI's per-clip ids): letters, digits, "-" and "_".
 * Anything else (a slash, a dot, a space) smells of a file name and is refused, so a job id can
 * never smuggle a path into the record.
 */
export const JOB_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

const Count = z.int().nonnegative();

/**
 * TransparencyRecord as a strict schema: an extra field (a path, a file name, a body) is refused
 * rather than dropped, the provider must be a contribution id, the endpoint scheme and host only
 * (no path or query, where keys and names sometimes live) and the error a stable code, not a
 * message that might quote a path.
 */
const StoredRecord = z
  .strictObject({
    at: z.iso.datetime(),
    provider: ContributionId,
    endpoint: z
      .string()
      .max(300)
      .regex(/^https?:\/\/[^\s/?#@\\]+$/, 'scheme and host only, as "https://host[:port]"'),
    images: Count,
    keyframes: Count,
    imageSizes: z.array(z.strictObject({ width: z.int().positive(), height: z.int().positive(), bytes: Count })),
    bytesSent: Count,
    attempts: Count,
    status: z.int().min(100).max(599).nullable(),
    error: z
      .string()
      .regex(/^SICHTER_E_[A-Z0-9_]{1,64}$/, "a SICHTER_E_* code")
      .nullable(),
  })
  .refine((r) => r.imageSizes.length === r.images, { path: ["imageSizes"], message: "one size per image sent" });

// Compile-time guard against drift: the schema has TransparencyRecord's keys and nothing else,
// and what it accepts is a TransparencyRecord.
type SameKeys<A, B> = [Exclude<keyof A, keyof B> | Exclude<keyof B, keyof A>] extends [never] ? true : false;
const schemaMirrorsRecord: SameKeys<z.output<typeof StoredRecord>, TransparencyRecord> = true;
void schemaMirrorsRecord;
const parsedIsRecord = (r: z.output<typeof StoredRecord>): TransparencyRecord => r;
void parsedIsRecord;

/** Per provider, what one job sent: the short answer to "what left this machine?". */
export interface ProviderTransparency {
  readonly provider: string;
  /** Requests made (one record each). */
  readonly requests: number;
  /** HTTP attempts, retries included. */
  readonly attempts: number;
  /** Images and the keyframes on them that actually left: a request that failed before sending a byte counts none. */
  readonly images: number;
  readonly keyframes: number;
  readonly bytesSent: number;
  /** The largest image sent, by pixel count; null when none left. */
  readonly largestImage: { readonly width: number; readonly height: number } | null;
  /** ISO times of the first and the last request. */
  readonly firstAt: string;
  readonly lastAt: string;
  /** Requests that failed for good. */
  readonly failures: number;
}

export interface TransparencySummary {
  readonly jobId: string;
  /** By provider id; empty when nothing left the machine. */
  readonly providers: ProviderTransparency[];
}

interface RecordRow {
  at: string;
  provider: string;
  endpoint: string;
  images: number;
  keyframes: number;
  image_sizes: string;
  bytes_sent: number;
  attempts: number;
  status: number | null;
  error: string | null;
}

const INSERT_SQL = `
  INSERT INTO privacy_records (job_id, at, provider, endpoint, images, keyframes, image_sizes, bytes_sent, attempts, status, error)
  VALUES (@jobId, @at, @provider, @endpoint, @images, @keyframes, @imageSizes, @bytesSent, @attempts, @status, @error)`;

// By send time; the row id keeps requests of the same millisecond in the order they were written.
const FOR_JOB_SQL = `
  SELECT at, provider, endpoint, images, keyframes, image_sizes, bytes_sent, attempts, status, error
  FROM privacy_records WHERE job_id = ? ORDER BY at, id`;

/**
 * What left the machine, per job: one row per provider request in the catalog's `privacy_records`
 * table (migration 5), written from the privacy guard's `onRecord`. It shares the catalog's file,
 * WAL and lock like the usage ledger; get one with `new TransparencyLog(catalog.database)`.
 */
export class TransparencyLog {
  private readonly sql: StatementCache;

  constructor(private readonly db: Database) {
    this.sql = new StatementCache(db);
  }

  /** Validates and stores one request's record; returns its row id. Refuses anything the record must not hold. */
  record(jobId: string, record: TransparencyRecord): number {
    if (typeof jobId !== "string" || !JOB_ID_PATTERN.test(jobId)) {
      throw new SichterError(ErrorCode.INTERNAL, {
        detail: "transparency record refused: the job id must be letters, digits, '-' or '_' (at most 128)",
      });
    }
    const parsed = StoredRecord.safeParse(record);
    if (!parsed.success) {
      const detail = parsed.error.issues
        .map((i) =>
          i.code === "unrecognized_keys"
            ? `not allowed in the transparency record: ${i.keys.join(", ")}`
            : `${i.path.join(".")}: ${i.message}`,
        )
        .join("; ");
      throw new SichterError(ErrorCode.INTERNAL, { detail: `transparency record refused: ${detail}` });
    }
    const r = parsed.data;
    const row = {
      ...r,
      jobId,
      // One spelling of the time, so ordering by the text is ordering by time.
      at: new Date(r.at).toISOString(),
      imageSizes: JSON.stringify(r.imageSizes.map(({ width, height, bytes }) => ({ width, height, bytes }))),
    };
    return this.guard(() => Number(this.sql.get(INSERT_SQL).run(row).lastInsertRowid));
  }

  /** The job's records by send time; empty for a job that sent nothing (or that this catalog never saw). */
  forJob(jobId: string): TransparencyRecord[] {
    const rows = this.guard(() => this.sql.get<RecordRow>(FOR_JOB_SQL).all(jobId));
    return rows.map((row) => ({
      at: row.at,
      provider: row.provider,
      endpoint: row.endpoint,
      images: row.images,
      keyframes: row.keyframes,
      imageSizes: JSON.parse(row.image_sizes) as TransparencyRecord["imageSizes"],
      bytesSent: row.bytes_sent,
      attempts: row.attempts,
      status: row.status,
      error: row.error,
    }));
  }

  /** Totals per provider of one job. */
  summary(jobId: string): TransparencySummary {
    const byProvider = new Map<string, TransparencyRecord[]>();
    for (const r of this.forJob(jobId)) byProvider.set(r.provider, [...(byProvider.get(r.provider) ?? []), r]);
    const providers = [...byProvider]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([provider, records]) => providerTotals(provider, records));
    return { jobId, providers };
  }

  private guard<T>(fn: () => T): T {
    return guardSqlite(this.db.name, fn);
  }
}

function providerTotals(provider: string, records: readonly TransparencyRecord[]): ProviderTransparency {
  // The guard records a failed request's images too; they left only if bytes did (as its traffic count has it).
  const sent = records.filter((r) => r.bytesSent > 0);
  const sizes = sent.flatMap((r) => r.imageSizes);
  const largest = sizes.reduce<{ width: number; height: number } | null>(
    (best, s) =>
      best === null || s.width * s.height > best.width * best.height ? { width: s.width, height: s.height } : best,
    null,
  );
  const times = records.map((r) => r.at).sort();
  return {
    provider,
    requests: records.length,
    attempts: records.reduce((n, r) => n + r.attempts, 0),
    images: sent.reduce((n, r) => n + r.images, 0),
    keyframes: sent.reduce((n, r) => n + r.keyframes, 0),
    bytesSent: records.reduce((n, r) => n + r.bytesSent, 0),
    largestImage: largest,
    firstAt: times[0]!,
    lastAt: times[times.length - 1]!,
    failures: records.filter((r) => r.error !== null).length,
  };
}

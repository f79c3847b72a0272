import fs from "node:fs";
import type { ConnectionOptions } from "node:tls";
import pg from "pg";
import { ErrorCode } from "@sichter/shared/errors";
import { SichterError } from "../../core/SichterError.ts";

/** Whether a catalog setting names a PostgreSQL server rather than a SQLite file. */
export function isPostgresUrl(value: string | undefined): value is string {
  return value !== undefined && /^postgres(?:ql)?:\/\//i.test(value);
}

export interface PostgresConnection {
  readonly config: pg.PoolConfig;
  /** The URL without its password, for messages and logs. */
  readonly display: string;
}

const SSL_PARAMS = ["sslmode", "sslrootcert", "sslcert", "sslkey"] as const;

/**
 * Pool settings from a `postgres://user:password@host:port/database?sslmode=…` URL. TLS is decided
 * here, not by the driver's own URL parsing, so the privacy rule holds whatever its version does:
 * certificates are always checked (DESIGN.md: "certificate checks on, custom CA allowed").
 *
 * - `sslmode=verify-full` (the default off loopback): the chain and the host name are checked;
 * - `sslmode=verify-ca`: the chain is checked, not the name (a server reached by an alias);
 * - `sslmode=require`/`prefer`: taken as verify-full (encryption without a check is not offered);
 * - `sslmode=disable` (the default on loopback): plain TCP, refused for a host off this machine;
 * - `sslrootcert=<file>`: the CA to trust instead of the system's; `sslcert`/`sslkey`: a client certificate.
 */
export function postgresConnection(url: string): PostgresConnection {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid("<unreadable URL>", "SICHTER_CATALOG is not a postgres:// URL");
  }
  const display = redacted(parsed);
  const params = Object.fromEntries(
    SSL_PARAMS.map((name) => [name, parsed.searchParams.get(name) ?? undefined]),
  ) as Record<(typeof SSL_PARAMS)[number], string | undefined>;
  const loopback = isLoopback(parsed.hostname);
  const mode = params.sslmode ?? (loopback ? "disable" : "verify-full");
  let ssl: ConnectionOptions | false;
  switch (mode) {
    case "disable":
      if (!loopback)
        throw invalid(
          display,
          `sslmode=disable is refused for ${parsed.hostname}: a catalog off this machine is reached over TLS only`,
        );
      ssl = false;
      break;
    case "verify-full":
    case "require":
    case "prefer":
      ssl = { rejectUnauthorized: true, ...tlsFiles(params, display) };
      break;
    case "verify-ca":
      ssl = { rejectUnauthorized: true, checkServerIdentity: () => undefined, ...tlsFiles(params, display) };
      break;
    default:
      throw invalid(display, `unknown sslmode "${mode}" (disable, verify-ca or verify-full)`);
  }
  return {
    display,
    config: {
      // Fields, not the URL: the driver's URL parsing would apply its own reading of sslmode.
      host: parsed.hostname.replace(/^\[|\]$/g, "") || "localhost",
      port: parsed.port ? Number(parsed.port) : 5432,
      ...(parsed.username && { user: decodeURIComponent(parsed.username) }),
      ...(parsed.password && { password: decodeURIComponent(parsed.password) }),
      database: decodeURIComponent(parsed.pathname.replace(/^\//, "")) || undefined,
      ssl,
      // bigint ids and counts as numbers (our ids stay far below 2^53), times as ISO strings like SQLite's.
      types: { getTypeParser },
      max: 10,
      connectionTimeoutMillis: 30_000,
      idleTimeoutMillis: 30_000,
      application_name: "sichter",
      // Our statements are short: starting parallel workers for one costs more than they save, and
      // on a busy server far more (a search waited 50 ms for workers that then had nothing to do).
      // JIT compiling is made for long reports: a search whose plan looks costly (the GIN keys are
      // functions of COST 1000) spent 67 of its 108 ms compiling.
      options: "-c max_parallel_workers_per_gather=0 -c jit=off",
    },
  };
}

const INT8 = 20;
const TIMESTAMPTZ = 1184;

function getTypeParser(oid: number, format?: "text" | "binary"): (value: string) => unknown {
  if (oid === INT8) return (value) => Number(value);
  if (oid === TIMESTAMPTZ) {
    const parse = pg.types.getTypeParser(TIMESTAMPTZ, "text") as (value: string) => Date;
    return (value) => parse(value).toISOString();
  }
  return pg.types.getTypeParser(oid, format ?? "text") as (value: string) => unknown;
}

function tlsFiles(
  params: Record<string, string | undefined>,
  display: string,
): Pick<ConnectionOptions, "ca" | "cert" | "key"> {
  const read = (file: string | undefined, what: string): string | undefined => {
    if (file === undefined) return undefined;
    try {
      return fs.readFileSync(file, "utf8");
    } catch (error) {
      throw invalid(display, `cannot read the ${what} ${file}: ${(error as Error).message}`);
    }
  };
  const ca = read(params.sslrootcert, "CA file (sslrootcert)");
  const cert = read(params.sslcert, "client certificate (sslcert)");
  const key = read(params.sslkey, "client key (sslkey)");
  return { ...(ca !== undefined && { ca }), ...(cert !== undefined && { cert }), ...(key !== undefined && { key }) };
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "[::1]" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host) || host === "";
}

function redacted(url: URL): string {
  const copy = new URL(url.toString());
  if (copy.password) copy.password = "***";
  return copy.toString();
}

function invalid(display: string, detail: string): SichterError {
  return new SichterError(ErrorCode.CATALOG_UNAVAILABLE, { path: display, detail });
}

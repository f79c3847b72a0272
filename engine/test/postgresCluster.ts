import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/**
 * A throwaway PostgreSQL server for one test file: a new cluster in a temp folder, listening on a
 * free port of 127.0.0.1 only, stopped and deleted by `stop()`. PostgreSQL refuses to run as root,
 * so under root (tests and CI run so) the cluster belongs to the `postgres` system user Debian's
 * package creates, and its processes run as that user; otherwise it runs as the current user.
 *
 * There is no silent skip: a machine without the server binaries fails with what to install.
 */
export interface PostgresCluster {
  /** postgres://sichter@127.0.0.1:<port>/postgres: the superuser's maintenance database. */
  readonly url: string;
  readonly port: number;
  /** The cluster's folder (data directory and log); TLS material goes in here too. */
  readonly dir: string;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Runs SQL as the superuser in `database` (default: the maintenance database). */
  sql(text: string, database?: string): Promise<pg.QueryResult>;
  stop(): Promise<void>;
}

const SUPERUSER = "sichter";

export function postgresBinDir(): string {
  const candidates: string[] = [];
  try {
    candidates.push(execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim());
  } catch {
    // pg_config comes with the client package; the server may still be installed without it.
  }
  const versions = fs.existsSync("/usr/lib/postgresql")
    ? fs.readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a))
    : [];
  candidates.push(...versions.map((v) => path.join("/usr/lib/postgresql", v, "bin")));
  const found = candidates.find(
    (dir) => fs.existsSync(path.join(dir, "initdb")) && fs.existsSync(path.join(dir, "pg_ctl")),
  );
  if (!found) {
    throw new Error(
      "PostgreSQL server binaries (initdb, pg_ctl) not found via `pg_config --bindir` or /usr/lib/postgresql/*/bin: " +
        "the newsroom catalog tests need a real server. Install Debian's package: apt-get install postgresql",
    );
  }
  return found;
}

/** Who runs the server: the `postgres` system user under root, the current user otherwise. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = fs
    .readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((l) => l.startsWith("postgres:"));
  if (!line)
    throw new Error(
      "tests run as root and PostgreSQL refuses root, but there is no `postgres` user: install Debian's postgresql package",
    );
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function run(
  command: string,
  args: string[],
  user: { uid: number; gid: number } | undefined,
  cwd: string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      ...(user ?? {}),
      env: { ...process.env, LC_ALL: "C.UTF-8" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.once("error", reject);
    child.once("close", (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`${path.basename(command)} ${args.join(" ")} failed (${code}):\n${output}`)),
    );
  });
}

export interface ClusterOptions {
  /** Extra postgresql.conf settings, e.g. { ssl: "on" } (files named relative to the data folder). */
  readonly settings?: Record<string, string>;
  /** Runs after initdb, before the first start (write TLS files into the data folder). */
  readonly prepare?: (dataDir: string) => void;
}

export async function startPostgresCluster(options: ClusterOptions = {}): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  const user = serverUser();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sichter-pg-"));
  const data = path.join(dir, "data");
  const log = path.join(dir, "server.log");
  if (user) fs.chownSync(dir, user.uid, user.gid);
  await run(
    path.join(bin, "initdb"),
    ["-D", data, "-U", SUPERUSER, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
    user,
    dir,
  );
  options.prepare?.(data);
  if (user)
    for (const entry of fs.readdirSync(data, { recursive: true }))
      fs.chownSync(path.join(data, String(entry)), user.uid, user.gid);
  // Test files start clusters in parallel: a port another one took between our look and our start
  // makes the start fail, and the next free port is tried.
  let port = 0;
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    // Durability settings off: the cluster lives for one test file and is deleted after it.
    const settings: Record<string, string> = {
      listen_addresses: "127.0.0.1",
      port: String(port),
      unix_socket_directories: dir,
      fsync: "off",
      synchronous_commit: "off",
      full_page_writes: "off",
      max_connections: "100",
      ...options.settings,
    };
    const flags = Object.entries(settings)
      .map(([k, v]) => `-c ${k}=${v}`)
      .join(" ");
    try {
      await run(path.join(bin, "pg_ctl"), ["-D", data, "-l", log, "-w", "-t", "120", "-o", flags, "start"], user, dir);
      break;
    } catch (error) {
      if (attempt < 3) continue;
      const tail = fs.existsSync(log) ? fs.readFileSync(log, "utf8").slice(-2000) : "";
      fs.rmSync(dir, { recursive: true, force: true });
      throw new Error(`${(error as Error).message}\n${tail}`);
    }
  }
  const url = `postgres://${SUPERUSER}@127.0.0.1:${port}/postgres`;
  const sql = async (text: string, database = "postgres"): Promise<pg.QueryResult> => {
    const client = new pg.Client({
      connectionString: `postgres://${SUPERUSER}@127.0.0.1:${port}/${database}`,
      types: { getTypeParser: bigintAsNumber },
    });
    await client.connect();
    try {
      return await client.query(text);
    } finally {
      await client.end();
    }
  };
  return {
    url,
    port,
    dir,
    sql,
    async createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
      await sql(`CREATE DATABASE ${name}`);
      return `postgres://${SUPERUSER}@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      try {
        await run(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], user, dir);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Counts and ids as numbers, as the catalog reads them. */
function bigintAsNumber(oid: number, format?: "text" | "binary"): (value: string) => unknown {
  if (oid === 20) return (value) => Number(value);
  return pg.types.getTypeParser(oid, format ?? "text") as (value: string) => unknown;
}

import type { PostgresCluster } from "../postgresCluster.ts";

/** A row of the shared queue, as the newsroom tests read it. */
export interface JobRow {
  id: string;
  clip_path: string;
  state: string;
  attempts: number;
  lease_owner: string | null;
  result: { worker?: string } | null;
}

/** Every job in the shared queue of database `db`, by clip path. */
export async function sharedJobs(cluster: PostgresCluster, db: string): Promise<JobRow[]> {
  const found = await cluster.sql(
    "SELECT id, clip_path, state, attempts, lease_owner, result FROM jobs ORDER BY clip_path",
    db,
  );
  return found.rows as JobRow[];
}

/** Every clip in the shared catalog with how many analyses were recorded for it. */
export async function analysesPerClip(
  cluster: PostgresCluster,
  db: string,
): Promise<Array<{ path: string; runs: number }>> {
  const found = await cluster.sql(
    "SELECT path, (SELECT count(*) FROM analysis_runs r WHERE r.clip_id = c.id)::int AS runs FROM clips c ORDER BY path",
    db,
  );
  return found.rows as Array<{ path: string; runs: number }>;
}

/** Polls until `check` holds, up to a generous limit: a loaded machine is slow, nothing here races time. */
export async function eventually<T>(check: () => Promise<T | undefined>, what: string, limitMs = 300_000): Promise<T> {
  for (
    const started = Date.now();
    Date.now() - started < limitMs;
    await new Promise((resolve) => setTimeout(resolve, 200))
  ) {
    const found = await check();
    if (found !== undefined) return found;
  }
  throw new Error(`never happened: ${what}`);
}

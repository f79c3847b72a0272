import os from "node:os";
import path from "node:path";
import type { Database } from "better-sqlite3";
import { SqliteCatalog } from "../../catalog/index.ts";
import { configuredPathMap } from "../../catalog/newsroomSettings.ts";
import { configuredCatalog } from "../../catalog/openCatalog.ts";
import { postgresConnection } from "../../catalog/postgres/postgresConnection.ts";
import { sweepStaleJobFolders } from "../../core/JobTempFolder.ts";
import { sichterDirs } from "../../core/SichterHome.ts";
import { loadExtensions } from "../../extensionHost/loadExtensions.ts";
import { PathMapping } from "../../jobs/postgres/PathMapping.ts";
import { QueueWorker, type QueueWorkerEvent } from "../../jobs/postgres/QueueWorker.ts";
import { SharedJobQueue } from "../../jobs/postgres/SharedJobQueue.ts";
import { ProviderGates } from "../../keywording/privacy/PrivacyGuard.ts";
import { analyzeAndStore } from "../../pipeline/analyzeAndStore.ts";
import { pipelineSteps } from "../../pipeline/PipelineContributions.ts";
import { privacyContextFor } from "../../pipeline/privacyContextFor.ts";
import { toWireAnalysis } from "../../server/analysisRunner.ts";
import type { CliContext } from "../CliContext.ts";
import { parseCommandArgs, usageError } from "../parseCommandArgs.ts";
import { analysisParams } from "./queuedAnalysis.ts";
import { CatalogTagWriter } from "../../pipeline/CatalogTagWriter.ts";

export const workerHelp = `Usage: sichter worker [--name NAME] [--lease SECONDS]

Takes analysis jobs from the newsroom's shared queue (SICHTER_CATALOG=postgres://…) one at a
time, analyses each clip as "sichter analyze" does and records it in the shared catalog. Paths
are mapped to this machine with SICHTER_PATH_MAP ("/Volumes/News=/mnt/news;\\\\nas\\News=/mnt/news")
or pathMap in the config folder's newsroom.json; a lost database is tried again with growing waits;
a job whose file this machine cannot see is given back for another worker. Stops on Ctrl-C or
SIGTERM, giving back a job under way.
  --name    how this worker is named in the queue (default: host name and process id)
  --lease   seconds a job stays this worker's without a sign of life (default 60; renewed at a third)`;

export async function workerCommand(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs("worker", args, {
    name: { type: "string" },
    lease: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    context.stdout.write(`${workerHelp}\n`);
    return 0;
  }
  if (positionals.length > 0) throw usageError("sichter worker takes no files: queue them with sichter queue add");
  const leaseSeconds = Number(values.lease ?? 60);
  if (!Number.isFinite(leaseSeconds) || leaseSeconds <= 0)
    throw usageError(`--lease must be a number of seconds, not "${values.lease}"`);
  const where = configuredCatalog();
  if (where.kind !== "postgres")
    throw usageError(
      "sichter worker needs SICHTER_CATALOG=postgres://… or catalog in newsroom.json (the newsroom's shared queue)",
    );
  const mapping = PathMapping.parse(configuredPathMap());
  const name = values.name ?? `${os.hostname()}-${process.pid}`;
  const de = context.locale === "de";

  sweepStaleJobFolders(sichterDirs().temp);
  const extensions = loadExtensions();
  for (const p of extensions.problems)
    context.stderr.write(`${p.error.code}: ${p.error.localizedMessage(context.locale)}\n`);
  const steps = pipelineSteps(extensions);
  const catalogWriter = CatalogTagWriter.opening();
  const gates = new ProviderGates();
  let ledger: SqliteCatalog | undefined;
  // The usage ledger and transparency record stay on this machine, as for sichter analyze.
  const database = (): Database => (ledger ??= SqliteCatalog.open()).database;
  const privacyFor = privacyContextFor({ registry: extensions, configDir: sichterDirs().config, database, gates });
  const queue = await SharedJobQueue.open(where.location);
  const worker = new QueueWorker({
    queue,
    name,
    mapping,
    leaseMs: leaseSeconds * 1000,
    run: async (job, file, progress, token) => {
      const params = analysisParams(job.params, context.locale);
      const mode = params.shotMode ?? params.mode;
      const stored = await analyzeAndStore(
        file,
        {
          ...steps,
          catalog: catalogWriter,
          language: params.language,
          write: params.write,
          ...(mode && { mode }),
          jobId: job.id,
          privacy: privacyFor(job.id),
        },
        progress,
        token,
      );
      // What a panel's engine answers to job.result (as for an analysis it ran itself), and who ran it where.
      return {
        ...toWireAnalysis(stored, params.range),
        worker: name,
        file,
        clipId: stored.clipId,
        keywords: stored.document.keywords,
      };
    },
    report: (event) => say(event, context),
  });
  context.stdout.write(
    de
      ? `Worker ${name} wartet auf Aufträge in ${postgresConnection(where.location).display}.\n`
      : `Worker ${name} waiting for jobs in ${postgresConnection(where.location).display}.\n`,
  );
  try {
    await worker.run(context.token);
  } finally {
    await queue.close();
    await extensions.stop();
    catalogWriter.dispose();
    ledger?.dispose();
  }
  context.stdout.write(de ? `Worker ${name} beendet.\n` : `Worker ${name} stopped.\n`);
  return 0;
}

/** One line per thing the worker did, in the user's language; codes and their messages on stderr. */
function say(event: QueueWorkerEvent, context: CliContext): void {
  const de = context.locale === "de";
  if (event.kind === "disconnected") {
    const seconds = (event.retryMs / 1000).toFixed(1);
    context.stderr.write(
      de
        ? `Verbindung zur Datenbank verloren (${event.error.code}: ${event.error.localizedMessage(context.locale)}); neuer Versuch in ${seconds} s\n`
        : `lost the database (${event.error.code}: ${event.error.localizedMessage(context.locale)}); trying again in ${seconds} s\n`,
    );
    return;
  }
  if (event.kind === "reconnected") {
    context.stdout.write(de ? "Wieder mit der Datenbank verbunden.\n" : "Connected to the database again.\n");
    return;
  }
  const id = event.job.id.slice(0, 8);
  switch (event.kind) {
    case "started":
      context.stdout.write(de ? `${id} ${event.file}: wird analysiert\n` : `${id} ${event.file}: analysing\n`);
      return;
    case "completed": {
      const r = event.result as { shots: unknown[]; tags: unknown[] };
      context.stdout.write(
        de
          ? `${id} ${path.basename(event.file)}: fertig, ${r.shots.length} Einstellungen, ${r.tags.length} Tags im Katalog\n`
          : `${id} ${path.basename(event.file)}: done, ${r.shots.length} shots, ${r.tags.length} tags in the catalog\n`,
      );
      return;
    }
    case "failed":
      context.stderr.write(`${id} ${event.error.code}: ${event.error.localizedMessage(context.locale)}\n`);
      return;
    case "cancelled":
      context.stdout.write(
        de ? `${id} ${event.job.clipPath}: abgebrochen\n` : `${id} ${event.job.clipPath}: cancelled\n`,
      );
      return;
    case "given-back":
      if (event.error)
        context.stderr.write(`${id} ${event.error.code}: ${event.error.localizedMessage(context.locale)}\n`);
      context.stdout.write(
        de ? `${id} ${event.job.clipPath}: zurückgegeben\n` : `${id} ${event.job.clipPath}: given back\n`,
      );
      return;
    case "lost":
      context.stderr.write(
        de
          ? `${id} ${event.job.clipPath}: Auftrag hat ein anderer Worker übernommen (Lease abgelaufen)\n`
          : `${id} ${event.job.clipPath}: another worker took this job over (lease ran out)\n`,
      );
      return;
  }
}

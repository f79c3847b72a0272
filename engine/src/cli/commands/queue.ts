import path from "node:path";
import { configuredCatalog } from "../../catalog/openCatalog.ts";
import { fingerprintFile } from "../../catalog/fingerprintFile.ts";
import { SharedJobQueue } from "../../jobs/postgres/SharedJobQueue.ts";
import { collectMediaFiles } from "../../pipeline/collectMediaFiles.ts";
import { throwIfCancelled } from "../../core/Cancellation.ts";
import { ANALYSIS_OPTIONS, analysisChoices } from "../analysisOptions.ts";
import type { CliContext } from "../CliContext.ts";
import { parseCommandArgs, usageError } from "../parseCommandArgs.ts";
import type { AnalysisParams } from "./queuedAnalysis.ts";

export const queueHelp = `Usage: sichter queue add <files or folders...> [--sidecar | --embed | --no-write]
                         [--lang de|en] [--exact] [--json]

Queues clips for the newsroom's workers (SICHTER_CATALOG=postgres://…; see sichter worker). A
clip already queued or under way is joined, not queued twice: its identity is its content
fingerprint, wherever it was queued from. The options mean what they mean for sichter analyze.`;

export async function queueCommand(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs("queue", args, ANALYSIS_OPTIONS);
  if (values.help) {
    context.stdout.write(`${queueHelp}\n`);
    return 0;
  }
  const [action, ...inputs] = positionals;
  if (action !== "add")
    throw usageError(`sichter queue knows "add", not "${action ?? ""}" (see: sichter queue --help)`);
  if (inputs.length === 0) throw usageError("sichter queue add needs at least one file or folder");
  const { language, write, exact } = analysisChoices(values, context.locale);
  const where = configuredCatalog();
  if (where.kind !== "postgres")
    throw usageError(
      "sichter queue needs SICHTER_CATALOG=postgres://… or catalog in newsroom.json (the newsroom's shared queue)",
    );
  const params: AnalysisParams = { language, write, ...(exact && { mode: "exact" as const }) };

  const items = await collectMediaFiles(inputs);
  const queue = await SharedJobQueue.open(where.location);
  const de = context.locale === "de";
  const queued: Array<{ file: string; jobId: string; joined: boolean }> = [];
  let failed = 0;
  try {
    for (const item of items) {
      throwIfCancelled(context.token);
      if ("error" in item) {
        failed++;
        context.stderr.write(`${item.error.code}: ${item.error.localizedMessage(context.locale)}\n`);
        continue;
      }
      const file = path.resolve(item.file);
      const { job, joined } = await queue.enqueue({ clipKey: await fingerprintFile(file), clipPath: file, params });
      queued.push({ file, jobId: job.id, joined });
      if (!values.json) {
        context.stdout.write(
          de
            ? `${job.id} ${file}${joined ? " (schon in der Warteschlange)" : ""}\n`
            : `${job.id} ${file}${joined ? " (already queued)" : ""}\n`,
        );
      }
    }
  } finally {
    await queue.close();
  }
  if (values.json) context.stdout.write(`${JSON.stringify({ queued }, null, 2)}\n`);
  return failed > 0 ? 1 : 0;
}

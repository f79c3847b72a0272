import { SqliteCatalog } from "../../catalog/index.ts";
import { UsageLedger } from "../../keywording/usage/UsageLedger.ts";
import { usageReport } from "../../keywording/usage/usageReport.ts";
import type { CliContext } from "../CliContext.ts";
import { parseCommandArgs, usageError } from "../parseCommandArgs.ts";

export const usageHelp = `Usage: sichter usage [--since DATE] [--until DATE] [--json]

What the cloud keyword providers were asked and what it cost (estimated from prices.json in the
config folder), per provider and per minute of footage. The ledger holds no user, file or job.
  --since    from this date or time on (YYYY-MM-DD = 00:00 UTC, or an ISO date-time)
  --until    up to but not including this date or time (--since 2026-11-01 --until 2026-12-01
             is November)
  --json     machine-readable output`;

export async function usageCommand(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs("usage", args, {
    json: { type: "boolean" },
    since: { type: "string" },
    until: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    context.stdout.write(`${usageHelp}\n`);
    return 0;
  }
  if (positionals.length > 0)
    throw usageError(`sichter usage takes no arguments, only options (not "${positionals.join(" ")}")`);
  const since = values.since === undefined ? undefined : parseDate(values.since, "--since");
  const until = values.until === undefined ? undefined : parseDate(values.until, "--until");
  if (since && until && since >= until) throw usageError("--since must be before --until");

  const catalog = SqliteCatalog.open();
  try {
    const summary = new UsageLedger(catalog.database).summary({ ...(since && { since }), ...(until && { until }) });
    context.stdout.write(values.json ? `${JSON.stringify(summary, null, 2)}\n` : usageReport(summary, context.locale));
    return 0;
  } finally {
    catalog.dispose();
  }
}

/** A date (midnight UTC) or an ISO date-time with its zone; anything looser is ambiguous for a bill. */
function parseDate(value: string, flag: string): Date {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value);
  const date = new Date(value);
  // Date rolls 2026-02-31 over into March; a day that does not exist is a typo, not a date.
  const exists = !Number.isNaN(date.getTime()) && (!dateOnly || date.toISOString().startsWith(value));
  if ((!dateOnly && !dateTime) || !exists) {
    throw usageError(`${flag} needs a date like 2026-11-01 or a time like 2026-11-01T08:00:00Z, not "${value}"`);
  }
  return date;
}

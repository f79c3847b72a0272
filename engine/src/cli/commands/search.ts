import { TagSource, TagStatus } from "@sichter/shared/model";
import type { SearchFilters } from "../../catalog/index.ts";
import { openCatalog } from "../../catalog/openCatalog.ts";
import type { CliContext } from "../CliContext.ts";
import { parseCommandArgs, usageError } from "../parseCommandArgs.ts";

export const searchHelp = `Usage: sichter search "<query>" [--json] [--source S,...] [--status S,...]
                       [--since DATE] [--path PREFIX] [--limit N]

Searches the catalog: tags, on-screen text and descriptions, ranked; words match as prefixes and
umlauts fold (Köln = Koeln = koln).
  --source   ocr, vision, speech, technical, motion, user (comma-separated)
  --status   suggested, accepted, rejected (default: suggested and accepted)
  --since    only clips analysed on or after this date (YYYY-MM-DD)
  --path     only clips whose path starts with this
  --limit    most clips to list (default 50)
  --json     machine-readable output`;

export async function searchCommand(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs("search", args, {
    json: { type: "boolean" },
    source: { type: "string" },
    status: { type: "string" },
    since: { type: "string" },
    path: { type: "string" },
    limit: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    context.stdout.write(`${searchHelp}\n`);
    return 0;
  }
  const query = positionals.join(" ").trim();
  if (query.length === 0) throw usageError('sichter search needs a query, e.g. sichter search "Landtag"');
  const filters: SearchFilters = {
    ...(values.source !== undefined && { sources: list(values.source, TagSource.options, "--source") }),
    ...(values.status !== undefined && { statuses: list(values.status, TagStatus.options, "--status") }),
    ...(values.since !== undefined && { analysedSince: isoDate(values.since) }),
    ...(values.path !== undefined && { pathPrefix: values.path }),
    ...(values.limit !== undefined && { limit: positiveInt(values.limit) }),
  };
  const catalog = await openCatalog();
  try {
    const results = await catalog.search(query, filters);
    if (values.json) {
      const doc = {
        results: results.map((r) => ({
          file: r.clip.path,
          clipId: r.clip.id,
          score: r.score,
          hits: r.hits.map(({ label, source, status, startFrame, endFrame, startTimecode, tagId }) => ({
            label,
            source,
            status,
            startFrame,
            endFrame,
            startTimecode,
            tagId,
          })),
        })),
      };
      context.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
    } else if (results.length === 0) {
      context.stdout.write(context.locale === "de" ? "Keine Treffer.\n" : "No results.\n");
    } else {
      for (const r of results) {
        context.stdout.write(`${r.clip.path}\n`);
        for (const h of r.hits.slice(0, 5)) context.stdout.write(`  ${h.startTimecode}  ${h.label}  (${h.source})\n`);
      }
    }
    return 0;
  } finally {
    catalog.dispose();
  }
}

function list<T extends string>(value: string, allowed: readonly T[], flag: string): T[] {
  const items = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = items.filter((i) => !allowed.includes(i as T));
  if (bad.length > 0) throw usageError(`${flag} takes ${allowed.join(", ")}; not ${bad.join(", ")}`);
  return items as T[];
}

function isoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(Date.parse(value)))
    throw usageError(`--since needs a date like 2026-11-01, not "${value}"`);
  return value;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    throw usageError(`--limit must be a whole number from 1 to 1000, not "${value}"`);
  return n;
}

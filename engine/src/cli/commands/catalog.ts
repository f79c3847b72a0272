import fs from "node:fs";
import path from "node:path";
import { ErrorCode } from "@sichter/shared/errors";
import { defaultCatalogPath, thumbnailsFolderOf } from "../../catalog/catalogPath.ts";
import { copySqliteCatalog } from "../../catalog/postgres/copySqliteCatalog.ts";
import { PostgresCatalog } from "../../catalog/postgres/PostgresCatalog.ts";
import { copyThumbnailFiles } from "../../catalog/postgres/postgresThumbnails.ts";
import { isPostgresUrl } from "../../catalog/postgres/postgresConnection.ts";
import { SqliteCatalog } from "../../catalog/SqliteCatalog.ts";
import { SichterError } from "../../core/SichterError.ts";
import type { CliContext } from "../CliContext.ts";
import { parseCommandArgs, usageError } from "../parseCommandArgs.ts";

export const catalogHelp = `Usage: sichter catalog migrate --to postgres://USER@HOST/DATABASE[?sslmode=verify-full&sslrootcert=CA.pem] [--from FILE] [--json]

Moves this install's SQLite catalog into an empty newsroom catalog on PostgreSQL: every clip, run,
shot, keyframe, tag with its decision, typed tag and OCR line, with their ids (thumbnails keep
their names). One transaction: on any failure nothing is written. The SQLite file is left as it
was. Afterwards set SICHTER_CATALOG to the same URL for the engine, the command line and workers.
  --to    the PostgreSQL database (created empty by its administrator; see docs/newsroom.md)
  --from  the SQLite catalog to move (default: the catalog in the data folder)
  --json  the copied row counts as JSON`;

export async function catalogCommand(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs("catalog", args, {
    to: { type: "string" },
    from: { type: "string" },
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    context.stdout.write(`${catalogHelp}\n`);
    return 0;
  }
  if (positionals[0] !== "migrate" || positionals.length > 1)
    throw usageError('sichter catalog knows one action: "migrate" (see: sichter catalog --help)');
  if (!isPostgresUrl(values.to))
    throw usageError("sichter catalog migrate needs --to postgres://… (see: sichter catalog --help)");
  const from = path.resolve(values.from ?? defaultCatalogPath());
  if (!fs.existsSync(from))
    throw new SichterError(ErrorCode.CATALOG_UNAVAILABLE, { path: from, detail: "there is no catalog file to move" });

  const source = SqliteCatalog.open(from);
  try {
    const target = await PostgresCatalog.open(values.to);
    try {
      const { copied, pictures } = await target.withTransaction(async (db) => ({
        copied: await copySqliteCatalog(source.database, db, target.path),
        // Keyframe pictures move into the database, where every editor's engine finds them.
        pictures: await copyThumbnailFiles(db, thumbnailsFolderOf(from)),
      }));
      if (values.json) {
        context.stdout.write(`${JSON.stringify({ from, to: target.path, copied, thumbnails: pictures }, null, 2)}\n`);
      } else {
        const de = context.locale === "de";
        context.stdout.write(`${de ? "Katalog übertragen" : "Catalog moved"}: ${from} -> ${target.path}\n`);
        for (const [table, rows] of Object.entries(copied)) context.stdout.write(`  ${table.padEnd(14)} ${rows}\n`);
        context.stdout.write(`  ${(de ? "Vorschaubilder" : "thumbnails").padEnd(14)} ${pictures}\n`);
        context.stdout.write(
          de ? `Jetzt SICHTER_CATALOG=${target.path} setzen.\n` : `Now set SICHTER_CATALOG=${target.path}.\n`,
        );
      }
      return 0;
    } finally {
      await target.close();
    }
  } finally {
    source.dispose();
  }
}

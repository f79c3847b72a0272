import path from "node:path";
import { ErrorCode } from "@sichter/shared/errors";
import { writeFileAtomic } from "../../core/moveFile.ts";
import { SichterError } from "../../core/SichterError.ts";
import { loadExtensions } from "../../extensionHost/loadExtensions.ts";
import type { CliContext } from "../CliContext.ts";
import { parseCommandArgs, usageError } from "../parseCommandArgs.ts";
import type { Catalog } from "../../catalog/Catalog.ts";
import { openCatalog } from "../../catalog/openCatalog.ts";
import { catalogPlan } from "../../pipeline/catalogPlan.ts";

export const exportHelp = `Usage: sichter export <clip path or catalog id> --format csv|edl|json [--out FILE] [--lang de|en]

Exports a catalogued clip's markers (shots, on-screen text, cues, motion, keywords; rejected tags
left out):
  csv   one row per marker with frames and timecodes (UTF-8, opens in spreadsheets)
  edl   CMX3600 EDL with one locator per marker (Avid locators, Resolve markers)
  json  the tag plan a host would write
Without --out the export goes to stdout.`;

export async function exportCommand(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs("export", args, {
    format: { type: "string" },
    out: { type: "string" },
    lang: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    context.stdout.write(`${exportHelp}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw usageError("sichter export needs one clip (see: sichter export --help)");
  const format = values.format;
  if (format !== "csv" && format !== "edl" && format !== "json") throw usageError("--format must be csv, edl or json");
  const language = values.lang ?? context.locale;
  if (language !== "de" && language !== "en") throw usageError(`--lang must be de or en, not "${values.lang}"`);

  // The formats are the built-in exports extension's commands, the same ones the panels offer.
  const extensions = loadExtensions();
  let exported: { text?: unknown };
  let catalog: Promise<Catalog> | undefined;
  try {
    const ref = /^\d+$/.test(positionals[0]!) ? positionals[0]! : path.resolve(positionals[0]!);
    // The extension reads the clip through the engine (its "catalog" permission): opened when asked.
    exported = (await extensions.executeCommand(`sichter.export.${format}`, [{ clip: ref, language }], {
      catalogPlan: async (clip, lang) => catalogPlan(await (catalog ??= openCatalog()), clip, lang),
    })) as { text?: unknown };
  } finally {
    await extensions.stop();
    (await catalog?.catch(() => undefined))?.dispose();
  }
  if (typeof exported?.text !== "string")
    throw new SichterError(ErrorCode.INTERNAL, { detail: `sichter.export.${format} returned no text` });
  if (values.out) {
    const out = path.resolve(values.out);
    try {
      writeFileAtomic(out, exported.text);
    } catch (error) {
      throw new SichterError(
        ErrorCode.OUTPUT_NOT_WRITABLE,
        { path: out, detail: (error as Error).message },
        { cause: error },
      );
    }
  } else {
    context.stdout.write(exported.text);
  }
  return 0;
}

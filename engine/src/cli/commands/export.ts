import fs from "node:fs";
import path from "node:path";
import { ErrorCode } from "@sichter/shared/protocol";
import type { Tag, TagSet } from "@sichter/shared/model";
import { SqliteCatalog, type Catalog, type StoredClip } from "../../catalog/index.ts";
import { writeFileAtomic } from "../../core/moveFile.ts";
import { SichterError } from "../../core/SichterError.ts";
import { exportCsv } from "../../exports/exportCsv.ts";
import { exportEdl } from "../../exports/exportEdl.ts";
import { buildTagPlan } from "../../pipeline/buildTagPlan.ts";
import type { CliContext } from "../CliContext.ts";
import { parseCommandArgs, usageError } from "../parseCommandArgs.ts";

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

  const catalog = SqliteCatalog.open();
  try {
    const clip = findClip(catalog, positionals[0]!);
    const set: TagSet = {
      clip,
      shots: catalog.shots(clip.id),
      keyframes: [],
      tags: catalog.tags(clip.id).map(
        ({ label, kind, language: lang, source, confidence, startFrame, endFrame, status, provenance }): Tag => ({ label, kind, language: lang, source, confidence, startFrame, endFrame, status, provenance }),
      ),
      ocrText: [],
      analyzedAt: clip.lastAnalysed ?? clip.firstSeen,
    };
    const plan = buildTagPlan(set, language);
    const text = format === "csv" ? exportCsv(clip, plan) : format === "edl" ? exportEdl(clip, plan) : `${JSON.stringify(plan, null, 2)}\n`;
    if (values.out) {
      const out = path.resolve(values.out);
      try {
        writeFileAtomic(out, text);
      } catch (error) {
        throw new SichterError(ErrorCode.OUTPUT_NOT_WRITABLE, { path: out, detail: (error as Error).message }, { cause: error });
      }
    } else {
      context.stdout.write(text);
    }
    return 0;
  } finally {
    catalog.dispose();
  }
}

/** A catalog id, or a path (as given, or resolved through symlinks as analyze stored it). */
function findClip(catalog: Catalog, ref: string): StoredClip {
  if (/^\d+$/.test(ref)) return catalog.clip(Number(ref));
  const absolute = path.resolve(ref);
  const real = fs.existsSync(absolute) ? fs.realpathSync(absolute) : absolute;
  const clip = catalog.findClip(real) ?? catalog.findClip(absolute);
  if (!clip) throw new SichterError(ErrorCode.NOT_IN_CATALOG, { what: absolute });
  return clip;
}

import { randomUUID } from "node:crypto";
import path from "node:path";
import type { Database } from "better-sqlite3";
import { SqliteCatalog } from "../../catalog/index.ts";
import { ProviderGates } from "../../keywording/privacy/PrivacyGuard.ts";
import { privacyContextFor } from "../../pipeline/privacyContextFor.ts";
import { ErrorCode } from "@sichter/shared/errors";
import { sweepStaleJobFolders } from "../../core/JobTempFolder.ts";
import { subProgress } from "../../core/Progress.ts";
import { SichterError, isSichterError, toSichterError } from "../../core/SichterError.ts";
import { sichterDirs } from "../../core/SichterHome.ts";
import { loadExtensions } from "../../extensionHost/loadExtensions.ts";
import { analyzeAndStore, type XmpWritten } from "../../pipeline/analyzeAndStore.ts";
import type { ClipAnalysis } from "../../pipeline/analyzeClip.ts";
import { collectMediaFiles } from "../../pipeline/collectMediaFiles.ts";
import { pipelineSteps } from "../../pipeline/PipelineContributions.ts";
import type { CliContext } from "../CliContext.ts";
import { ANALYSIS_OPTIONS, analysisChoices } from "../analysisOptions.ts";
import { parseCommandArgs, usageError } from "../parseCommandArgs.ts";
import { ProgressBar } from "../ProgressBar.ts";
import { CatalogTagWriter } from "../../pipeline/CatalogTagWriter.ts";

export const analyzeHelp = `Usage: sichter analyze <files or folders...> [--json] [--sidecar | --embed | --no-write]
                       [--lang de|en] [--exact]

Finds shots and keyframes, reads on-screen text, detects black, colour bars, freeze frames,
silence and camera motion, stores everything in the catalog and writes XMP metadata.
  --sidecar   write clip.xmp beside the media (default; the media file is not touched)
  --embed     write XMP into MOV/MP4 files themselves (atomic; other formats are refused)
  --no-write  catalog only, no XMP
  --lang      language of labels and description (default: your locale)
  --exact     decode every frame for shot detection
  --json      machine-readable output
Folders are searched recursively for video files. A failing file does not stop the batch; the
exit code is 1 if any file failed.`;

export async function analyzeCommand(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs("analyze", args, ANALYSIS_OPTIONS);
  if (values.help) {
    context.stdout.write(`${analyzeHelp}\n`);
    return 0;
  }
  if (positionals.length === 0)
    throw usageError("sichter analyze needs at least one file or folder (see: sichter analyze --help)");
  const { language, write, exact } = analysisChoices(values, context.locale);

  const items = await collectMediaFiles(positionals);
  sweepStaleJobFolders(sichterDirs().temp);
  const extensions = loadExtensions();
  for (const p of extensions.problems)
    context.stderr.write(`${p.error.code}: ${p.error.localizedMessage(context.locale)}\n`);
  // Every step is an extension (engine/extensions/ holds the built-ins): one path for all of them.
  const steps = pipelineSteps(extensions);
  const catalogWriter = CatalogTagWriter.opening();
  const gates = new ProviderGates();
  let catalog: SqliteCatalog | undefined;
  const database = (): Database => (catalog ??= SqliteCatalog.open()).database;
  // Read once: a broken privacy.json or prices.json is one error before any work, not one per file.
  const privacyFor = privacyContextFor({ registry: extensions, configDir: sichterDirs().config, database, gates });
  const bar = new ProgressBar(context.stderr);
  const clips: unknown[] = [];
  const failed: Array<{ file: string; error: SichterError }> = [];
  try {
    for (const [n, item] of items.entries()) {
      if ("error" in item) {
        failed.push({ file: item.input, error: item.error });
        continue;
      }
      const label = `[${n + 1}/${items.length}] ${path.basename(item.file)} `;
      try {
        const jobId = randomUUID();
        const privacy = privacyFor(jobId);
        const stored = await analyzeAndStore(
          item.file,
          {
            ...steps,
            catalog: catalogWriter,
            language,
            write,
            ...(exact && { mode: "exact" as const }),
            jobId,
            privacy,
          },
          subProgress({ report: (p) => bar.report({ ...p, stage: `${label}${p.stage}` }) }, 0, 1),
          context.token,
        );
        const { analysis: result, written } = stored;
        clips.push(stored.document);
        bar.done();
        if (!values.json) context.stdout.write(summaryLine(result, written, language));
        // Analysed, but not all of it (a file cut short): said, not counted as a failure.
        for (const w of result.warnings) context.stderr.write(`${w.code}: ${w.localizedMessage(context.locale)}\n`);
        // A writer's failure keeps its own code and words (the sidecar is read-only); the clip is
        // catalogued all the same and counted so below.
        for (const w of stored.notWritten) failed.push({ file: item.file, error: w.error });
        for (const f of stored.document.failures.filter(
          (f) => !stored.notWritten.some((w) => w.writer === f.analyzer),
        )) {
          failed.push({
            file: item.file,
            error: new SichterError(ErrorCode.ANALYZER_FAILED, {
              analyzer: f.analyzer,
              path: item.file,
              detail: `${f.code}: ${f.message}`,
            }),
          });
        }
      } catch (error) {
        bar.done();
        if (isSichterError(error, ErrorCode.CANCELLED)) throw error;
        failed.push({ file: item.file, error: toSichterError(error) });
      }
    }
  } finally {
    bar.done();
    await extensions.stop();
    catalogWriter.dispose();
    catalog?.dispose();
  }
  if (values.json) {
    context.stdout.write(
      `${JSON.stringify({ clips, failed: failed.map((f) => ({ file: f.file, code: f.error.code, message: f.error.localizedMessage(context.locale) })) }, null, 2)}\n`,
    );
  }
  for (const f of failed) context.stderr.write(`${f.error.code}: ${f.error.localizedMessage(context.locale)}\n`);
  // What the catalog holds now: a clip whose analyzer or writer failed is in it all the same.
  const ok = clips.length;
  context.stderr.write(
    context.locale === "de"
      ? `${ok} von ${items.length} Dateien analysiert und katalogisiert${failed.length > 0 ? `, ${failed.length} Fehler` : ""}.\n`
      : `${ok} of ${items.length} files analysed and catalogued${failed.length > 0 ? `, ${failed.length} ${failed.length === 1 ? "error" : "errors"}` : ""}.\n`,
  );
  return failed.length > 0 ? 1 : 0;
}

function summaryLine(result: ClipAnalysis, written: XmpWritten | null, language: "de" | "en"): string {
  const where = written?.sidecar ?? (written?.embedded ? result.media.path : null);
  const keywords = result.plan.keywords.slice(0, 6).join(", ");
  return language === "de"
    ? `${result.media.path}: ${result.tagSet.shots.length} Einstellungen, ${result.tagSet.tags.length} Tags${keywords ? ` (${keywords})` : ""}${where ? ` → ${where}` : ""}\n`
    : `${result.media.path}: ${result.tagSet.shots.length} shots, ${result.tagSet.tags.length} tags${keywords ? ` (${keywords})` : ""}${where ? ` → ${where}` : ""}\n`;
}

import { JobTempFolder, sweepStaleJobFolders } from "../../core/JobTempFolder.ts";
import { sichterDirs } from "../../core/SichterHome.ts";
import type { ShotDetectionMode } from "../../extensionApi/ShotDetection.ts";
import { loadExtensions } from "../../extensionHost/loadExtensions.ts";
import { probeMedia } from "../../media/probeMedia.ts";
import { shotReport, type ShotReport } from "../shotReport.ts";
import type { CliContext } from "../CliContext.ts";
import { parseCommandArgs, usageError } from "../parseCommandArgs.ts";
import { ProgressBar } from "../ProgressBar.ts";

export const shotsHelp = `Usage: sichter shots <file> [--json] [--exact | --mode auto|fast|exact]
                     [--sensitivity 0..1] [--min-shot FRAMES]

Finds the shots of a clip: hard cuts at their exact frame, dissolves and fades as frame ranges.
  --json             machine-readable output (frames are 0-based, endFrame exclusive)
  --exact            decode every frame (same as --mode exact)
  --mode             auto (default: fast for long-GOP, exact for intra-only codecs), fast, exact
  --sensitivity      0 = only obvious changes ... 1 = every plausible change (default 0.5)
  --min-shot         shortest shot in frames (default: 2)`;

export async function shotsCommand(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs("shots", args, {
    json: { type: "boolean" },
    exact: { type: "boolean" },
    mode: { type: "string" },
    sensitivity: { type: "string" },
    "min-shot": { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    context.stdout.write(`${shotsHelp}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw usageError("sichter shots needs exactly one file (see: sichter shots --help)");
  const mode = values.exact ? "exact" : parseMode(values.mode);
  const sensitivity = parseNumber("--sensitivity", values.sensitivity, 0, 1);
  const minShotFrames = parseNumber("--min-shot", values["min-shot"], 1, 100_000);

  const bar = new ProgressBar(context.stderr);
  const media = await probeMedia(positionals[0]!, context.token);
  // The shot step is a contribution like any other (the built-in shots extension unless another
  // is enabled), so the command shows what an analysis would find.
  const extensions = loadExtensions();
  for (const p of extensions.problems)
    context.stderr.write(`${p.error.code}: ${p.error.localizedMessage(context.locale)}\n`);
  const tempRoot = sichterDirs().temp;
  sweepStaleJobFolders(tempRoot);
  const temp = JobTempFolder.create(tempRoot);
  try {
    const tuning = {
      ...(sensitivity !== undefined && { sensitivity }),
      ...(minShotFrames !== undefined && { minShotFrames: Math.round(minShotFrames) }),
    };
    const result = await extensions.shotDetection().detect(media, mode, temp.path, bar, context.token, tuning);
    bar.done();
    const report = shotReport(media, result);
    context.stdout.write(
      values.json ? `${JSON.stringify(report, null, 2)}\n` : formatShotTable(report, context.locale === "de"),
    );
  } finally {
    bar.done();
    // The steps' processes end first: nothing of theirs writes into the folder once it is gone.
    await extensions.stop();
    temp.dispose();
  }
  return 0;
}

function parseMode(value: string | undefined): ShotDetectionMode {
  if (value === undefined) return "auto";
  if (value === "auto" || value === "fast" || value === "exact") return value;
  throw usageError(`--mode must be auto, fast or exact, not "${value}"`);
}

function parseNumber(flag: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max)
    throw usageError(`${flag} must be a number from ${min} to ${max}, not "${value}"`);
  return n;
}

export function formatShotTable(report: ShotReport, de: boolean): string {
  const names = { cut: de ? "Schnitt" : "cut", dissolve: de ? "Blende" : "dissolve", fade: de ? "Abblende" : "fade" };
  const header = de
    ? `${report.file}\n${report.frameRate} fps${report.dropFrame ? " DF" : ""}, ${report.frameCount} Bilder, Start ${report.startTimecode}, ${report.shots.length} Einstellungen (Modus ${report.mode}${report.decodedFrames === undefined ? "" : `, ${report.decodedFrames} Bilder dekodiert`})\n\n`
    : `${report.file}\n${report.frameRate} fps${report.dropFrame ? " DF" : ""}, ${report.frameCount} frames, start ${report.startTimecode}, ${report.shots.length} shots (mode ${report.mode}${report.decodedFrames === undefined ? "" : `, ${report.decodedFrames} frames decoded`})\n\n`;
  const cols = de ? ["Nr", "Anfang", "Ende", "Bilder", "Übergang"] : ["#", "Start", "End", "Frames", "Transition"];
  const rows = report.shots.map((s) => [
    String(s.index + 1),
    s.startTimecode,
    s.endTimecode,
    String(s.endFrame - s.startFrame),
    s.transition
      ? s.transition.type === "cut"
        ? names.cut
        : `${names[s.transition.type]} ${s.transition.startFrame}–${s.transition.endFrame}`
      : "",
  ]);
  const widths = cols.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]): string =>
    r
      .map((v, i) => (i === 0 || i === 3 ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return `${header}${line(cols)}\n${rows.map(line).join("\n")}\n`;
}

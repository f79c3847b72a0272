import fs from "node:fs";
import path from "node:path";
import { ErrorCode } from "@sichter/shared/errors";
import { NEAR_DUPLICATE_BITS } from "../../media/perceptualHash.ts";
import { loadExtensions } from "../../extensionHost/loadExtensions.ts";
import { JobTempFolder, sweepStaleJobFolders } from "../../core/JobTempFolder.ts";
import { moveFile, writeFileAtomic } from "../../core/moveFile.ts";
import { subProgress } from "../../core/Progress.ts";
import { SichterError } from "../../core/SichterError.ts";
import { sichterDirs } from "../../core/SichterHome.ts";
import { mediaTimecode } from "../../media/mediaTimecode.ts";
import { probeMedia } from "../../media/probeMedia.ts";
import type { CliContext } from "../CliContext.ts";
import { parseCommandArgs, usageError } from "../parseCommandArgs.ts";
import { ProgressBar } from "../ProgressBar.ts";

export const keyframesHelp = `Usage: sichter keyframes <file> --out DIR [--width PX] [--json]

Writes representative frames of every shot as JPEG into DIR, with index.json listing each frame's
number, timecode, shot and perceptual hash. Near-duplicates (hashes at most ${NEAR_DUPLICATE_BITS} of 64 bits apart)
are left out. Frames are prepared in a temporary folder and moved into DIR only when all succeeded.
  --out DIR    output folder (created if missing)
  --width PX   JPEG width (default 640)
  --json       print the index to stdout as well`;

export async function keyframesCommand(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs("keyframes", args, {
    out: { type: "string" },
    width: { type: "string" },
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    context.stdout.write(`${keyframesHelp}\n`);
    return 0;
  }
  if (positionals.length !== 1 || !values.out)
    throw usageError("sichter keyframes needs one file and --out DIR (see: sichter keyframes --help)");
  const width = values.width === undefined ? 640 : Number(values.width);
  if (!Number.isInteger(width) || width < 16 || width > 7680 || width % 2 !== 0) {
    throw usageError(`--width must be an even number of pixels from 16 to 7680, not "${values.width}"`);
  }
  const outDir = path.resolve(values.out);
  try {
    fs.mkdirSync(outDir, { recursive: true });
    fs.accessSync(outDir, fs.constants.W_OK);
  } catch (error) {
    throw new SichterError(
      ErrorCode.OUTPUT_NOT_WRITABLE,
      { path: outDir, detail: (error as Error).message },
      { cause: error },
    );
  }

  const media = await probeMedia(positionals[0]!, context.token);
  const tempRoot = sichterDirs().temp;
  sweepStaleJobFolders(tempRoot);
  const temp = JobTempFolder.create(tempRoot);
  const bar = new ProgressBar(context.stderr);
  // Shots and keyframes are the contributed steps an analysis runs (the built-in shots extension).
  const extensions = loadExtensions();
  for (const p of extensions.problems)
    context.stderr.write(`${p.error.code}: ${p.error.localizedMessage(context.locale)}\n`);
  try {
    const shots = await extensions
      .shotDetection()
      .detect(media, "auto", temp.path, subProgress(bar, 0, 0.6), context.token);
    const result = await extensions
      .keyframeSelection()
      .select(media, shots.shots, temp.path, subProgress(bar, 0.6, 1), context.token, { width });
    for (const k of result.keyframes) moveFile(temp.file(k.file), path.join(outDir, k.file));
    // Timecodes count at the nominal rate of a VFR clip, as the keyframes' own do.
    const timeline = mediaTimecode(media);
    const tc = timeline.context;
    const index = {
      file: media.path,
      frameRate: timeline.frameRate,
      dropFrame: tc.dropFrame,
      startTimecode: tc.toTimecode(0),
      nearDuplicateBits: NEAR_DUPLICATE_BITS,
      shots: shots.shots.length,
      keyframes: result.keyframes,
      duplicates: result.duplicates,
    };
    const json = JSON.stringify(index, null, 2);
    writeFileAtomic(path.join(outDir, "index.json"), `${json}\n`);
    bar.done();
    context.stdout.write(
      values.json
        ? `${json}\n`
        : context.locale === "de"
          ? `${result.keyframes.length} Keyframes aus ${shots.shots.length} Einstellungen in ${outDir} (${result.duplicates.length} Beinahe-Duplikate ausgelassen)\n`
          : `${result.keyframes.length} keyframes from ${shots.shots.length} shots in ${outDir} (${result.duplicates.length} near-duplicates left out)\n`,
    );
    return 0;
  } finally {
    bar.done();
    // The steps' processes end first: nothing of theirs writes into the folder once it is gone.
    await extensions.stop();
    temp.dispose();
  }
}

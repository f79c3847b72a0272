/**
 * Runs one Sichter shot detection in its own process so the benchmark measures the engine alone:
 * wall time of probe + detection and the process's peak resident memory.
 * argv: <file> <fast|exact>; prints one JSON line.
 */
import { probeMedia } from "@sichter/engine";
import { detectShots } from "@sichter/engine/extensions/shots";

const [file, mode] = process.argv.slice(2) as [string, "fast" | "exact"];
const started = performance.now();
const media = await probeMedia(file);
const result = await detectShots(media, { mode });
const seconds = (performance.now() - started) / 1000;
process.stdout.write(
  `${JSON.stringify({
    seconds,
    mode: result.mode,
    fallbackReason: result.fallbackReason,
    decodedFrames: result.decodedFrames,
    frameCount: media.frameCount,
    boundaries: result.boundaries,
    maxRssKb: process.resourceUsage().maxRSS,
  })}\n`,
);

import { probeMedia } from "../../media/probeMedia.ts";
import type { MediaInfo } from "../../media/MediaInfo.ts";
import type { CliContext } from "../CliContext.ts";
import { parseCommandArgs, usageError } from "../parseCommandArgs.ts";

export const probeHelp = `Usage: sichter probe <file> [--json] [--frame-times]

Reads a clip's format without decoding it: container, codec, size, exact frame rate, frame count,
start timecode, drop-frame, interlacing, keyframes and whether the frame rate varies.
  --json          machine-readable output
  --frame-times   include every frame's presentation time (long for long clips)`;

export async function probeCommand(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs("probe", args, {
    json: { type: "boolean" },
    "frame-times": { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    context.stdout.write(`${probeHelp}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw usageError("sichter probe needs exactly one file (see: sichter probe --help)");
  const media = await probeMedia(positionals[0]!, context.token);
  if (values.json) {
    const { frameTimes, packetSizes, seekOffsetSeconds, ...rest } = media;
    const doc = values["frame-times"] ? { ...rest, frameTimes } : rest;
    context.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    context.stdout.write(formatProbe(media, context.locale === "de"));
  }
  return 0;
}

function formatProbe(m: MediaInfo, de: boolean): string {
  const yes = de ? "ja" : "yes";
  const no = de ? "nein" : "no";
  const rows: Array<[string, string]> = [
    [de ? "Datei" : "File", m.path],
    ["Container", m.container],
    ["Codec", `${m.codec}${m.profile ? ` (${m.profile})` : ""}`],
    [de ? "Bildgröße" : "Size", `${m.width}x${m.height}${pixelAspectNote(m, de)}`],
    [
      de ? "Bildrate" : "Frame rate",
      `${m.frameRate}${m.variableFrameRate ? (de ? " (variabel)" : " (variable)") : ""}`,
    ],
    [de ? "Bilder" : "Frames", String(m.frameCount)],
    [de ? "Dauer" : "Duration", `${m.durationSeconds.toFixed(3)} s`],
    ["Start-Timecode", m.startTimecode ?? (de ? "keiner" : "none")],
    ["Drop-Frame", m.dropFrame ? yes : no],
    [de ? "Halbbilder" : "Scan", m.interlaced ? `interlaced (${m.fieldOrder})` : m.fieldOrder],
    [
      de ? "Keyframes" : "Keyframes",
      `${m.keyframes.length}${m.intraOnly ? (de ? " (nur Intra)" : " (intra-only)") : ""}`,
    ],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return `${rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join("\n")}\n`;
}

/** Non-square pixels: their shape and the size the picture is shown at. */
function pixelAspectNote(m: MediaInfo, de: boolean): string {
  if (!m.pixelAspect || m.pixelAspect === "1/1") return "";
  const [num, den] = m.pixelAspect.split("/").map(Number) as [number, number];
  const shown = `${Math.round((m.width * num) / den)}x${m.height}`;
  return de
    ? ` (Pixelseitenverhältnis ${m.pixelAspect}, angezeigt ${shown})`
    : ` (pixel aspect ${m.pixelAspect}, shown ${shown})`;
}

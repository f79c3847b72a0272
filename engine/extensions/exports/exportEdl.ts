import path from "node:path";
import { type Clip, type TagPlan, createTimecodeContext, parseFrameRate } from "@sichter/engine/extension-api";
import { markerRows } from "./markerRows.ts";

/** Avid locator colours; ours map to the nearest. */
const LOCATOR_COLORS: Record<string, string> = {
  green: "GREEN",
  red: "RED",
  purple: "MAGENTA",
  orange: "YELLOW",
  yellow: "YELLOW",
  white: "WHITE",
  blue: "BLUE",
  cyan: "CYAN",
};

/**
 * A CMX3600 EDL with one event spanning the clip and a `* LOC:` locator comment per marker, the
 * form Avid imports as locators and Resolve as markers. CMX3600 is 7-bit ASCII with short lines:
 * names are transliterated (ä -> ae) and cut to keep the lines valid.
 */
export function exportEdl(clip: Clip, plan: TagPlan): string {
  const tc = createTimecodeContext({
    rate: parseFrameRate(clip.frameRate),
    dropFrame: clip.dropFrame,
    start: clip.startTimecode,
  });
  const start = tc.toTimecode(0);
  const end = tc.toTimecode(clip.frameCount);
  const name = ascii(path.basename(clip.path));
  const lines = [
    `TITLE: ${ascii(path.basename(clip.path, path.extname(clip.path))).slice(0, 60)}`,
    `FCM: ${clip.dropFrame ? "DROP FRAME" : "NON-DROP FRAME"}`,
    "",
    `001  AX       V     C        ${start} ${end} ${start} ${end}`,
    `* FROM CLIP NAME: ${name}`,
    ...markerRows(clip, plan).map(
      (r) =>
        `* LOC: ${r.startTimecode} ${(LOCATOR_COLORS[r.color] ?? "WHITE").padEnd(7)} ${ascii(r.name).slice(0, 60)}`,
    ),
  ];
  return `${lines.join("\r\n")}\r\n`;
}

function ascii(text: string): string {
  return text
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/Ä/g, "Ae")
    .replace(/Ö/g, "Oe")
    .replace(/Ü/g, "Ue")
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(/[^\x20-\x7e]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

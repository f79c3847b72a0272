import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** DejaVu Sans Bold from the bench package's devDependency (`dejavu-fonts-ttf`). */
export function ocrFont(file = "DejaVuSans-Bold.ttf"): string {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
  const require = createRequire(path.join(root, "bench/package.json"));
  let font: string;
  try {
    font = require.resolve(`dejavu-fonts-ttf/ttf/${file}`);
  } catch {
    font = path.join(root, "node_modules/dejavu-fonts-ttf/ttf", file);
  }
  if (!fs.existsSync(font)) throw new Error(`font not found: ${font} (install the bench package's devDependencies)`);
  return font;
}

/** Escapes text for drawtext's text='...' inside a filter graph. */
export function drawtextEscape(text: string): string {
  return text
    .replace(/\\/g, "\\\\\\\\")
    .replace(/'/g, "\u2019")
    .replace(/:/g, "\\:")
    .replace(/%/g, "\\%")
    .replace(/,/g, "\\,");
}

/**
 * A lower third shown for frames [start, end): a dark translucent bar with white text.
 */
export function lowerThirdFilter(l: {
  text: string;
  start: number;
  end: number;
  size: number;
  y: number;
  x?: number;
  font: string;
  rate: number;
  width: number;
}): string {
  const enable = `enable='between(n\\,${l.start}\\,${l.end - 1})'`;
  const x = l.x ?? Math.round(l.width * 0.05);
  const barHeight = Math.round(l.size * 1.9);
  return [
    `drawbox=x=0:y=${l.y - Math.round(l.size * 0.45)}:w=${l.width}:h=${barHeight}:color=black@0.65:t=fill:${enable}`,
    `drawtext=fontfile='${l.font}':text='${drawtextEscape(l.text)}':fontsize=${l.size}:fontcolor=white:x=${x}:y=${l.y}:${enable}`,
  ].join(",");
}

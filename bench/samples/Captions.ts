import { drawtext } from "./DrawText.ts";
import { boldFont, regularFont } from "./Fonts.ts";
import type { PlacedText, TextRegion } from "./Timeline.ts";

/**
 * How on-screen text is laid out, as fractions of the frame: a box first (so text stays readable on
 * any picture and a test can find it), then the lines. Lower thirds and the top banner are
 * semi-transparent like real news graphics, the full-screen card nearly opaque.
 */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

interface RegionStyle {
  readonly box: Box;
  readonly color: string;
  readonly maxLines: number;
  /** Beyond this the line would run out of its box at these sizes (DejaVu Sans Bold is wide). */
  readonly maxChars: number;
}

const styles: Record<TextRegion, RegionStyle> = {
  "lower-third": { box: { x: 0.05, y: 0.74, w: 0.62, h: 0.16 }, color: "0x0c1a3a@0.8", maxLines: 2, maxChars: 34 },
  top: { box: { x: 0, y: 0, w: 1, h: 0.09 }, color: "0xa01010@0.85", maxLines: 1, maxChars: 60 },
  full: { box: { x: 0, y: 0, w: 1, h: 1 }, color: "0x0a1430@0.92", maxLines: 3, maxChars: 40 },
};

const TEXT_COLOR = "0xf4f4f4";

export function textBox(region: TextRegion): Box {
  return styles[region].box;
}

/** Problems with a text event's lines; empty when it can be drawn. */
export function textProblems(region: TextRegion, lines: readonly string[]): string[] {
  const style = styles[region];
  const problems: string[] = [];
  if (lines.length === 0 || lines.length > style.maxLines)
    problems.push(`${region} takes 1 to ${style.maxLines} lines`);
  for (const line of lines) {
    if (line.trim() === "" || line !== line.trim()) problems.push(`${region} line "${line}" is empty or padded`);
    if (line !== line.normalize("NFC"))
      problems.push(`${region} line "${line}" is not NFC (truth and pixels would differ)`);
    if ([...line].length > style.maxChars) problems.push(`${region} line "${line}" is longer than ${style.maxChars}`);
  }
  return problems;
}

/** Filters drawing one text event on finished frames (`n` is the output frame index). */
export function captionFilters(placed: PlacedText, frameHeight: number): string[] {
  const { event, range } = placed;
  const problems = textProblems(event.region, event.lines);
  if (problems.length > 0) throw new Error(problems.join("; "));
  const on = `between(n,${range.start},${range.end - 1})`;
  const style = styles[event.region];
  const { box } = style;
  const px = (share: number) => Math.round(share * frameHeight);
  const filters = [
    `drawbox=x=iw*${box.x}:y=ih*${box.y}:w=iw*${box.w}:h=ih*${box.h}:color=${style.color}:t=fill:enable='${on}'`,
  ];
  const line = (text: string, bold: boolean, size: number, x: string, y: string) =>
    drawtext({ text, font: bold ? boldFont() : regularFont(), size, x, y, color: TEXT_COLOR, enable: on });
  switch (event.region) {
    case "lower-third": {
      const [name, role] = event.lines as [string, string | undefined];
      if (role === undefined) {
        filters.push(line(name, true, px(0.052), "w*0.07", "h*0.795"));
      } else {
        filters.push(
          line(name, true, px(0.052), "w*0.07", "h*0.755"),
          line(role, false, px(0.038), "w*0.07", "h*0.835"),
        );
      }
      break;
    }
    case "top":
      filters.push(line(event.lines[0] as string, true, px(0.045), "w*0.04", "h*0.022"));
      break;
    case "full":
      event.lines.forEach((text, i) => {
        const centre = 0.5 + (i - (event.lines.length - 1) / 2) * 0.11;
        filters.push(line(text, i === 0, px(0.065), "(w-text_w)/2", `h*${centre.toFixed(3)}-text_h/2`));
      });
      break;
  }
  return filters;
}

import type { Font } from "./Fonts.ts";

/**
 * ffmpeg's drawtext, with the escaping done once and right. A text passes three parsers on its way
 * from our string to the glyphs:
 *  1. drawtext's own expansion (`%{...}` sequences, `\` escapes): switched off with expansion=none,
 *     so '%' and '\' need nothing;
 *  2. the filter's option parser, which splits at ':' and '=': the value goes in single quotes,
 *     inside which nothing is special except the quote itself, written as '\'' (close, escaped
 *     quote, reopen);
 *  3. the filter graph parser, which splits at ',', ';', '[' and ']' and also removes one level of
 *     quotes and backslashes: every one of those characters, quote and backslash included, gets a
 *     backslash.
 * The font path takes the same route. The argument vector goes to ffmpeg without a shell, so there
 * is no fourth level. DrawText.test.ts checks the result against drawtext reading the same text
 * from a file, which bypasses levels 2 and 3.
 */
export function drawtextValue(value: string): string {
  return escapeForGraph(quoteOptionValue(value));
}

/** Level 2: one option value of a filter. */
export function quoteOptionValue(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`;
}

/** Level 3: a filter's whole argument string inside a filter graph. */
export function escapeForGraph(args: string): string {
  return args.replace(/[\\'[\],;]/g, (c) => `\\${c}`);
}

export interface DrawTextOptions {
  readonly text: string;
  readonly font: Font;
  /** Pixels. */
  readonly size: number;
  /** ffmpeg expressions in w, h, text_w, text_h; they must contain no ',' (the graph parser would split there). */
  readonly x: string;
  readonly y: string;
  readonly color: string;
  /** An expression in n, passed through unquoted-by-us: callers quote it as the other filters do. */
  readonly enable?: string;
}

export function drawtext(options: DrawTextOptions): string {
  for (const expr of [options.x, options.y]) {
    if (/[,;[\]'\\]/.test(expr)) throw new Error(`drawtext position ${expr} needs graph escaping`);
  }
  return [
    `drawtext=fontfile=${drawtextValue(options.font.path)}`,
    "expansion=none",
    `fontsize=${options.size}`,
    `fontcolor=${options.color}`,
    `x=${options.x}`,
    `y=${options.y}`,
    `text=${drawtextValue(options.text)}`,
    ...(options.enable ? [`enable='${options.enable}'`] : []),
  ].join(":");
}

import type { Clip, TagPlan } from "@sichter/engine/extension-api";
import { markerRows } from "./markerRows.ts";

const COLUMNS = [
  "name",
  "comment",
  "kind",
  "color",
  "start_frame",
  "end_frame",
  "start_timecode",
  "end_timecode",
] as const;

/**
 * Markers as CSV (RFC 4180 quoting, CRLF lines). A byte-order mark makes spreadsheet programs read
 * umlauts as UTF-8 instead of guessing a legacy code page.
 */
export function exportCsv(clip: Clip, plan: TagPlan): string {
  const rows = markerRows(clip, plan).map((r) =>
    [r.name, r.comment, r.kind, r.color, r.startFrame, r.endFrame, r.startTimecode, r.endTimecode]
      .map(csvField)
      .join(","),
  );
  return `\uFEFF${[COLUMNS.join(","), ...rows].join("\r\n")}\r\n`;
}

function csvField(value: string | number): string {
  const text = String(value);
  // A leading =, +, - or @ would run as a formula in a spreadsheet; a quote and apostrophe defuse it.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

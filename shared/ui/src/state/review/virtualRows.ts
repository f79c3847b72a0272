import type { StoredTag } from "@sichter/shared/protocol";
import type { TagGroup, TagGroupKey } from "./groupTags.ts";

/**
 * The review list as rows of one column: each group's heading, then its tags. The list draws only
 * the rows near the visible part of the page (and the focused or edited one, wherever it is) and
 * stands in for the others with empty space of their height, so a clip with hundreds of tags costs
 * what a screenful costs.
 */
export type ReviewRow =
  | { readonly kind: "group"; readonly key: string; readonly group: TagGroupKey; readonly size: number }
  | {
      readonly kind: "tag";
      readonly key: string;
      readonly group: TagGroupKey;
      readonly tag: StoredTag;
      /** 1-based place in its group, for aria-posinset (screen readers count rows that are not drawn). */
      readonly position: number;
      readonly size: number;
    };

/** Below this many rows the list is drawn whole: cheap, and the browser's find-in-page sees every tag. */
export const VIRTUAL_FROM_ROWS = 80;

/** Heights until a row has been measured (px); measured heights replace them. */
export const ESTIMATED_HEIGHT = { group: 30, tag: 58 } as const;

export function reviewRows(groups: readonly TagGroup[]): ReviewRow[] {
  return groups.flatMap((group): ReviewRow[] => [
    { kind: "group", key: `group:${group.key}`, group: group.key, size: group.tags.length },
    ...group.tags.map((tag, at): ReviewRow => ({
      kind: "tag",
      key: `tag:${tag.id}`,
      group: group.key,
      tag,
      position: at + 1,
      size: group.tags.length,
    })),
  ]);
}

/** Where each row starts (px from the list's top), and the whole list's height. */
export interface RowLayout {
  readonly offsets: readonly number[];
  readonly heights: readonly number[];
  readonly total: number;
}

/**
 * Rows not measured yet count as high as the measured rows of their kind on average (labels wrap
 * alike in one panel width), or ESTIMATED_HEIGHT before any is: the closer the guess, the less the
 * list moves under the reader when rows are drawn.
 */
export function layoutRows(rows: readonly ReviewRow[], measured: ReadonlyMap<string, number>): RowLayout {
  const sums = { group: 0, tag: 0 };
  const counts = { group: 0, tag: 0 };
  for (const row of rows) {
    const height = measured.get(row.key);
    if (height === undefined) continue;
    sums[row.kind] += height;
    counts[row.kind]++;
  }
  const guess = (kind: ReviewRow["kind"]): number =>
    counts[kind] > 0 ? sums[kind] / counts[kind] : ESTIMATED_HEIGHT[kind];
  const offsets: number[] = [];
  const heights: number[] = [];
  let total = 0;
  for (const row of rows) {
    const height = measured.get(row.key) ?? guess(row.kind);
    offsets.push(total);
    heights.push(height);
    total += height;
  }
  return { offsets, heights, total };
}

/** First and last row (inclusive) that touch [top, bottom] (px in the list), or null when none does. */
export function rowsBetween(layout: RowLayout, top: number, bottom: number): { first: number; last: number } | null {
  const count = layout.offsets.length;
  if (count === 0 || bottom < 0 || top > layout.total || bottom < top) return null;
  const first = Math.max(0, lastStartingAtOrBefore(layout, Math.max(0, top)));
  const last = Math.max(first, lastStartingAtOrBefore(layout, bottom));
  return { first, last: Math.min(count - 1, last) };
}

/** Binary search: the last row whose top is at or above `y`. */
function lastStartingAtOrBefore(layout: RowLayout, y: number): number {
  let low = 0;
  let high = layout.offsets.length - 1;
  let found = 0;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (layout.offsets[middle]! <= y) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/**
 * Which rows to draw: every row of a short list; of a long one the rows within `overscan` px of the
 * visible part [viewTop, viewBottom] (px in the list) plus the `pinned` ones (the focused row keeps
 * DOM focus, the edited one its input, wherever they are scrolled).
 */
export function rowsToDraw(
  layout: RowLayout,
  viewTop: number,
  viewBottom: number,
  overscan: number,
  pinned: readonly number[],
): Set<number> {
  const count = layout.offsets.length;
  const drawn = new Set<number>();
  if (count < VIRTUAL_FROM_ROWS) {
    for (let i = 0; i < count; i++) drawn.add(i);
    return drawn;
  }
  const range = rowsBetween(layout, viewTop - overscan, viewBottom + overscan);
  if (range) for (let i = range.first; i <= range.last; i++) drawn.add(i);
  for (const index of pinned) if (index >= 0 && index < count) drawn.add(index);
  return drawn;
}

/** A stretch of the list as drawn: rows, or the space of rows that are not drawn. */
export interface Stretch {
  readonly kind: "rows" | "gap";
  readonly first: number;
  readonly last: number;
  /** Of a gap: the height of its rows (px). */
  readonly height: number;
}

/** Rows `first..last` (inclusive) as drawn rows and gaps, in list order. */
export function stretches(layout: RowLayout, drawn: ReadonlySet<number>, first: number, last: number): Stretch[] {
  const out: Stretch[] = [];
  let at = first;
  while (at <= last) {
    const isDrawn = drawn.has(at);
    let end = at;
    while (end + 1 <= last && drawn.has(end + 1) === isDrawn) end++;
    out.push({
      kind: isDrawn ? "rows" : "gap",
      first: at,
      last: end,
      height: layout.offsets[end]! + layout.heights[end]! - layout.offsets[at]!,
    });
    at = end + 1;
  }
  return out;
}

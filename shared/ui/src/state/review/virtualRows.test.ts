import type { StoredTag } from "@sichter/shared/protocol";
import { describe, expect, it } from "vitest";
import { storedTagFixture } from "../../../../protocol/test/wireFixtures.ts";
import { groupTags } from "./groupTags.ts";
import {
  ESTIMATED_HEIGHT,
  layoutRows,
  reviewRows,
  rowsBetween,
  rowsToDraw,
  stretches,
  VIRTUAL_FROM_ROWS,
} from "./virtualRows.ts";

const tag = (id: number, source: StoredTag["source"]): StoredTag =>
  ({ ...storedTagFixture, id, source, startFrame: id, endFrame: id + 10, label: `tag ${id}` }) as StoredTag;
/** 250 tags in three groups, like the 5-minute sample: 253 rows. */
const many = Array.from({ length: 250 }, (_, i) => tag(i + 1, i < 150 ? "ocr" : i < 200 ? "technical" : "motion"));
const rows = reviewRows(groupTags(many));

describe("reviewRows", () => {
  it("lists each group's heading before its tags, with each tag's place in its group", () => {
    expect(rows).toHaveLength(253);
    expect(rows[0]).toMatchObject({ kind: "group", group: "ocr", size: 150 });
    expect(rows[1]).toMatchObject({ kind: "tag", position: 1, size: 150 });
    expect(rows[151]).toMatchObject({ kind: "group", group: "technical", size: 50 });
    expect(rows[201]).toMatchObject({ kind: "tag", group: "technical", position: 50, size: 50 });
  });
});

describe("layoutRows and rowsBetween", () => {
  it("places rows by measured height, estimating the rest, and finds the rows of a span", () => {
    const layout = layoutRows(rows, new Map([["tag:1", 100]]));
    expect(layout.offsets.slice(0, 4)).toEqual([
      0,
      ESTIMATED_HEIGHT.group,
      ESTIMATED_HEIGHT.group + 100,
      ESTIMATED_HEIGHT.group + 200,
    ]);
    // Tags not measured yet count as high as the measured one.
    expect(layout.total).toBe(3 * ESTIMATED_HEIGHT.group + 250 * 100);
    expect(layoutRows(rows, new Map()).total).toBe(3 * ESTIMATED_HEIGHT.group + 250 * ESTIMATED_HEIGHT.tag);
    expect(rowsBetween(layout, 0, 10)).toEqual({ first: 0, last: 0 });
    expect(rowsBetween(layout, 31, 131)).toEqual({ first: 1, last: 2 });
    expect(rowsBetween(layout, 31, 130)).toEqual({ first: 1, last: 2 });
    expect(rowsBetween(layout, 31, 129)).toEqual({ first: 1, last: 1 });
    expect(rowsBetween(layout, layout.total - 1, layout.total + 500)).toEqual({ first: 252, last: 252 });
    expect(rowsBetween(layout, -500, -1)).toBeNull();
    expect(rowsBetween(layout, layout.total + 1, layout.total + 100)).toBeNull();
  });
});

describe("rowsToDraw and stretches", () => {
  it("draws a screenful of a long list plus the focused row, and stands in for the rest with their height", () => {
    const layout = layoutRows(rows, new Map());
    const drawn = rowsToDraw(layout, 1000, 1720, 200, [250]);
    const visible = rowsBetween(layout, 800, 1920)!;
    expect([...drawn].sort((a, b) => a - b)).toEqual([
      ...Array.from({ length: visible.last - visible.first + 1 }, (_, i) => visible.first + i),
      250,
    ]);
    expect(drawn.size).toBeLessThan(30);
    const parts = stretches(layout, drawn, 0, rows.length - 1);
    expect(parts.map((p) => p.kind)).toEqual(["gap", "rows", "gap", "rows", "gap"]);
    // Drawn rows and gaps add up to the whole list, so the scrollbar is right.
    expect(parts.reduce((sum, p) => sum + p.height, 0)).toBe(layout.total);
    expect(
      parts
        .filter((p) => p.kind === "rows")
        .flatMap((p) => Array.from({ length: p.last - p.first + 1 }, (_, i) => p.first + i)),
    ).toEqual([...drawn].sort((a, b) => a - b));
  });

  it("draws a short list whole", () => {
    const short = reviewRows(groupTags(many.slice(0, VIRTUAL_FROM_ROWS - 2)));
    expect(short.length).toBeLessThan(VIRTUAL_FROM_ROWS);
    expect(rowsToDraw(layoutRows(short, new Map()), 0, 10, 0, []).size).toBe(short.length);
  });
});

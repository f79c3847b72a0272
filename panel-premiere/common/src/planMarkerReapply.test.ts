import { describe, expect, it } from "vitest";
import { decodeLedgerEntries, encodeLedgerEntry } from "./markerLedger.ts";
import { type ExistingMarker, type WantedMarker, planMarkerReapply } from "./planMarkerReapply.ts";

function existing(start: number, name: string, guid?: string, comments = "c"): ExistingMarker {
  const marker = { start: String(start), duration: "10", name, comments, colorIndex: 5 };
  return guid === undefined ? marker : { ...marker, guid };
}

function wanted(start: number, name: string, comments = "c"): WantedMarker {
  return { start: String(start), duration: "10", name, comments, colorIndex: 5 };
}

describe("planMarkerReapply", () => {
  const user = existing(0, "Interview", "u1");

  it("adds everything the first time and leaves the editor's markers alone", () => {
    const result = planMarkerReapply({
      owner: "clip",
      existing: [user],
      ledger: [],
      wanted: [wanted(100, "A"), wanted(200, "B")],
    });
    expect(result.add).toEqual([wanted(100, "A"), wanted(200, "B")]);
    expect(result.remove).toEqual([]);
    expect(result.ledger).toEqual([
      { owner: "clip", start: "100", name: "A" },
      { owner: "clip", start: "200", name: "B" },
    ]);
  });

  it("keeps identical markers, reuses changed ones and learns their guids", () => {
    const a = existing(100, "A", "g-a");
    const b = existing(200, "B", "g-b");
    const result = planMarkerReapply({
      owner: "clip",
      existing: [user, a, b],
      ledger: [
        { owner: "clip", start: "100", name: "A" },
        { owner: "clip", start: "200", name: "B" },
      ],
      wanted: [wanted(100, "A"), wanted(200, "B", "new comment")],
    });
    expect(result.keep).toEqual([a]);
    expect(result.update).toEqual([{ marker: b, wanted: wanted(200, "B", "new comment") }]);
    expect(result.remove).toEqual([]);
    expect(result.add).toEqual([]);
    expect(result.ledger).toEqual([
      { owner: "clip", start: "100", name: "A", guid: "g-a" },
      { owner: "clip", start: "200", name: "B", guid: "g-b" },
    ]);
  });

  it("reuses a marker at the same start first, removes the rest and adds what is missing", () => {
    const a = existing(100, "A", "g-a");
    const b = existing(200, "B", "g-b");
    const c = existing(300, "C", "g-c");
    const ledger = [a, b, c].map((m) => ({ owner: "clip", start: m.start, name: m.name }));
    const result = planMarkerReapply({
      owner: "clip",
      existing: [a, b, c],
      ledger,
      wanted: [wanted(200, "B2")],
    });
    expect(result.update).toEqual([{ marker: b, wanted: wanted(200, "B2") }]);
    expect(result.remove).toEqual([a, c]);

    const more = planMarkerReapply({
      owner: "clip",
      existing: [a],
      ledger: ledger.slice(0, 1),
      wanted: [wanted(10, "X"), wanted(20, "Y")],
    });
    expect(more.update).toEqual([{ marker: a, wanted: wanted(10, "X") }]);
    expect(more.add).toEqual([wanted(20, "Y")]);
  });

  it("reuses a marker whose colour is all that changed", () => {
    const a = existing(100, "A", "g-a");
    const recoloured = { ...wanted(100, "A"), colorIndex: 1 };
    const result = planMarkerReapply({
      owner: "clip",
      existing: [a],
      ledger: [{ owner: "clip", start: "100", name: "A" }],
      wanted: [recoloured],
    });
    expect(result.update).toEqual([{ marker: a, wanted: recoloured }]);
  });

  it("treats a marker the editor renamed or moved as theirs", () => {
    const renamed = existing(100, "A (Merz spricht)", "g-a");
    const moved = existing(250, "B", "g-b");
    const result = planMarkerReapply({
      owner: "clip",
      existing: [renamed, moved],
      ledger: [
        { owner: "clip", start: "100", name: "A", guid: "g-a" },
        { owner: "clip", start: "200", name: "B", guid: "g-b" },
      ],
      wanted: [],
    });
    expect(result.remove).toEqual([]);
    expect(result.ledger).toEqual([]);
  });

  it("tells its marker from the editor's copy by guid", () => {
    const copy = existing(100, "A", "g-copy");
    const ours = existing(100, "A", "g-ours");
    const result = planMarkerReapply({
      owner: "clip",
      existing: [copy, ours],
      ledger: [{ owner: "clip", start: "100", name: "A", guid: "g-ours" }],
      wanted: [],
    });
    expect(result.remove).toEqual([ours]);
    expect(result.update).toEqual([]);
  });

  it("does not add a marker the editor already has at the same start with the same name", () => {
    const result = planMarkerReapply({
      owner: "clip",
      existing: [existing(0, "Interview")],
      ledger: [],
      wanted: [wanted(0, "Interview")],
    });
    expect(result.add).toEqual([]);
    expect(result.skip).toEqual([wanted(0, "Interview")]);
    expect(result.remove).toEqual([]);
    expect(result.ledger).toEqual([]);
  });

  it("keeps other owners' live entries and drops entries whose marker is gone", () => {
    const other = existing(500, "X", "g-x");
    const result = planMarkerReapply({
      owner: "a.mov@0",
      existing: [other],
      ledger: [
        { owner: "b.mov@480", start: "500", name: "X" },
        { owner: "b.mov@480", start: "600", name: "Y" },
      ],
      wanted: [],
    });
    expect(result.remove).toEqual([]);
    expect(result.ledger).toEqual([{ owner: "b.mov@480", start: "500", name: "X", guid: "g-x" }]);
  });

  it("never removes another owner's marker", () => {
    const other = existing(500, "X");
    const result = planMarkerReapply({
      owner: "a.mov@0",
      existing: [other],
      ledger: [{ owner: "b.mov@480", start: "500", name: "X" }],
      wanted: [wanted(700, "Z")],
    });
    expect(result.remove).toEqual([]);
    expect(result.add).toEqual([wanted(700, "Z")]);
  });
});

describe("ledger entries", () => {
  it("survive the XMP round trip, any name included", () => {
    const entries = [
      { owner: "C:\\media\\a.mov@0", start: "254016000000", name: 'Köln; "Dom" <1>' },
      { owner: "clip", start: "0", name: "", guid: "5f1c" },
    ];
    expect(decodeLedgerEntries(entries.map(encodeLedgerEntry))).toEqual(entries);
  });

  it("ignore items that are not Sichter's", () => {
    expect(
      decodeLedgerEntries(["hello", "{}", '{"o":"a","s":"1.5","n":"x"}', "null", '{"o":"a","s":"1","n":"x","g":3}']),
    ).toEqual([]);
  });
});

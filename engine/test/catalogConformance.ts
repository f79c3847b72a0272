import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Catalog } from "../src/catalog/Catalog.ts";
import { ANALYZERS, makeTag, makeTagSet } from "./support/tagSetFixture.ts";
import { makeTempDir } from "./fixtures.ts";

/** How a backend's test file hands the suite a fresh, empty catalog for each test. */
export interface CatalogUnderTest {
  /** A new empty catalog; `thumbnails` is a fresh folder for its pictures. */
  open(thumbnails: string): Promise<Catalog>;
  /** A second, independent handle on the catalog `open` gave last: a colleague's engine on the same catalog. */
  openAgain(thumbnails: string): Promise<Catalog>;
  close(catalog: Catalog): Promise<void>;
}

/**
 * The catalog conformance suite: the same operations and the same search queries against every
 * backend (SQLite always, PostgreSQL on a throwaway server), expecting the same answers.
 */
export function describeCatalogConformance(name: string, backend: CatalogUnderTest): void {
  const root = makeTempDir("sichter-catalog-");
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  let catalog: Catalog;
  let colleague: Catalog | undefined;
  let n = 0;
  beforeEach(async () => {
    catalog = await backend.open(path.join(root, `thumbs-${++n}`));
  });
  afterEach(async () => {
    if (colleague) await backend.close(colleague);
    colleague = undefined;
    await backend.close(catalog);
  });
  const secondHandle = async (): Promise<Catalog> =>
    (colleague = await backend.openAgain(path.join(root, `thumbs-${n}`)));

  const paths = async (query: string, filters = {}): Promise<string[]> =>
    (await catalog.search(query, filters)).map((r) => r.clip.path);

  describe(`${name}: record and search`, () => {
    it("finds a clip by tag label with timecoded hits and keeps the original label for display", async () => {
      const { clipId } = await catalog.recordAnalysis(
        makeTagSet("/media/landtag.mxf", [makeTag("Landtag Brandenburg", { startFrame: 250, endFrame: 400 })]),
        ANALYZERS,
      );
      await catalog.recordAnalysis(makeTagSet("/media/other.mxf", [makeTag("Wetter")]), ANALYZERS);
      const results = await catalog.search("landtag");
      expect(results).toHaveLength(1);
      expect(results[0]?.clip).toEqual({ id: clipId, path: "/media/landtag.mxf" });
      expect(results[0]?.score).toBeGreaterThan(0);
      expect(results[0]?.hits).toEqual([
        expect.objectContaining({
          label: "Landtag Brandenburg",
          source: "ocr",
          startFrame: 250,
          endFrame: 400,
          startTimecode: "10:00:10:00",
        }),
      ]);
      expect(await catalog.runs(clipId)).toEqual([
        expect.objectContaining({ status: "completed", analyzers: ANALYZERS, startedAt: "2026-11-20T10:00:00.000Z" }),
      ]);
    });

    it("searches OCR text and descriptions too, ranked by relevance", async () => {
      await catalog.recordAnalysis(
        makeTagSet("/m/ocr.mov", [], {
          ocrText: [{ startFrame: 10, endFrame: 60, text: "BUNDESTAG DEBATTE HAUSHALT" }],
        }),
        ANALYZERS,
      );
      await catalog.recordAnalysis(makeTagSet("/m/desc.mov", []), ANALYZERS, {
        description: "Haushalt im Bundestag, Reden",
      });
      await catalog.recordAnalysis(
        makeTagSet("/m/both.mov", [makeTag("Haushalt"), makeTag("Haushalt", { startFrame: 500, endFrame: 600 })]),
        ANALYZERS,
      );
      const results = await catalog.search("haushalt");
      expect(results.map((r) => r.clip.path).sort()).toEqual(["/m/both.mov", "/m/desc.mov", "/m/ocr.mov"]);
      // The exact one-word tag, twice, outranks long texts that merely contain the word.
      expect(results[0]?.clip.path).toBe("/m/both.mov");
      expect(results[0]?.hits).toHaveLength(2);
      const ocr = results.find((r) => r.clip.path === "/m/ocr.mov");
      expect(ocr?.hits[0]).toMatchObject({ kind: "ocr", source: "ocr", startFrame: 10, startTimecode: "10:00:00:10" });
      expect((await paths("bundestag haushalt")).sort()).toEqual(["/m/desc.mov", "/m/ocr.mov"]);
    });

    it("shows a text stored as OCR line, line tag and keyword tag once, as a tag, unless their states differ", async () => {
      const range = { startFrame: 200, endFrame: 238 };
      await catalog.recordAnalysis(
        makeTagSet(
          "/m/koeln.mxf",
          [
            makeTag("Köln Hauptbahnhof", { ...range, kind: "ocr.line" }),
            makeTag("Köln Hauptbahnhof", range),
            makeTag("Köln", range),
          ],
          {
            ocrText: [{ ...range, text: "Köln Hauptbahnhof" }],
          },
        ),
        ANALYZERS,
      );
      const hits = async (): Promise<Array<{ label: string; kind: string; status: string | null }>> =>
        (await catalog.search("koln"))[0]!.hits.map(({ label, kind, status }) => ({ label, kind, status }));
      expect(await hits()).toEqual([
        expect.objectContaining({ label: "Köln", kind: "tag" }),
        { label: "Köln Hauptbahnhof", kind: "tag", status: "suggested" },
      ]);
      const line = (await catalog.search("hauptbahnhof"))[0]!.hits[0]!;
      await catalog.reviewTag(line.tagId!, { action: "accept" });
      expect((await catalog.search("hauptbahnhof"))[0]!.hits.map((h) => h.status).sort()).toEqual([
        "accepted",
        "suggested",
      ]);
    });

    it("folds umlauts both ways and matches prefixes", async () => {
      await catalog.recordAnalysis(makeTagSet("/m/koeln.mxf", [makeTag("Köln Hauptbahnhof")]), ANALYZERS);
      await catalog.recordAnalysis(makeTagSet("/m/duesseldorf.mxf", [makeTag("Duesseldorf")]), ANALYZERS);
      await catalog.recordAnalysis(makeTagSet("/m/landtag.mxf", [makeTag("Landtagssitzung")]), ANALYZERS);
      for (const query of ["Köln", "Koeln", "koln", "KÖLN", "KOELN"])
        expect(await paths(query)).toEqual(["/m/koeln.mxf"]);
      expect(await paths("Düsseldorf")).toEqual(["/m/duesseldorf.mxf"]);
      expect(await paths("Landt")).toEqual(["/m/landtag.mxf"]);
      expect(await paths("Haupt")).toEqual(["/m/koeln.mxf"]);
      expect((await catalog.search("koeln"))[0]?.hits[0]?.label).toBe("Köln Hauptbahnhof");
      expect(await paths("Berlin")).toEqual([]);
    });

    it("never lets FTS syntax through as a raw SQLite error", async () => {
      await catalog.recordAnalysis(makeTagSet("/m/a.mov", [makeTag("Wahl 2026")]), ANALYZERS);
      for (const query of [
        'wahl"',
        "wahl*",
        "NEAR(wahl",
        "wahl OR",
        "^wahl",
        "wahl:2026",
        "(wahl",
        "wahl -2026",
        "'; DROP TABLE tags; --",
      ]) {
        await expect(catalog.search(query), query).resolves.toBeDefined();
      }
      expect(await paths("wahl*")).toEqual(["/m/a.mov"]);
      expect(await paths('wahl "2026')).toEqual(["/m/a.mov"]);
      for (const query of ['"', "*()", "", "-- ^"]) {
        await expect(catalog.search(query), query).rejects.toThrow(
          expect.objectContaining({ code: "SICHTER_E_QUERY_INVALID" }),
        );
      }
      await expect(catalog.search("*()")).rejects.toThrow(expect.objectContaining({ code: "SICHTER_E_QUERY_INVALID" }));
    });
  });

  describe(`${name}: ranking a word found everywhere`, () => {
    it("ranks among the newest 1,000 matching texts, best match first, and keeps the limit", async () => {
      const items = Array.from({ length: 1200 }, (_, i) => ({
        // Every tenth clip's label is the bare word: bm25 prefers the shorter text.
        tagSet: makeTagSet(`/news/c${String(i).padStart(4, "0")}.mxf`, [
          makeTag(i % 10 === 0 ? "Hochwasser" : `Hochwasser am Rhein bei Köln ${i}`),
        ]),
        analyzers: ANALYZERS,
      }));
      await catalog.recordAnalyses(items);
      const results = await catalog.search("hochwasser", { limit: 20 });
      expect(results).toHaveLength(20);
      const numbers = results.map((r) => Number(/c(\d+)/.exec(r.clip.path)![1]));
      // The 200 oldest clips are past the candidate window; among the rest the bare word wins.
      expect(Math.min(...numbers)).toBeGreaterThanOrEqual(200);
      expect(numbers.every((n) => n % 10 === 0)).toBe(true);
      expect(results[0]!.hits[0]!.label).toBe("Hochwasser");
    });
  });

  describe(`${name}: filters`, () => {
    beforeEach(async () => {
      await catalog.recordAnalysis(
        makeTagSet("/archive/2025/old.mxf", [makeTag("Hochwasser", { source: "vision" })], {
          analyzedAt: "2025-03-01T08:00:00Z",
        }),
        ANALYZERS,
      );
      await catalog.recordAnalysis(
        makeTagSet("/archive/2026/new.mxf", [makeTag("Hochwasser", { source: "ocr" })], {
          analyzedAt: "2026-11-01T08:00:00Z",
          ocrText: [{ startFrame: 0, endFrame: 20, text: "Hochwasser an der Oder" }],
        }),
        ANALYZERS,
      );
      const { clipId } = await catalog.recordAnalysis(
        makeTagSet("/projects/100%_live/rejected.mxf", [makeTag("Hochwasser", { source: "vision" })], {
          analyzedAt: "2026-11-02T08:00:00Z",
        }),
        ANALYZERS,
      );
      const tag = (await catalog.tags(clipId))[0]!;
      await catalog.reviewTag(tag.id, { action: "reject" });
    });

    it("hides rejected tags unless asked for by status", async () => {
      expect((await paths("hochwasser")).sort()).toEqual(["/archive/2025/old.mxf", "/archive/2026/new.mxf"]);
      expect(await paths("hochwasser", { statuses: ["rejected"] })).toEqual(["/projects/100%_live/rejected.mxf"]);
    });

    it("filters by source, analysis date and path prefix", async () => {
      expect(await paths("hochwasser", { sources: ["vision"] })).toEqual(["/archive/2025/old.mxf"]);
      const ocrHits = (await catalog.search("hochwasser", { sources: ["ocr"] }))[0]?.hits ?? [];
      expect(ocrHits.map((h) => h.kind).sort()).toEqual(["ocr", "tag"]);
      expect(await paths("hochwasser", { analysedSince: "2026-01-01" })).toEqual(["/archive/2026/new.mxf"]);
      expect(await paths("hochwasser", { pathPrefix: "/archive/2025/" })).toEqual(["/archive/2025/old.mxf"]);
      // % and _ in a folder name are literal, not LIKE wildcards.
      expect(await paths("hochwasser", { pathPrefix: "/projects/100%_", statuses: ["rejected"] })).toEqual([
        "/projects/100%_live/rejected.mxf",
      ]);
      expect(await paths("hochwasser", { pathPrefix: "/projects/1000", statuses: ["rejected"] })).toEqual([]);
    });

    it("answers bad filters with QUERY_INVALID", async () => {
      const invalid = expect.objectContaining({ code: "SICHTER_E_QUERY_INVALID" });
      await expect(catalog.search("x", { analysedSince: "last tuesday" })).rejects.toThrow(invalid);
      await expect(catalog.search("x", { sources: ["face" as never] })).rejects.toThrow(invalid);
      await expect(catalog.search("x", { statuses: [] })).rejects.toThrow(invalid);
      await expect(catalog.search("x", { limit: 0 })).rejects.toThrow(invalid);
    });
  });

  describe(`${name}: decisions`, () => {
    it("re-analysis replaces suggestions but keeps decisions and user tags, and does not re-add what was decided", async () => {
      const first = await catalog.recordAnalysis(
        makeTagSet("/m/clip.mxf", [
          makeTag("Kanzler", { startFrame: 0, endFrame: 100 }),
          makeTag("Werbung", { startFrame: 200, endFrame: 300 }),
          makeTag("Pressekonferenz", { startFrame: 400, endFrame: 500 }),
        ]),
        ANALYZERS,
      );
      const byLabel = async (label: string) => (await catalog.tags(first.clipId)).find((t) => t.label === label)!;
      const accepted = await catalog.reviewTag((await byLabel("Kanzler")).id, { action: "accept" });
      expect(accepted).toMatchObject({ status: "accepted", decidedAt: expect.any(String) });
      await catalog.reviewTag((await byLabel("Werbung")).id, { action: "reject" });
      const user = await catalog.addUserTag(first.clipId, {
        label: "Interview Bürgermeisterin",
        startFrame: 600,
        endFrame: 900,
      });
      expect(user).toMatchObject({ source: "user", status: "accepted", provenance: [{ producer: "user" }] });

      const second = await catalog.recordAnalysis(
        makeTagSet(
          "/m/clip.mxf",
          [
            makeTag("KANZLER", { startFrame: 10, endFrame: 90 }), // same as the accepted one: not duplicated
            makeTag("werbung", { startFrame: 250, endFrame: 350 }), // same as the rejected one: not re-added
            makeTag("Werbung", { startFrame: 1000, endFrame: 1100 }), // elsewhere in the clip: new
            makeTag("Regierungserklärung", { startFrame: 400, endFrame: 500 }),
          ],
          { analyzedAt: "2026-11-21T10:00:00Z" },
        ),
        ANALYZERS,
      );
      expect(second).toMatchObject({ clipId: first.clipId, tagsAdded: 2, tagsKept: 3, tagsSkipped: 2, moved: false });
      const tags = (await catalog.tags(first.clipId)).map((t) => `${t.label}:${t.status}:${t.startFrame}`);
      expect(tags.sort()).toEqual(
        [
          "Kanzler:accepted:0",
          "Werbung:rejected:200",
          "Interview Bürgermeisterin:accepted:600",
          "Werbung:suggested:1000",
          "Regierungserklärung:suggested:400",
        ].sort(),
      );
      // The replaced suggestion is gone from the index as well, the user tag is searchable.
      expect(await paths("Pressekonferenz")).toEqual([]);
      expect(await paths("Burgermeisterin")).toEqual(["/m/clip.mxf"]);
      expect(await catalog.runs(first.clipId)).toHaveLength(2);
      expect((await catalog.clip(first.clipId)).lastAnalysed).toBe("2026-11-21T10:00:00.000Z");
    });

    it("an edit changes the label in search and counts as accepted", async () => {
      const { clipId } = await catalog.recordAnalysis(makeTagSet("/m/e.mxf", [makeTag("Bundesrat")]), ANALYZERS);
      const tag = (await catalog.tags(clipId))[0]!;
      const edited = await catalog.reviewTag(tag.id, { action: "edit", label: "Bundestag", startFrame: 5 });
      expect(edited).toMatchObject({ label: "Bundestag", status: "accepted", startFrame: 5 });
      expect(edited.provenance.map((p) => p.producer)).toEqual(["sichter.ocr", "user"]);
      // The label it replaced stays known, so a keyword written under it can be taken out again.
      expect(edited.provenance.at(-1)).toEqual({ producer: "user", evidence: "Bundesrat" });
      expect(await paths("Bundesrat")).toEqual([]);
      expect(await paths("Bundestag")).toEqual(["/m/e.mxf"]);
      expect(await catalog.reviewTag(tag.id, { action: "reset" })).toMatchObject({
        status: "suggested",
        decidedAt: null,
      });
    });

    it("refuses a malformed analysis before writing anything", async () => {
      const internal = expect.objectContaining({ code: "SICHTER_E_INTERNAL" });
      await expect(
        catalog.recordAnalysis(makeTagSet("/m/bad.mxf", [makeTag("x", { startFrame: 9, endFrame: 3 })]), ANALYZERS),
      ).rejects.toThrow(internal);
      await expect(
        catalog.recordAnalysis(makeTagSet("/m/bad.mxf", [makeTag("x", { confidence: 2 })]), ANALYZERS),
      ).rejects.toThrow(internal);
      await expect(
        catalog.recordAnalysis(makeTagSet("/m/bad.mxf", []), ANALYZERS, { thumbnails: ["../../etc/x.jpg"] }),
      ).rejects.toThrow(internal);
      await expect(
        catalog.recordAnalysis(makeTagSet("/m/bad.mxf", []), ANALYZERS, { thumbnails: ["/etc/passwd"] }),
      ).rejects.toThrow(internal);
      expect(await catalog.findClip("/m/bad.mxf")).toBeUndefined();
      const ok = await catalog.recordAnalysis(makeTagSet("/m/good.mxf", []), ANALYZERS, {
        thumbnails: [path.join(root, "missing.jpg")],
      });
      expect(ok.tagsAdded).toBe(0);
    });

    it("unknown ids give NOT_IN_CATALOG", async () => {
      const missing = expect.objectContaining({ code: "SICHTER_E_NOT_IN_CATALOG" });
      await expect(catalog.reviewTag(999, { action: "accept" })).rejects.toThrow(missing);
      await expect(catalog.addUserTag(999, { label: "x", startFrame: 0, endFrame: 1 })).rejects.toThrow(missing);
      await expect(catalog.clip(999)).rejects.toThrow(missing);
    });
  });

  describe(`${name}: moved files`, () => {
    it("recognises a moved file by its fingerprint and keeps its decisions", async () => {
      const oldPath = path.join(root, "moved-old.mxf");
      const newPath = path.join(root, "moved-to", "moved-new.mxf");
      fs.mkdirSync(path.dirname(newPath), { recursive: true });
      fs.writeFileSync(oldPath, "media");
      const fingerprint = "sha256:same-content";
      const first = await catalog.recordAnalysis(
        makeTagSet(oldPath, [makeTag("Hafen")], { clip: { ...makeTagSet(oldPath, []).clip, fingerprint } }),
        ANALYZERS,
      );
      await catalog.reviewTag((await catalog.tags(first.clipId))[0]!.id, { action: "accept" });
      fs.renameSync(oldPath, newPath);

      const second = await catalog.recordAnalysis(
        makeTagSet(newPath, [makeTag("Hafen")], { clip: { ...makeTagSet(newPath, []).clip, fingerprint } }),
        ANALYZERS,
      );
      expect(second).toMatchObject({ clipId: first.clipId, moved: true, tagsSkipped: 1 });
      expect(await catalog.findClip(oldPath)).toBeUndefined();
      expect(await catalog.clip(first.clipId)).toMatchObject({ path: newPath, sizeBytes: 5 });
      expect(await paths("hafen")).toEqual([newPath]);
      // The accepted tag was indexed under the old folder; the move re-indexed it under the new one.
      expect(await paths("hafen", { pathPrefix: path.dirname(newPath) + path.sep })).toEqual([newPath]);
      expect(await paths("hafen", { pathPrefix: path.join(root, "moved-to", "moved-n") })).toEqual([newPath]);
      expect(await paths("hafen", { pathPrefix: path.join(root, "moved-old") })).toEqual([]);
      expect((await catalog.tags(first.clipId)).map((t) => t.status)).toEqual(["accepted"]);
    });

    it("a copy whose original still exists becomes a clip of its own", async () => {
      const original = path.join(root, "copy-a.mxf");
      const copy = path.join(root, "copy-b.mxf");
      fs.writeFileSync(original, "media");
      fs.copyFileSync(original, copy);
      const clip = (p: string) => ({ ...makeTagSet(p, []).clip, fingerprint: "sha256:copied" });
      const a = await catalog.recordAnalysis(makeTagSet(original, [], { clip: clip(original) }), ANALYZERS);
      const b = await catalog.recordAnalysis(makeTagSet(copy, [], { clip: clip(copy) }), ANALYZERS);
      expect(b.clipId).not.toBe(a.clipId);
      expect(b.moved).toBe(false);
    });
  });

  describe(`${name}: decisions between colleagues`, () => {
    const clipTags = [
      makeTag("Kanzler", { startFrame: 0, endFrame: 100 }),
      makeTag("Werbung", { startFrame: 200, endFrame: 300 }),
      makeTag("Hafen", { startFrame: 400, endFrame: 500 }),
    ];
    const statuses = async (c: Catalog, clipId: number): Promise<string[]> =>
      (await c.tags(clipId)).map((t) => `${t.label}:${t.status}`).sort();

    it("two colleagues reviewing one clip at once keep both their decisions", async () => {
      const other = await secondHandle();
      const { clipId } = await catalog.recordAnalysis(makeTagSet("/nas/clip.mxf", clipTags), ANALYZERS);
      const [kanzler, werbung] = await catalog.tags(clipId);
      await Promise.all([
        catalog.reviewTag(kanzler!.id, { action: "accept" }),
        other.reviewTag(werbung!.id, { action: "reject" }),
        other.addUserTag(clipId, { label: "Interview", startFrame: 0, endFrame: 10 }),
      ]);
      expect(await statuses(catalog, clipId)).toEqual([
        "Hafen:suggested",
        "Interview:accepted",
        "Kanzler:accepted",
        "Werbung:rejected",
      ]);
      expect(await statuses(other, clipId)).toEqual(await statuses(catalog, clipId));
    });

    it("the last decision per tag wins by the time it was made, whichever arrives last", async () => {
      const other = await secondHandle();
      const { clipId } = await catalog.recordAnalysis(makeTagSet("/nas/clip.mxf", clipTags), ANALYZERS);
      const tag = (await catalog.tags(clipId))[0]!;
      const later = await catalog.reviewTag(tag.id, { action: "accept" }, "2026-12-07T10:00:05.000Z");
      // Made five seconds earlier on a colleague's panel, arriving now: the newer decision stands.
      const earlier = await other.reviewTag(tag.id, { action: "reject" }, "2026-12-07T10:00:00.000Z");
      expect(earlier).toEqual(later);
      expect(earlier).toMatchObject({ status: "accepted", decidedAt: "2026-12-07T10:00:05.000Z" });
      const newest = await other.reviewTag(
        tag.id,
        { action: "edit", label: "Bundeskanzler" },
        "2026-12-07T10:00:09.000Z",
      );
      expect(newest).toMatchObject({
        label: "Bundeskanzler",
        status: "accepted",
        decidedAt: "2026-12-07T10:00:09.000Z",
      });
      // A decision carries its time, never a person.
      expect(JSON.stringify(await catalog.tags(clipId))).not.toMatch(/reviewer|user_?name|person/i);
    });

    it("a suggestion the re-analysis makes again keeps its id, so a decision on the list shown before still lands", async () => {
      const { clipId } = await catalog.recordAnalysis(makeTagSet("/nas/clip.mxf", clipTags), ANALYZERS);
      const shown = await catalog.tags(clipId);
      // Re-analysis on a worker while the editor still looks at the list: a new suggestion first, then
      // the same three (ranges moved by a frame) in another order.
      await catalog.recordAnalysis(
        makeTagSet(
          "/nas/clip.mxf",
          [
            makeTag("Schiff", { startFrame: 600, endFrame: 700 }),
            ...clipTags.map((t) => ({ ...t, startFrame: t.startFrame + 1, confidence: 0.8 })).reverse(),
          ],
          { analyzedAt: "2026-11-21T10:00:00Z" },
        ),
        ANALYZERS,
      );
      const accepted = await catalog.reviewTag(shown[0]!.id, { action: "accept" });
      expect(accepted).toMatchObject({ label: "Kanzler", status: "accepted", startFrame: 1, confidence: 0.8 });
      await catalog.reviewTag(shown[1]!.id, { action: "reject" });
      expect(await statuses(catalog, clipId)).toEqual([
        "Hafen:suggested",
        "Kanzler:accepted",
        "Schiff:suggested",
        "Werbung:rejected",
      ]);
      expect((await paths("schiff")).length).toBe(1);
      expect(await paths("werbung")).toEqual([]);
    });

    it("re-analysis on another engine while colleagues decide keeps every accepted, rejected and added tag", async () => {
      const other = await secondHandle();
      const { clipId } = await catalog.recordAnalysis(makeTagSet("/nas/clip.mxf", clipTags), ANALYZERS);
      const [kanzler, werbung, hafen] = await catalog.tags(clipId);
      const decisions: Promise<unknown>[] = [];
      const analyses: Promise<unknown>[] = [];
      for (let i = 0; i < 5; i++) {
        analyses.push(
          other.recordAnalysis(
            makeTagSet("/nas/clip.mxf", [...clipTags, makeTag(`Neu ${i}`, { startFrame: 800 + i, endFrame: 900 })], {
              analyzedAt: `2026-11-2${i + 1}T10:00:00Z`,
            }),
            ANALYZERS,
          ),
        );
      }
      decisions.push(catalog.reviewTag(kanzler!.id, { action: "accept" }));
      decisions.push(catalog.reviewTag(werbung!.id, { action: "reject" }));
      decisions.push(catalog.addUserTag(clipId, { label: "Eigenes Stichwort", startFrame: 0, endFrame: 1 }));
      decisions.push(catalog.reviewTag(hafen!.id, { action: "edit", label: "Hamburger Hafen" }));
      await Promise.all([...analyses, ...decisions]);
      const tags = await catalog.tags(clipId);
      const byLabel = (label: string) => tags.filter((t) => t.label === label).map((t) => t.status);
      expect(byLabel("Kanzler")).toEqual(["accepted"]);
      expect(byLabel("Werbung")).toEqual(["rejected"]);
      expect(byLabel("Hamburger Hafen")).toEqual(["accepted"]);
      expect(byLabel("Eigenes Stichwort")).toEqual(["accepted"]);
      expect(byLabel("Hafen")).toEqual([]);
      expect(await catalog.runs(clipId)).toHaveLength(6);
    });
  });
}

import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { methods, type MethodName } from "../registry.ts";
import {
  clipAnalysisFixture,
  jobFixture,
  storedTagFixture,
  transparencyRecordFixture,
} from "../../test/wireFixtures.ts";

const accepts = (schema: z.ZodType, value: unknown) =>
  expect(schema.safeParse(value).success, JSON.stringify(value)).toBe(true);
const rejects = (schema: z.ZodType, value: unknown) =>
  expect(schema.safeParse(value).success, JSON.stringify(value)).toBe(false);
const params = (m: MethodName) => methods[m].params;
const result = (m: MethodName) => methods[m].result;

describe("method schemas", () => {
  it("engine.info", () => {
    accepts(params("engine.info"), {});
    accepts(params("engine.info"), { progressToken: 4 });
    rejects(params("engine.info"), { verbose: true });
    const privacy = {
      mode: "local-only",
      providers: [
        { id: "sichter.openai-vision", title: "OpenAI-compatible vision model", cloud: true, enabled: false },
        { id: "newsroom.thesaurus", title: "Thesaurus", cloud: false, enabled: true },
      ],
    };
    const info = {
      name: "sichter",
      version: "0.1.0",
      protocolVersion: 1,
      capabilities: ["sichter.ocr"],
      mode: "local-only",
      privacy,
    };
    accepts(result("engine.info"), info);
    accepts(result("engine.info"), {
      ...info,
      mode: "cloud",
      privacy: { mode: "cloud", providers: [{ ...privacy.providers[0], enabled: true }] },
    });
    accepts(result("engine.info"), { ...info, privacy: { mode: "local-only", providers: [] } });
    rejects(result("engine.info"), { ...info, mode: "hybrid" });
    rejects(result("engine.info"), { ...info, protocolVersion: 0 });
    rejects(result("engine.info"), { ...info, privacy: undefined });
    rejects(result("engine.info"), { ...info, privacy: { ...privacy, mode: "hybrid" } });
    rejects(result("engine.info"), {
      ...info,
      privacy: { ...privacy, providers: [{ id: "sichter.openai-vision", title: "x", enabled: true }] },
    });
    rejects(result("engine.info"), {
      ...info,
      privacy: { ...privacy, providers: [{ ...privacy.providers[0], cloud: "yes" }] },
    });
  });

  it("clip.analyze", () => {
    const p = params("clip.analyze");
    accepts(p, { path: "/media/Ä Ü ß 日本.mov" });
    accepts(p, {
      path: "/a.mov",
      range: { startFrame: 0, endFrame: 100 },
      options: { language: "en", write: "embed", shotMode: "exact" },
      progressToken: "t1",
    });
    rejects(p, {});
    rejects(p, { path: "" });
    rejects(p, { path: "x".repeat(4097) });
    rejects(p, { path: "/a.mov", range: { startFrame: 10, endFrame: 10 } });
    rejects(p, { path: "/a.mov", range: { startFrame: -1, endFrame: 10 } });
    rejects(p, { path: "/a.mov", options: { language: "fr" } });
    rejects(p, { path: "/a.mov", options: { write: "xmp" } });
    rejects(p, { path: "/a.mov", options: { turbo: true } });
    rejects(p, { path: "/a.mov", progressToken: null });
    accepts(result("clip.analyze"), { jobId: "job-1", joined: true });
    rejects(result("clip.analyze"), { jobId: "job-1" });
  });

  it("privacy.settings", () => {
    accepts(params("privacy.settings"), {});
    rejects(params("privacy.settings"), { maxLongSide: 512 });
    const images = {
      maxLongSide: 768,
      format: "jpeg",
      contactSheets: { enabled: true, tilesPerSheet: 9 },
      duplicateBits: 10,
    };
    const answer = {
      mode: "local-only",
      providers: [{ id: "sichter.openai-vision", title: "OpenAI", cloud: true, enabled: false }],
      images,
    };
    accepts(result("privacy.settings"), answer);
    rejects(result("privacy.settings"), { ...answer, images: { ...images, format: "png" } });
    rejects(result("privacy.settings"), { ...answer, images: { ...images, maxLongSide: 0 } });
    rejects(result("privacy.settings"), { ...answer, images: undefined });
    rejects(result("privacy.settings"), { ...answer, mode: "hybrid" });
  });

  it("job.get, job.cancel, job.result, job.privacy", () => {
    for (const m of ["job.get", "job.cancel", "job.result", "job.privacy"] as const) {
      accepts(params(m), { jobId: "job-1" });
      rejects(params(m), { jobId: "" });
      rejects(params(m), { jobId: 1 });
      rejects(params(m), { id: "job-1" });
    }
    accepts(result("job.get"), jobFixture);
    accepts(result("job.cancel"), {
      ...jobFixture,
      state: "cancelled",
      stage: null,
      finishedAt: "2025-03-01T10:01:00.000Z",
    });
    accepts(result("job.get"), {
      ...jobFixture,
      state: "failed",
      error: { code: "SICHTER_E_PROBE_CORRUPT", message: "broken" },
    });
    rejects(result("job.get"), { ...jobFixture, state: "paused" });
    rejects(result("job.get"), { ...jobFixture, fraction: 1.5 });
    rejects(result("job.get"), { ...jobFixture, createdAt: "yesterday" });
    rejects(result("job.get"), { ...jobFixture, error: { code: "BROKEN", message: "x" } });
    accepts(result("job.result"), { job: { ...jobFixture, state: "completed" }, result: clipAnalysisFixture });
    rejects(result("job.result"), { job: jobFixture, result: { ...clipAnalysisFixture, written: { sidecar: null } } });
    rejects(result("job.result"), {
      job: jobFixture,
      result: { ...clipAnalysisFixture, tags: [{ ...clipAnalysisFixture.tags[0], source: "face" }] },
    });
  });

  it("job.privacy", () => {
    const p = params("job.privacy");
    accepts(p, { jobId: "0b9c6f0e-5d1a-4c3e-9a55-2f7d3c1b8e42" });
    rejects(p, {});
    rejects(p, { jobId: "" });
    rejects(p, { jobId: "x".repeat(129) });
    rejects(p, { jobId: "job-1", verbose: true });
    const r = result("job.privacy");
    accepts(r, { jobId: "job-1", records: [] });
    accepts(r, { jobId: "job-1", records: [transparencyRecordFixture] });
    accepts(r, {
      jobId: "job-1",
      records: [{ ...transparencyRecordFixture, bytesSent: 0, status: null, error: "SICHTER_E_PROVIDER_UNAVAILABLE" }],
    });
    rejects(r, { records: [] });
    rejects(r, { jobId: "job-1" });
    rejects(r, { jobId: "job-1", records: [{ ...transparencyRecordFixture, at: "yesterday" }] });
    rejects(r, { jobId: "job-1", records: [{ ...transparencyRecordFixture, status: 42 }] });
    rejects(r, { jobId: "job-1", records: [{ ...transparencyRecordFixture, error: "timed out" }] });
    rejects(r, { jobId: "job-1", records: [{ ...transparencyRecordFixture, images: -1 }] });
    rejects(r, {
      jobId: "job-1",
      records: [{ ...transparencyRecordFixture, imageSizes: [{ width: 0, height: 432, bytes: 1 }] }],
    });
    rejects(r, { jobId: "job-1", records: [{ ...transparencyRecordFixture, endpoint: "" }] });
  });

  it("job.list", () => {
    accepts(params("job.list"), {});
    accepts(params("job.list"), { states: ["queued", "running"], limit: 20 });
    rejects(params("job.list"), { states: [] });
    rejects(params("job.list"), { states: ["sleeping"] });
    rejects(params("job.list"), { limit: 0 });
    rejects(params("job.list"), { limit: 1001 });
    accepts(result("job.list"), { jobs: [jobFixture] });
    rejects(result("job.list"), { jobs: [{ ...jobFixture, id: undefined }] });
  });

  it("catalog.search", () => {
    const p = params("catalog.search");
    accepts(p, { query: "Landtag" });
    accepts(p, {
      query: "Landtag",
      filters: {
        sources: ["ocr", "user"],
        statuses: ["accepted"],
        analysedSince: "2025-01-01",
        pathPrefix: "/media/",
        limit: 10,
      },
    });
    accepts(p, { query: "x", filters: { analysedSince: "2025-01-01T00:00:00+01:00" } });
    rejects(p, { query: "x".repeat(1001) });
    rejects(p, { query: "x", filters: { analysedSince: "last week" } });
    rejects(p, { query: "x", filters: { sources: ["face"] } });
    rejects(p, { query: "x", filters: { orderBy: "score" } });
    const hit = {
      kind: "tag",
      tagId: 7,
      label: "Landtag",
      source: "ocr",
      status: "suggested",
      startFrame: 0,
      endFrame: 100,
      startTimecode: "10:00:00:00",
    };
    const found = { clipId: 3, file: "/media/A001.mov", score: 1.5, hits: [hit] };
    accepts(result("catalog.search"), { results: [found] });
    accepts(result("catalog.search"), {
      results: [
        { ...found, hits: [{ ...hit, kind: "description", source: "description", tagId: null, status: null }] },
      ],
    });
    rejects(result("catalog.search"), { results: [{ ...found, hits: [{ ...hit, kind: "speech" }] }] });
  });

  it("catalog.clip", () => {
    accepts(params("catalog.clip"), { clipId: 3 });
    accepts(params("catalog.clip"), { path: "/media/A001.mov" });
    rejects(params("catalog.clip"), {});
    rejects(params("catalog.clip"), { clipId: 3, path: "/media/A001.mov" });
    rejects(params("catalog.clip"), { clipId: 0 });
    const clip = {
      ...clipAnalysisFixture.clip,
      id: 3,
      sizeBytes: 1000,
      mtime: null,
      description: null,
      firstSeen: "2025-03-01T10:00:00.000Z",
      lastAnalysed: null,
    };
    const keyframes = [{ ...clipAnalysisFixture.keyframes[0]!, thumbnail: "/thumbnails/3/7-0000012.jpg" }];
    const ok = { clip, shots: clipAnalysisFixture.shots, keyframes, tags: [storedTagFixture] };
    accepts(result("catalog.clip"), ok);
    accepts(result("catalog.clip"), { ...ok, keyframes: [{ ...keyframes[0]!, thumbnail: null }] });
    rejects(result("catalog.clip"), { ...ok, tags: [{ ...storedTagFixture, id: undefined }] });
    // A thumbnail is a path on the engine's own HTTP root, never a file path or another host.
    rejects(result("catalog.clip"), { ...ok, keyframes: [{ ...keyframes[0]!, thumbnail: "/home/editor/C0001.jpg" }] });
    rejects(result("catalog.clip"), { ...ok, keyframes: [{ ...keyframes[0]!, thumbnail: undefined }] });
  });

  it("tags.review", () => {
    const p = params("tags.review");
    accepts(p, { tagId: 7, action: "accept" });
    accepts(p, { tagId: 7, action: "edit", label: "Landtag Potsdam" });
    accepts(p, { tagId: 7, action: "edit", startFrame: 10, endFrame: 20 });
    accepts(p, {
      clipId: 3,
      add: { label: "Interview", startFrame: 0, endFrame: 50, kind: "keyword", language: "de" },
    });
    rejects(p, { tagId: 7, action: "approve" });
    rejects(p, { tagId: 7, action: "accept", label: "x" });
    rejects(p, { tagId: 7, action: "edit" });
    rejects(p, { tagId: 7, action: "edit", startFrame: 20, endFrame: 10 });
    rejects(p, { clipId: 3, add: { label: "", startFrame: 0, endFrame: 50 } });
    rejects(p, { clipId: 3, add: { label: "x", startFrame: 50, endFrame: 50 } });
    rejects(p, { clipId: 3, add: { label: "x", startFrame: 0, endFrame: 50, source: "ocr" } });
    accepts(result("tags.review"), storedTagFixture);
    rejects(result("tags.review"), { ...storedTagFixture, confidence: 2 });
  });
});

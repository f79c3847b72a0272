import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { methods } from "../registry.ts";

const accepts = (schema: z.ZodType, value: unknown) =>
  expect(schema.safeParse(value).success, JSON.stringify(value)).toBe(true);
const rejects = (schema: z.ZodType, value: unknown) =>
  expect(schema.safeParse(value).success, JSON.stringify(value)).toBe(false);

const probe = {
  container: "mov",
  codec: "h264",
  width: 1920,
  height: 1080,
  frameRate: "25/1",
  dropFrame: false,
  durationSeconds: 2,
  frameCount: 50,
  startTimecode: "10:00:00:00",
  endTimecode: "10:00:01:24",
  browserPlayable: true,
  playbackIssue: null,
};

describe("media method schemas", () => {
  it("media.list", () => {
    const p = methods["media.list"].params;
    accepts(p, {});
    accepts(p, { folder: "/Volumes/Footage/Tag 1" });
    rejects(p, { folder: "" });
    rejects(p, { path: "/x" });
    const r = methods["media.list"].result;
    const file = {
      name: "a.mp4",
      path: "/m/a.mp4",
      sizeBytes: 10,
      modified: "2025-03-01T10:00:00.000Z",
      stream: "/media/%2Fm%2Fa.mp4",
      probe: null,
      analysis: null,
    };
    accepts(r, {
      folder: null,
      parent: null,
      folders: [{ name: "m", path: "/m", available: false }],
      files: [],
      truncated: false,
    });
    accepts(r, {
      folder: "/m",
      parent: null,
      folders: [],
      files: [file, { ...file, probe, analysis: { clipId: 3, lastAnalysed: null } }],
      truncated: true,
    });
    rejects(r, { folder: "/m", parent: null, folders: [], files: [{ ...file, sizeBytes: -1 }], truncated: false });
    rejects(r, {
      folder: "/m",
      parent: null,
      folders: [],
      files: [{ ...file, probe: { ...probe, playbackIssue: "audio" } }],
      truncated: false,
    });
  });

  it("media.probe", () => {
    const p = methods["media.probe"].params;
    accepts(p, { paths: ["/m/a.mp4"] });
    accepts(p, { clipIds: [1, 2] });
    accepts(p, { paths: ["/m/a.mp4"], clipIds: [1] });
    rejects(p, {});
    rejects(p, { paths: [] });
    rejects(p, { paths: Array(60).fill("/a"), clipIds: Array(60).fill(1) });
    rejects(p, { clipIds: [0] });
    const r = methods["media.probe"].result;
    accepts(r, { items: [{ path: "/m/a.mp4", clipId: null, stream: "/media/x", probe, error: null }] });
    accepts(r, {
      items: [
        {
          path: "/x",
          clipId: null,
          stream: "/media/x",
          probe: null,
          error: { code: "SICHTER_E_MEDIA_NOT_ALLOWED", message: "no" },
        },
      ],
    });
    rejects(r, {
      items: [{ path: "/x", clipId: null, stream: "/media/x", probe: { ...probe, frameRate: "25" }, error: null }],
    });
  });

  it("tags.apply", () => {
    const p = methods["tags.apply"].params;
    accepts(p, { clipIds: [1] });
    accepts(p, { clipIds: [1, 2], write: "embed", language: "en", progressToken: "t" });
    rejects(p, { clipIds: [] });
    rejects(p, { clipIds: [1], write: "none" });
    rejects(p, { clipIds: [1], language: "fr" });
    const r = methods["tags.apply"].result;
    const written = {
      clipId: 1,
      path: "/m/a.mp4",
      status: "written",
      sidecar: "/m/a.xmp",
      embedded: false,
      keywords: ["Landtag"],
      markers: 3,
      error: null,
    };
    accepts(r, {
      files: [
        written,
        {
          ...written,
          status: "failed",
          sidecar: null,
          error: { code: "SICHTER_E_XMP_UNSUPPORTED_FORMAT", message: "MKV" },
        },
      ],
    });
    rejects(r, { files: [{ ...written, status: "skipped" }] });
  });
});

import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SichterClient } from "@sichter/shared/protocol";
import { startEngine, type EngineProcess } from "./engineProcess.ts";
import { makeClip, makeTempDir } from "./fixtures.ts";

/**
 * The panel's media browser and player against a real engine: `sichter serve --media DIR`, the
 * `media.list` / `media.probe` methods over a real WebSocket and `/media/...` over real HTTP.
 */
let root: string;
let media: string;
let day: string;
let outside: string;
let engine: EngineProcess;
let client: SichterClient;
const x264 = ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"];

beforeAll(async () => {
  root = fs.realpathSync(makeTempDir("sichter-media-"));
  media = path.join(root, "Rohmaterial");
  day = path.join(media, "Tag 1");
  outside = path.join(root, "Privat");
  fs.mkdirSync(day, { recursive: true });
  fs.mkdirSync(outside);
  await Promise.all([
    makeClip(path.join(day, "Landtag.mp4"), { seconds: 2, codecArgs: [...x264, "-timecode", "10:00:00:00"] }),
    makeClip(path.join(day, "Interview.mov"), { seconds: 1, codecArgs: ["-c:v", "prores_ks", "-profile:v", "0"] }),
    makeClip(path.join(day, "Sitzung.webm"), {
      seconds: 1,
      codecArgs: ["-c:v", "libvpx-vp9", "-deadline", "realtime", "-pix_fmt", "yuv420p"],
    }),
    makeClip(path.join(day, "Archiv.mkv"), { seconds: 1, codecArgs: ["-c:v", "libvpx", "-deadline", "realtime"] }),
    makeClip(path.join(outside, "secret.mp4"), { seconds: 1 }),
  ]);
  fs.writeFileSync(path.join(day, "notes.txt"), "not media\n");
  fs.copyFileSync(path.join(day, "Landtag.mp4"), path.join(day, ".hidden.mp4"));
  // Links inside the allowed folder that lead out of it: never shown, never served.
  fs.symlinkSync(path.join(outside, "secret.mp4"), path.join(day, "escape.mp4"));
  fs.symlinkSync(outside, path.join(media, "Privat-Link"));
  engine = await startEngine(path.join(root, "home"), ["--media", media]);
  client = engine.client();
}, 120_000);
afterAll(async () => {
  client?.dispose();
  engine?.child.kill("SIGTERM");
  await engine?.exited;
  fs.rmSync(root, { recursive: true, force: true });
});

const codeOf = (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => "ok",
    (e: { code: string }) => e.code,
  );
const mediaUrl = (target: string | number, token: string | null = engine.token): string =>
  `http://127.0.0.1:${engine.port}/media/${encodeURIComponent(String(target))}${token === null ? "" : `?token=${token}`}`;

describe("sichter serve: the pairing link", () => {
  it("prints one link, with the token only in its fragment", async () => {
    // The link follows the "listening" line the engine helper waits for.
    await expect
      .poll(() => engine.output().match(/https?:\/\/\S+/g) ?? [])
      .toEqual([`http://127.0.0.1:${engine.port}/#token=${engine.token}`]);
    expect(engine.output()).not.toContain(`?token=${engine.token}`);
  });
});

describe("media.list", () => {
  it("starts at the allowed folders", async () => {
    expect(await client.request("media.list", {})).toEqual({
      folder: null,
      parent: null,
      folders: [{ name: "Rohmaterial", path: media, available: true }],
      files: [],
      truncated: false,
    });
  });

  it("lists subfolders and video files, without hidden files, other files or links that lead out", async () => {
    const top = await client.request("media.list", { folder: media });
    expect(top).toMatchObject({
      folder: media,
      parent: null,
      files: [],
      folders: [{ name: "Tag 1", path: day, available: true }],
    });

    const listed = await client.request("media.list", { folder: day });
    expect(listed.parent).toBe(media);
    expect(listed.folders).toEqual([]);
    expect(listed.files.map((f) => f.name)).toEqual(["Archiv.mkv", "Interview.mov", "Landtag.mp4", "Sitzung.webm"]);
    const landtag = listed.files.find((f) => f.name === "Landtag.mp4")!;
    const stat = fs.statSync(path.join(day, "Landtag.mp4"));
    expect(landtag).toMatchObject({
      path: path.join(day, "Landtag.mp4"),
      sizeBytes: stat.size,
      modified: stat.mtime.toISOString(),
      analysis: null,
    });
    expect(landtag.stream).toBe(`/media/${encodeURIComponent(path.join(day, "Landtag.mp4"))}`);
  });

  it("refuses any folder outside the allowed ones with MEDIA_NOT_ALLOWED, however it is spelled", async () => {
    expect(await codeOf(client.request("media.list", { folder: outside }))).toBe("SICHTER_E_MEDIA_NOT_ALLOWED");
    expect(await codeOf(client.request("media.list", { folder: `${media}/../Privat` }))).toBe(
      "SICHTER_E_MEDIA_NOT_ALLOWED",
    );
    expect(await codeOf(client.request("media.list", { folder: path.join(media, "Privat-Link") }))).toBe(
      "SICHTER_E_MEDIA_NOT_ALLOWED",
    );
    expect(await codeOf(client.request("media.list", { folder: "/" }))).toBe("SICHTER_E_MEDIA_NOT_ALLOWED");
    expect(await codeOf(client.request("media.list", { folder: "Rohmaterial" }))).toBe("SICHTER_E_MEDIA_NOT_ALLOWED");
  });
});

describe("media.probe", () => {
  it("gives duration, rate and timecode range, and says which files a browser cannot play", async () => {
    const names = ["Landtag.mp4", "Interview.mov", "Sitzung.webm", "Archiv.mkv"];
    const { items } = await client.request("media.probe", {
      paths: [...names.map((n) => path.join(day, n)), path.join(outside, "secret.mp4")],
    });
    expect(items.map((i) => i.path)).toEqual([
      ...names.map((n) => path.join(day, n)),
      path.join(outside, "secret.mp4"),
    ]);
    expect(items[0]!.probe).toMatchObject({
      codec: "h264",
      frameRate: "25/1",
      frameCount: 50,
      startTimecode: "10:00:00:00",
      endTimecode: "10:00:01:24",
      browserPlayable: true,
      playbackIssue: null,
    });
    expect(items[1]!.probe).toMatchObject({ codec: "prores", browserPlayable: false, playbackIssue: "codec" });
    expect(items[2]!.probe).toMatchObject({ codec: "vp9", browserPlayable: true });
    expect(items[3]!.probe).toMatchObject({ codec: "vp8", browserPlayable: true });
    expect(items[4]).toMatchObject({ probe: null, error: { code: "SICHTER_E_MEDIA_NOT_ALLOWED" } });
  });

  it("fills media.list from its cache from then on", async () => {
    const { files } = await client.request("media.list", { folder: day });
    expect(files.find((f) => f.name === "Landtag.mp4")!.probe).toMatchObject({
      startTimecode: "10:00:00:00",
      endTimecode: "10:00:01:24",
    });
  });

  it("shows whether and when a file was analysed, and probes catalogued clips by id", async () => {
    const file = path.join(day, "Landtag.mp4");
    const { jobId } = await client.request("clip.analyze", { path: file, options: { write: "none" } });
    await expect
      .poll(async () => (await client.request("job.get", { jobId })).state, { timeout: 60_000, interval: 250 })
      .toBe("completed");
    const entry = (await client.request("media.list", { folder: day })).files.find((f) => f.name === "Landtag.mp4")!;
    const stored = await client.request("catalog.clip", { path: file });
    expect(entry.analysis).toEqual({ clipId: stored.clip.id, lastAnalysed: stored.clip.lastAnalysed });
    expect(entry.analysis!.lastAnalysed).not.toBeNull();
    const { items } = await client.request("media.probe", { clipIds: [stored.clip.id] });
    expect(items).toEqual([
      expect.objectContaining({ path: file, clipId: stored.clip.id, stream: `/media/${stored.clip.id}`, error: null }),
    ]);
  }, 90_000);
});

describe("GET /media/...", () => {
  const file = (): string => path.join(day, "Landtag.mp4");

  it("needs the token, in the query or as a bearer header", async () => {
    expect((await fetch(mediaUrl(file(), null))).status).toBe(401);
    expect((await fetch(mediaUrl(file(), "x".repeat(engine.token.length)))).status).toBe(401);
    const bearer = await fetch(mediaUrl(file(), null), { headers: { Authorization: `Bearer ${engine.token}` } });
    expect(bearer.status).toBe(200);
    await bearer.arrayBuffer();
  });

  it("serves the whole file with its type and Accept-Ranges", async () => {
    const res = await fetch(mediaUrl(file()));
    expect(res.status).toBe(200);
    expect(res.headers.get("accept-ranges")).toBe("bytes");
    expect(res.headers.get("content-type")).toBe("video/mp4");
    expect(Buffer.from(await res.arrayBuffer()).equals(fs.readFileSync(file()))).toBe(true);
  });

  it("serves byte ranges as 206 with Content-Range, exactly the bytes asked for", async () => {
    const bytes = fs.readFileSync(file());
    for (const [header, start, end] of [
      ["bytes=0-99", 0, 99],
      ["bytes=1000-", 1000, bytes.length - 1],
      ["bytes=-500", bytes.length - 500, bytes.length - 1],
    ] as const) {
      const res = await fetch(mediaUrl(file()), { headers: { Range: header } });
      expect(res.status, header).toBe(206);
      expect(res.headers.get("content-range")).toBe(`bytes ${start}-${end}/${bytes.length}`);
      expect(Number(res.headers.get("content-length"))).toBe(end - start + 1);
      expect(Buffer.from(await res.arrayBuffer()).equals(bytes.subarray(start, end + 1))).toBe(true);
    }
  });

  it("answers 416 with the size for a range it cannot serve", async () => {
    const size = fs.statSync(file()).size;
    for (const header of [`bytes=${size}-`, "bytes=500-100", "bytes=abc"]) {
      const res = await fetch(mediaUrl(file()), { headers: { Range: header } });
      expect(res.status, header).toBe(416);
      expect(res.headers.get("content-range")).toBe(`bytes */${size}`);
      await res.arrayBuffer();
    }
  });

  it("answers HEAD with the headers only", async () => {
    const res = await fetch(mediaUrl(file()), { method: "HEAD", headers: { Range: "bytes=10-19" } });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-length")).toBe("10");
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });

  it("names each container's type", async () => {
    const types: Record<string, string> = {
      "Interview.mov": "video/quicktime",
      "Sitzung.webm": "video/webm",
      "Archiv.mkv": "video/x-matroska",
    };
    for (const [name, type] of Object.entries(types)) {
      const res = await fetch(mediaUrl(path.join(day, name)), { method: "HEAD" });
      expect(res.status, name).toBe(200);
      expect(res.headers.get("content-type")).toBe(type);
    }
  });

  it("refuses everything outside the allowed folders, links and encoded dot-dots included", async () => {
    const refused = [
      mediaUrl(path.join(outside, "secret.mp4")),
      mediaUrl(path.join(day, "escape.mp4")),
      mediaUrl(`${day}/../../Privat/secret.mp4`),
      mediaUrl(path.join(root, "home", "config", "engine-token")),
      `http://127.0.0.1:${engine.port}/media/..%2F..%2F..%2Fetc%2Fpasswd?token=${engine.token}`,
    ];
    for (const url of refused) {
      const res = await fetch(url);
      expect(res.status, url).toBe(403);
      expect(await res.json()).toEqual({ code: "SICHTER_E_MEDIA_NOT_ALLOWED" });
    }
    expect((await fetch(mediaUrl(path.join(day, "missing.mp4")))).status).toBe(404);
    expect((await fetch(mediaUrl(999_999))).status).toBe(404);
  });

  it("streams a catalogued clip by id, even from outside the allowed folders", async () => {
    const elsewhere = path.join(root, "CLI-Analyse");
    fs.mkdirSync(elsewhere);
    const clip = await makeClip(path.join(elsewhere, "Pressekonferenz.mp4"), { seconds: 1 });
    expect((await fetch(mediaUrl(clip))).status).toBe(403);
    const { jobId } = await client.request("clip.analyze", { path: clip, options: { write: "none" } });
    await expect
      .poll(async () => (await client.request("job.get", { jobId })).state, { timeout: 60_000, interval: 250 })
      .toBe("completed");
    const { clip: stored } = await client.request("catalog.clip", { path: clip });
    const byId = await fetch(mediaUrl(stored.id), { headers: { Range: "bytes=0-9" } });
    expect(byId.status).toBe(206);
    expect(Buffer.from(await byId.arrayBuffer()).equals(fs.readFileSync(clip).subarray(0, 10))).toBe(true);
    const byPath = await fetch(mediaUrl(clip), { method: "HEAD" });
    expect(byPath.status).toBe(200);
  }, 90_000);
});

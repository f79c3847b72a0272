import fs from "node:fs/promises";
import path from "node:path";
import {
  WireLimits,
  type MediaFileEntry,
  type MediaFolderEntry,
  type MediaListResult,
  type MediaProbeInfo,
  type MediaProbeItem,
} from "@sichter/shared/protocol";
import type { Catalog } from "../../catalog/Catalog.ts";
import type { Disposable } from "../../core/Disposable.ts";
import { ErrorCode } from "@sichter/shared/errors";
import { SichterError, toSichterError } from "../../core/SichterError.ts";
import { playbackIssue } from "../../media/browserPlayback.ts";
import { clipTimecode } from "../../media/clipTimecode.ts";
import type { MediaFolders } from "../../media/MediaFolders.ts";
import type { ProbeCache, ProbeOutcome } from "../../media/ProbeCache.ts";
import type { QuickProbe } from "../../media/quickProbe.ts";
import { VIDEO_EXTENSIONS } from "../../pipeline/collectMediaFiles.ts";
import { mediaStreamPath } from "../http/mediaStreamPath.ts";

/**
 * The media browser behind `media.list` and `media.probe`: the allowed folders, what they hold,
 * quick probes from the cache, and whether the catalog knows each file. Listing never waits for
 * ffprobe; probing is asked for separately and runs a few files at a time (see ProbeCache).
 */
export class MediaLibrary implements Disposable {
  constructor(
    readonly folders: MediaFolders,
    private readonly probes: ProbeCache,
    private readonly catalog: Pick<Catalog, "clip" | "findClip">,
  ) {}

  async list(folder?: string): Promise<MediaListResult> {
    if (folder === undefined) {
      const folders = this.folders.roots().map((root): MediaFolderEntry => ({
        name: path.basename(root.real ?? root.configured) || (root.real ?? root.configured),
        path: root.real ?? root.configured,
        available: root.real !== null,
      }));
      return { folder: null, parent: null, folders, files: [], truncated: false };
    }
    const real = this.folders.resolve(folder);
    const root = this.folders.rootOf(real)!;
    let entries;
    try {
      entries = await fs.readdir(real, { withFileTypes: true });
    } catch (error) {
      throw folderError(error, folder);
    }
    const folders: MediaFolderEntry[] = [];
    const files: MediaFileEntry[] = [];
    let truncated = false;
    const names = entries
      .filter((e) => !e.name.startsWith("."))
      .map((e) => e.name)
      .sort((a, b) => a.localeCompare(b));
    for (const name of names) {
      const full = path.join(real, name);
      // Symlinks are followed, and one that leads out of the allowed folders is not shown at all.
      const target = await fs.realpath(full).catch(() => null);
      if (target === null || !this.folders.contains(target)) continue;
      const stat = await fs.stat(target).catch(() => null);
      if (stat?.isDirectory()) {
        if (folders.length >= WireLimits.listLimit) truncated = true;
        else folders.push({ name, path: full, available: true });
      } else if (stat?.isFile() && VIDEO_EXTENSIONS.has(path.extname(name).toLowerCase())) {
        if (files.length >= WireLimits.listLimit) truncated = true;
        else files.push(await this.fileEntry(name, full, target, stat));
      }
    }
    return { folder: real, parent: real === root ? null : path.dirname(real), folders, files, truncated };
  }

  /** Quick probes of allowed paths and catalogued clips, in the order asked for. */
  async probe(paths: readonly string[], clipIds: readonly number[]): Promise<MediaProbeItem[]> {
    const byPath = paths.map(async (asked): Promise<MediaProbeItem> => {
      const stream = mediaStreamPath(asked);
      let real: string;
      try {
        real = this.folders.resolve(asked);
      } catch (error) {
        return { path: asked, clipId: null, stream, probe: null, error: wireError(error) };
      }
      return item(asked, (await this.catalog.findClip(real))?.id ?? null, stream, await this.probes.probe(real));
    });
    const byClip = clipIds.map(async (clipId): Promise<MediaProbeItem> => {
      // An unknown clip id is the request's error (NOT_IN_CATALOG), like catalog.clip.
      const clip = await this.catalog.clip(clipId);
      return item(clip.path, clipId, mediaStreamPath(clipId), await this.probes.probe(clip.path));
    });
    return Promise.all([...byPath, ...byClip]);
  }

  dispose(): void {
    this.probes.dispose();
  }

  private async fileEntry(
    name: string,
    full: string,
    real: string,
    stat: { size: number; mtimeMs: number; mtime: Date },
  ): Promise<MediaFileEntry> {
    const cached = this.probes.cached(real, stat.size, stat.mtimeMs);
    const clip = await this.catalog.findClip(real);
    return {
      name,
      path: full,
      sizeBytes: stat.size,
      modified: stat.mtime.toISOString(),
      stream: mediaStreamPath(full),
      probe: cached && "probe" in cached ? wireProbe(cached.probe) : null,
      analysis: clip ? { clipId: clip.id, lastAnalysed: clip.lastAnalysed } : null,
    };
  }
}

function item(path: string, clipId: number | null, stream: string, outcome: ProbeOutcome): MediaProbeItem {
  return "probe" in outcome
    ? { path, clipId, stream, probe: wireProbe(outcome.probe), error: null }
    : { path, clipId, stream, probe: null, error: wireError(outcome.error) };
}

/** The probe as the protocol carries it: timecode range and whether a browser can play it. */
export function wireProbe(probe: QuickProbe): MediaProbeInfo {
  const range = timecodeRange(probe);
  const issue = playbackIssue(probe);
  return {
    container: probe.container,
    codec: probe.codec,
    width: probe.width,
    height: probe.height,
    frameRate: probe.frameRate,
    dropFrame: range.dropFrame,
    durationSeconds: probe.durationSeconds,
    frameCount: probe.frameCount,
    startTimecode: range.start,
    endTimecode: range.end,
    browserPlayable: issue === null,
    playbackIssue: issue,
  };
}

function timecodeRange(probe: QuickProbe): { start: string; end: string; dropFrame: boolean } {
  const last = Math.max(0, probe.frameCount - 1);
  try {
    const tc = clipTimecode(probe);
    return { start: tc.toTimecode(0), end: tc.toTimecode(last), dropFrame: tc.dropFrame };
  } catch {
    // A start timecode the clip carries but nobody can read: count from zero, as NLEs do.
    const tc = clipTimecode({ frameRate: probe.frameRate, startTimecode: null, dropFrame: false });
    return { start: tc.toTimecode(0), end: tc.toTimecode(last), dropFrame: false };
  }
}

function wireError(error: unknown): { code: string; message: string } {
  const e = toSichterError(error);
  return { code: e.code, message: e.message };
}

function folderError(error: unknown, folder: string): SichterError {
  switch ((error as NodeJS.ErrnoException).code) {
    case "ENOTDIR":
      return new SichterError(
        ErrorCode.INVALID_PARAMS,
        { method: "media.list", detail: `not a folder: ${folder}` },
        { cause: error },
      );
    case "EACCES":
    case "EPERM":
      return new SichterError(ErrorCode.PERMISSION_DENIED, { path: folder }, { cause: error });
    case "ENOENT":
      return new SichterError(ErrorCode.FILE_NOT_FOUND, { path: folder }, { cause: error });
    default:
      return toSichterError(error);
  }
}

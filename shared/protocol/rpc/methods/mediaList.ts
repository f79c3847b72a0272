import { z } from "zod";
import { requestParams } from "../requestParams.ts";
import { CatalogId, Timestamp, WirePath } from "../wireTypes.ts";
import { MediaProbeInfo } from "./mediaProbe.ts";

/** A file or folder name (one path segment; file systems allow 255 bytes, a few more characters here). */
const EntryName = z.string().min(1).max(1024);

/**
 * `media.list`: without `folder`, the media folders the user allowed (`sichter serve --media DIR`,
 * `media.json` in the config folder); with it, that folder's subfolders and video files. The
 * folder must lie inside an allowed one after symlinks are followed (MEDIA_NOT_ALLOWED otherwise).
 * Listing never waits for ffprobe: a file's `probe` is what `media.probe` found earlier, or null.
 */
export const MediaListParams = requestParams({ folder: WirePath.optional() });
export type MediaListParams = z.infer<typeof MediaListParams>;

export const MediaFolderEntry = z.object({
  name: EntryName,
  /** Real path (symlinks followed); give it back as `folder` to list it. */
  path: WirePath,
  /** False for an allowed folder that is missing or unreadable right now (an unplugged drive). */
  available: z.boolean(),
});
export type MediaFolderEntry = z.infer<typeof MediaFolderEntry>;

/** Whether, and when, the catalog holds an analysis of the file (matched by its real path). */
export const MediaAnalysisState = z.object({
  clipId: CatalogId,
  lastAnalysed: Timestamp.nullable(),
});
export type MediaAnalysisState = z.infer<typeof MediaAnalysisState>;

export const MediaFileEntry = z.object({
  name: EntryName,
  /** Real path: what `clip.analyze` and `media.probe` take. */
  path: WirePath,
  sizeBytes: z.int().nonnegative(),
  modified: Timestamp,
  /** Where the engine streams it (see `media.probe`). */
  stream: z
    .string()
    .min(1)
    .max(4 * 4096),
  /** From the probe cache; null until `media.probe` has looked at this version of the file. */
  probe: MediaProbeInfo.nullable(),
  analysis: MediaAnalysisState.nullable(),
});
export type MediaFileEntry = z.infer<typeof MediaFileEntry>;

export const MediaListResult = z.object({
  /** The folder listed (real path), or null for the list of allowed folders. */
  folder: WirePath.nullable(),
  /** The folder above, while it is still inside an allowed folder; null at an allowed folder's top. */
  parent: WirePath.nullable(),
  /** Sorted by name; hidden entries are left out. */
  folders: z.array(MediaFolderEntry),
  files: z.array(MediaFileEntry),
  /** True when the folder holds more entries than one answer carries (1000 folders, 1000 files). */
  truncated: z.boolean(),
});
export type MediaListResult = z.infer<typeof MediaListResult>;

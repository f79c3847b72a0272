import type { AppliedFile } from "@sichter/shared/protocol";
import { ErrorCode } from "@sichter/shared/errors";
import type { Catalog, StoredClip } from "../catalog/Catalog.ts";
import { CancellationToken, throwIfCancelled } from "../core/Cancellation.ts";
import { SichterError, isSichterError, toSichterError } from "../core/SichterError.ts";
import { clipTimecode } from "../media/clipTimecode.ts";
import { acceptedTagPlan } from "./acceptedTagPlan.ts";
import { XMP_WRITER } from "./analyzeAndStore.ts";
import type { TagWriter } from "../extensionApi/TagWriter.ts";

export interface ApplyRequest {
  readonly clipIds: readonly number[];
  readonly write: "sidecar" | "embed";
  readonly language: "de" | "en";
}

/**
 * Writes the accepted tags of catalogued clips as XMP with the registry's XMP tag writer, the one
 * every analysis uses (it merges, writes atomically and refuses what it cannot write safely). Every
 * clip id is checked before anything is written; after that one clip's failure is its line in the
 * report and the others are still written. Cancellation stops before the next clip.
 */
export async function applyAcceptedTags(
  catalog: Pick<Catalog, "clip" | "shots" | "keyframes" | "tags" | "runs">,
  writers: readonly TagWriter[],
  request: ApplyRequest,
  token: CancellationToken = CancellationToken.None,
  onClipDone: (done: number, clip: StoredClip) => void = () => {},
): Promise<AppliedFile[]> {
  const clips: StoredClip[] = [];
  for (const id of request.clipIds) clips.push(await catalog.clip(id));
  const writer = writers.find((w) => w.id === XMP_WRITER);
  const files: AppliedFile[] = [];
  for (const clip of clips) {
    throwIfCancelled(token);
    const plan = acceptedTagPlan(
      {
        clip,
        shots: await catalog.shots(clip.id),
        keyframes: await catalog.keyframes(clip.id),
        tags: await catalog.tags(clip.id),
      },
      request.language,
    );
    const base = { clipId: clip.id, path: clip.path, keywords: plan.keywords, markers: plan.markers.length };
    try {
      // Disabled by the user: say which extension, rather than reporting nothing written.
      if (!writer) throw new SichterError(ErrorCode.EXTENSION_NOT_FOUND, { extension: XMP_WRITER });
      const tc = clipTimecode(clip);
      const lastRun = (await catalog.runs(clip.id)).at(-1);
      const result = await writer.write(
        {
          plan,
          clip: {
            path: clip.path,
            frameRate: clip.frameRate,
            startTimecode: tc.toTimecode(0),
            frameCount: clip.frameCount,
          },
          analysis: {
            tagSet: {
              clip,
              shots: [],
              keyframes: [],
              tags: [],
              ocrText: [],
              analyzedAt: clip.lastAnalysed ?? clip.firstSeen,
            },
            analyzers: lastRun?.analyzers ?? [],
            thumbnails: [],
          },
          request: { metadata: request.write, language: request.language },
        },
        token,
      );
      const sidecar = typeof result.details.sidecar === "string" ? result.details.sidecar : null;
      files.push({ ...base, status: "written", sidecar, embedded: result.details.embedded === true, error: null });
    } catch (error) {
      if (isSichterError(error, ErrorCode.CANCELLED) || token.isCancellationRequested)
        throw new SichterError(ErrorCode.CANCELLED);
      const e = toSichterError(error);
      files.push({
        ...base,
        status: "failed",
        sidecar: null,
        embedded: false,
        error: { code: e.code, message: e.message },
      });
    }
    onClipDone(files.length, clip);
  }
  return files;
}

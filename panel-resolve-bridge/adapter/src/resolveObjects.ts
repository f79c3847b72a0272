import type { MediaPool, MediaPoolItem, Project, ResolveApp, Timeline, TimelineItem } from "./ResolveApi.ts";

/** The open project, or null (Resolve shows the Project Manager). */
export async function currentProject(resolve: ResolveApp): Promise<Project | null> {
  const manager = await resolve.GetProjectManager();
  return (await manager?.GetCurrentProject()) ?? null;
}

export async function currentTimeline(resolve: ResolveApp): Promise<Timeline | null> {
  const project = await currentProject(resolve);
  return (await project?.GetCurrentTimeline()) ?? null;
}

export async function mediaPoolOf(resolve: ResolveApp): Promise<MediaPool | null> {
  const project = await currentProject(resolve);
  return (await project?.GetMediaPool()) ?? null;
}

/** A whole frame from a Resolve answer (positions may come as floats). */
export function frameOf(answer: unknown): number {
  const value = Number(answer);
  if (!Number.isFinite(value)) throw new TypeError(`Resolve answered ${String(answer)} where a frame number belongs`);
  return Math.round(value);
}

export function textOf(answer: unknown): string {
  return typeof answer === "string" ? answer : answer === undefined || answer === null ? "" : String(answer);
}

/** Every clip of the media pool, bin by bin (the API has no search by id or path). */
export async function allMediaPoolItems(pool: MediaPool): Promise<MediaPoolItem[]> {
  const out: MediaPoolItem[] = [];
  const pending = [await pool.GetRootFolder()];
  while (pending.length > 0) {
    const folder = pending.shift();
    if (!folder) continue;
    out.push(...((await folder.GetClipList()) ?? []));
    pending.push(...((await folder.GetSubFolderList()) ?? []));
  }
  return out;
}

/** The media pool item a clip reference names: by its unique id, else by its file path. */
export async function findMediaPoolItem(
  pool: MediaPool,
  hostItemId: string | undefined,
  mediaPath: string,
): Promise<MediaPoolItem | null> {
  const items = await allMediaPoolItems(pool);
  if (hostItemId !== undefined) {
    for (const item of items) if (textOf(await item.GetUniqueId()) === hostItemId) return item;
  }
  for (const item of items) if (textOf(await item.GetClipProperty("File Path")) === mediaPath) return item;
  return null;
}

/** The video track (1-based) holding `item`, found by its unique id; null when none does. */
export async function trackOf(timeline: Timeline, item: TimelineItem): Promise<number | null> {
  const id = textOf(await item.GetUniqueId());
  const start = frameOf(await item.GetStart());
  const count = Number(await timeline.GetTrackCount("video")) || 0;
  for (let track = 1; track <= count; track++) {
    for (const candidate of (await timeline.GetItemListInTrack("video", track)) ?? []) {
      // Positions first: one call per item rules out nearly all of them.
      if (frameOf(await candidate.GetStart()) !== start) continue;
      if (textOf(await candidate.GetUniqueId()) === id) return track;
    }
  }
  return null;
}

/**
 * The part of DaVinci Resolve's scripting API the bridge uses, typed as the bridge may meet it: a
 * call answers at once (`WorkflowIntegration.GetResolve()`) or with a promise (`GetResolvePromise()`),
 * an object may be missing (None), and data (markers, metadata) is checked before use. Methods that
 * only some versions have are optional.
 */
export type Answer<T> = T | Promise<T>;
export type Maybe<T> = T | null | undefined;

export interface ResolveApp {
  GetProjectManager(): Answer<Maybe<ProjectManager>>;
  /** [major, minor, patch, build, suffix]. */
  GetVersion(): Answer<unknown>;
  /** "media", "cut", "edit", ... */
  GetCurrentPage(): Answer<Maybe<string>>;
  OpenPage(page: string): Answer<unknown>;
}

export interface ProjectManager {
  GetCurrentProject(): Answer<Maybe<Project>>;
}

export interface Project {
  GetMediaPool(): Answer<Maybe<MediaPool>>;
  GetCurrentTimeline(): Answer<Maybe<Timeline>>;
}

export interface MediaPool {
  GetRootFolder(): Answer<Maybe<Folder>>;
  /** 19.0.2 on. */
  GetSelectedClips?(): Answer<Maybe<readonly MediaPoolItem[]>>;
  /** 19.0.2 on. */
  SetSelectedClip?(item: MediaPoolItem): Answer<unknown>;
}

export interface Folder {
  GetClipList(): Answer<Maybe<readonly MediaPoolItem[]>>;
  GetSubFolderList(): Answer<Maybe<readonly Folder[]>>;
}

/** Timelines and media pool items hold markers alike; only the frame they count from differs. */
export interface MarkerOwner {
  AddMarker(
    frameId: number,
    color: string,
    name: string,
    note: string,
    duration: number,
    customData: string,
  ): Answer<unknown>;
  /** A dict keyed by frame (float keys: "120.0" as much as "120"). */
  GetMarkers(): Answer<unknown>;
  /** Deletes only the FIRST marker with this custom data. */
  DeleteMarkerByCustomData(customData: string): Answer<unknown>;
}

export interface MediaPoolItem extends MarkerOwner {
  GetName(): Answer<unknown>;
  GetUniqueId(): Answer<unknown>;
  GetClipProperty(key: string): Answer<unknown>;
  /** `GetMetadata()` answers a dict from 21.1; `GetMetadata(field)` is the older form. */
  GetMetadata(field?: string): Answer<unknown>;
  /** `SetMetadata({field: value})` from 21.1; `SetMetadata(field, value)` is the older form. */
  SetMetadata(fieldOrDict: string | Readonly<Record<string, string>>, value?: string): Answer<unknown>;
}

export interface Timeline extends MarkerOwner {
  GetName(): Answer<unknown>;
  GetUniqueId(): Answer<unknown>;
  /** Absolute frame of the timeline's first frame (86400 for 01:00:00:00 at 24 fps). */
  GetStartFrame(): Answer<unknown>;
  GetSetting(name: string): Answer<unknown>;
  GetTrackCount(trackType: string): Answer<unknown>;
  /** Track indices start at 1. */
  GetItemListInTrack(trackType: string, index: number): Answer<Maybe<readonly TimelineItem[]>>;
  GetCurrentVideoItem(): Answer<Maybe<TimelineItem>>;
  SetCurrentTimecode(timecode: string): Answer<unknown>;
  /** 21.0.4 on. */
  GetSelectedClips?(): Answer<Maybe<readonly TimelineItem[]>>;
}

export interface TimelineItem {
  GetName(): Answer<unknown>;
  GetUniqueId(): Answer<unknown>;
  /** Absolute timeline frames, like GetStartFrame. */
  GetStart(): Answer<unknown>;
  GetEnd(): Answer<unknown>;
  /** The source in point, in frames from the media's first frame. */
  GetLeftOffset(): Answer<unknown>;
  GetMediaPoolItem(): Answer<Maybe<MediaPoolItem>>;
}

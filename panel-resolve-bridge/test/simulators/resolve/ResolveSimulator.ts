import { SimFolder, SimMediaPool } from "./SimMediaPool.ts";
import { type MediaClipSpec, SimMediaPoolItem } from "./SimMediaPoolItem.ts";
import { type MetadataForms, SimMetadata } from "./SimMetadata.ts";
import { SimProject, SimProjectManager } from "./SimProject.ts";
import { SimResolve } from "./SimResolve.ts";
import { SimTimeline, type TimelineSpec } from "./SimTimeline.ts";
import { SimTimelineItem } from "./SimTimelineItem.ts";
import { SimulatorError } from "./SimulatorError.ts";
import { CallMonitor, promiseFlavour } from "./promiseFlavour.ts";
import { API_LEVELS, type VersionFields, atLeast, versionFields } from "./simVersion.ts";

export interface ResolveSimulatorOptions {
  /** The Resolve version simulated, e.g. "21.1", "19.0.2", "18.6"; default "21.1". */
  readonly version?: string;
  /** Overrides the metadata call forms the version implies (e.g. a Resolve that dropped the key/value forms). */
  readonly metadataForms?: Partial<MetadataForms>;
  /** Metadata fields that answer a write with true and keep nothing. */
  readonly fieldsNotKept?: readonly string[];
  readonly product?: string;
}

export interface PlacementSpec {
  readonly clip: SimMediaPoolItem;
  /** Media frames [inFrame, outFrame) the instance shows. */
  readonly inFrame: number;
  readonly outFrame: number;
  /** Where it starts, counted from the timeline's first frame. */
  readonly recordFrame: number;
  /** Video track, 1-based (V1 = 1); default 1. */
  readonly track?: number;
}

/**
 * A DaVinci Resolve that follows the documented scripting API, with one open project: the media
 * pool and its selection, timelines with their start frame offset, clip instances, the playhead,
 * markers and metadata with the traps the documentation names. `resolve` is the object
 * `WorkflowIntegration.GetResolve()` (or Lua's `resolve` global) gives; `promiseApi()` the one of
 * `GetResolvePromise()`. Everything else here is for tests to arrange and inspect.
 */
export class ResolveSimulator {
  readonly version: VersionFields;
  readonly projectManager = new SimProjectManager();
  readonly project: SimProject;
  readonly mediaPool: SimMediaPool;
  readonly resolve: SimResolve;
  private readonly forms: MetadataForms;
  private readonly notKept: ReadonlySet<string>;
  private nextId = 1;

  constructor(options: ResolveSimulatorOptions = {}) {
    this.version = versionFields(options.version ?? "21.1");
    this.forms = { dict: atLeast(this.version, API_LEVELS.metadataDict), keyValue: true, ...options.metadataForms };
    this.notKept = new Set(options.fieldsNotKept ?? []);
    this.mediaPool = new SimMediaPool({ selection: atLeast(this.version, API_LEVELS.mediaPoolSelection) });
    this.project = new SimProject("Sichter", this.mediaPool);
    this.projectManager.current = this.project;
    this.resolve = new SimResolve(this.projectManager, this.version, options.product ?? "DaVinci Resolve Studio");
  }

  /** The promise flavour of the API and the monitor that counts its calls and overlaps. */
  promiseApi(): { resolve: SimResolve; monitor: CallMonitor } {
    const monitor = new CallMonitor();
    return { resolve: promiseFlavour(this.resolve, monitor), monitor };
  }

  /** Imports a media file into a bin (default the root bin). */
  addClip(spec: MediaClipSpec, folder: SimFolder = this.mediaPool.root): SimMediaPoolItem {
    const clip = new SimMediaPoolItem(`mpi-${this.nextId++}`, spec, new SimMetadata(this.forms, this.notKept));
    folder.clips.push(clip);
    return clip;
  }

  addBin(name: string, parent: SimFolder = this.mediaPool.root): SimFolder {
    const folder = new SimFolder(name);
    parent.subFolders.push(folder);
    return folder;
  }

  /** Adds a timeline; the first one becomes the current timeline. */
  addTimeline(spec: TimelineSpec): SimTimeline {
    const timeline = new SimTimeline(`tl-${this.nextId++}`, spec, {
      selection: atLeast(this.version, API_LEVELS.timelineSelection),
    });
    this.project.timelines.push(timeline);
    this.project.current ??= timeline;
    return timeline;
  }

  /** Places a clip instance on a video track; overlapping an instance on the same track is refused. */
  place(timeline: SimTimeline, spec: PlacementSpec): SimTimelineItem {
    const { clip, inFrame, outFrame, recordFrame } = spec;
    if (!(0 <= inFrame && inFrame < outFrame && outFrame <= clip.spec.frames)) {
      throw new SimulatorError(
        `frames [${inFrame}, ${outFrame}) are not inside ${clip.name} (${clip.spec.frames} frames)`,
      );
    }
    const track = spec.track ?? 1;
    while (timeline.videoTracks.length < track) timeline.videoTracks.push([]);
    const item = new SimTimelineItem(
      `tli-${this.nextId++}`,
      spec,
      () => timeline.startFrame,
      atLeast(this.version, API_LEVELS.mediaPoolSelection),
    );
    const lane = timeline.videoTracks[track - 1]!;
    if (lane.some((other) => other.start < item.end && item.start < other.end)) {
      throw new SimulatorError(`V${track} already has a clip at record frame ${recordFrame}`);
    }
    lane.push(item);
    return item;
  }

  /** Moves the playhead to a frame counted from the timeline's first frame. */
  setPlayhead(timeline: SimTimeline, frameFromStart: number): void {
    timeline.playhead = timeline.startFrame + frameFromStart;
  }

  selectMediaPoolClips(...clips: SimMediaPoolItem[]): void {
    this.mediaPool.selected = clips;
  }

  selectTimelineItems(timeline: SimTimeline, ...items: SimTimelineItem[]): void {
    timeline.selected = items;
  }

  /** No project open (the Project Manager shows). */
  closeProject(): void {
    this.projectManager.current = undefined;
  }
}

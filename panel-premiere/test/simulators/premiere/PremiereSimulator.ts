import type { Project, ProjectItemSelection, premierepro } from "@adobe/premierepro";
import { ActionGate } from "./ActionGate.ts";
import { MARKER_TYPES, MarkerList, type MarkerState, SimMarkers } from "./SimMarkers.ts";
import { SimMetadata } from "./SimMetadata.ts";
import { SimProject } from "./SimProject.ts";
import { PROJECT_ITEM_TYPES, SimBin, SimClipItem, type SimProjectItem, unwrapItem } from "./SimProjectItem.ts";
import { SimEvents } from "./SimEvents.ts";
import { SimSequence, SimVideoTrack, type TrackItemState } from "./SimSequence.ts";
import { type SourceMonitorState, createSourceMonitor } from "./SimSourceMonitor.ts";
import { simConstants } from "./simConstants.ts";
import { SimulatorError } from "./SimulatorError.ts";
import { FrameRateStaticSim, TICKS_PER_SECOND, TickTimeStaticSim } from "./SimTickTime.ts";
import { UndoStack } from "./UndoStack.ts";

/** The API level simulated: `Marker.guid` and `SourceMonitor.setPosition` arrived in 26.3. */
export type ApiVersion = "25.6" | "26.3";

export interface ClipSpec {
  readonly name: string;
  readonly mediaPath: string;
  /** Exact rate "num/den" of the footage. */
  readonly frameRate: string;
  readonly durationFrames: number;
  /** The media's start timecode as a frame count since midnight (Premiere's media start). */
  readonly startFrame?: number;
  readonly xmp?: string;
  /** A bin made with `addBin`; the root bin otherwise. */
  readonly bin?: SimBin;
}

export interface TrackItemSpec {
  readonly clip: SimClipItem;
  /** Media frames [inFrame, outFrame) the instance shows. */
  readonly inFrame: number;
  readonly outFrame: number;
  /** Sequence frame the instance starts at. */
  readonly startFrame: number;
  readonly speed?: number;
}

export interface SequenceSpec {
  readonly name: string;
  readonly frameRate: string;
  /** Video tracks, V1 first. */
  readonly tracks: readonly (readonly TrackItemSpec[])[];
}

const EMPTY_XMP =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF></x:xmpmeta>';

/**
 * A Premiere Pro that follows the documented UXP API (`@adobe/premierepro` 26.3): one open project
 * with clips, sequences and their markers, XMP and project metadata, the Project panel selection,
 * the playhead, the Source Monitor, and an undo history tests can read. `module` is what
 * `require("premierepro")` returns in Premiere.
 */
export class PremiereSimulator {
  readonly gate = new ActionGate();
  readonly undo = new UndoStack();
  readonly events = new SimEvents();
  readonly metadata = new SimMetadata(this.gate);
  readonly project: SimProject;
  readonly sourceMonitor: SourceMonitorState = { item: null, filePath: null, position: 0n };
  /** Media files on the simulated disk, by path; `importFiles` and `openFilePath` need them. */
  readonly disk = new Map<string, Omit<ClipSpec, "mediaPath" | "xmp">>();
  readonly module: premierepro;
  private selection: SimProjectItem[] = [];
  private nextId = 1;

  constructor(readonly apiVersion: ApiVersion = "26.3") {
    const root = new SimBin("root", "Project", PROJECT_ITEM_TYPES.TYPE_ROOT, () => this.project as unknown as Project);
    this.project = new SimProject("Sichter.prproj", "/projects/Sichter.prproj", root, this.gate, this.undo, {
      importFile: (path, bin) => this.importFile(path, bin),
    });
    this.module = this.createModule();
  }

  /** Puts a media file on the simulated disk and into the project's root bin. */
  addClip(spec: ClipSpec): SimClipItem {
    this.disk.set(spec.mediaPath, spec);
    const clip = this.clipItem(spec);
    (spec.bin ?? this.project.root).add(clip);
    return clip;
  }

  /** A bin in the root bin. */
  addBin(name: string): SimBin {
    const bin = new SimBin(this.id(), name, PROJECT_ITEM_TYPES.TYPE_BIN, () => this.project as unknown as Project);
    this.project.root.add(bin);
    return bin;
  }

  /** Puts a media file on the simulated disk only (for import). */
  addFile(spec: Omit<ClipSpec, "xmp">): void {
    this.disk.set(spec.mediaPath, spec);
  }

  addSequence(spec: SequenceSpec): SimSequence {
    const perFrame = ticksPerFrameOf(spec.frameRate);
    const tracks = spec.tracks.map(
      (items, index) =>
        new SimVideoTrack(
          index,
          items.map((item): TrackItemState => {
            const mediaPerFrame = item.clip.state.ticksPerFrame;
            const inPoint = BigInt(item.inFrame) * mediaPerFrame;
            const outPoint = BigInt(item.outFrame) * mediaPerFrame;
            const start = BigInt(item.startFrame) * perFrame;
            return {
              item: item.clip,
              inPoint,
              outPoint,
              start,
              end: start + (outPoint - inPoint),
              speed: item.speed ?? 1,
              disabled: false,
            };
          }),
        ),
    );
    const sequence = new SimSequence(`sequence-${this.nextId++}`, spec.name, perFrame, tracks);
    sequence.projectItem = new SimClipItem(this.id(), spec.name, () => this.project as unknown as Project, {
      mediaPath: "",
      ticksPerFrame: perFrame,
      mediaStart: 0n,
      mediaDuration: 0n,
      xmp: EMPTY_XMP,
      projectMetadata: new Map(),
      markers: new MarkerList(sequence.guidText),
      sequence: sequence as never,
      offline: false,
    });
    this.project.root.add(sequence.projectItem);
    this.project.sequences.push(sequence);
    this.project.activeSequence ??= sequence;
    return sequence;
  }

  /** The editor selects items in the Project panel: PROJECT_ITEM_SELECTION_CHANGED fires. */
  select(items: readonly SimProjectItem[]): void {
    this.selection = [...items];
    const event = {
      name: this.project.name,
      path: this.project.path,
      id: String(this.project.guid),
      project: this.project,
    };
    this.events.dispatch(this.project, simConstants.ProjectEvent.PROJECT_ITEM_SELECTION_CHANGED, event);
  }

  /** The markers of a clip or sequence as Premiere holds them. */
  markersOf(owner: SimClipItem | SimSequence): readonly MarkerState[] {
    return markerList(owner).states;
  }

  /** Markers the editor made by hand (no action, no undo step), e.g. before Sichter runs. */
  addUserMarker(owner: SimClipItem | SimSequence, marker: Omit<MarkerState, "guid">): void {
    const list = markerList(owner);
    list.states.push({ ...marker, guid: list.newGuid() });
  }

  /** Every file in the project, bins included, depth first. */
  allItems(): SimProjectItem[] {
    const items: SimProjectItem[] = [];
    const walk = (bin: SimBin) => {
      for (const child of bin.children) {
        items.push(child);
        if (child instanceof SimBin) walk(child);
      }
    };
    walk(this.project.root);
    return items;
  }

  private importFile(path: string, bin: SimBin): boolean {
    const spec = this.disk.get(path);
    if (!spec) return false;
    bin.add(this.clipItem({ ...spec, mediaPath: path }));
    return true;
  }

  private clipItem(spec: ClipSpec): SimClipItem {
    const perFrame = ticksPerFrameOf(spec.frameRate);
    const id = this.id();
    return new SimClipItem(id, spec.name, () => this.project as unknown as Project, {
      mediaPath: spec.mediaPath,
      ticksPerFrame: perFrame,
      mediaStart: BigInt(spec.startFrame ?? 0) * perFrame,
      mediaDuration: BigInt(spec.durationFrames) * perFrame,
      xmp: spec.xmp ?? EMPTY_XMP,
      projectMetadata: new Map(),
      markers: new MarkerList(id),
      sequence: null,
      offline: false,
    });
  }

  private id(): string {
    return `item-${this.nextId++}`;
  }

  private createModule(): premierepro {
    const sim = this;
    const hasGuid = this.apiVersion === "26.3";
    const module = {
      Constants: simConstants,
      TickTime: TickTimeStaticSim,
      FrameRate: FrameRateStaticSim,
      Marker: MARKER_TYPES,
      Markers: {
        async getMarkers(owner: unknown) {
          return new SimMarkers(markerList(owner as SimClipItem | SimSequence), sim.gate, hasGuid);
        },
      },
      Metadata: sim.metadata,
      Project: {
        async getActiveProject() {
          return sim.project;
        },
      },
      ProjectUtils: {
        async getSelection(project: unknown): Promise<ProjectItemSelection> {
          if (project !== sim.project) throw new SimulatorError("getSelection needs the project");
          const items = sim.selection.map((item) => item.view);
          return { getItems: async () => items };
        },
      },
      ProjectItem: {
        ...PROJECT_ITEM_TYPES,
        cast: (item: unknown) => unwrapItem(item)?.view,
      },
      ClipProjectItem: {
        cast(item: unknown) {
          const clip = unwrapItem(item);
          if (!(clip instanceof SimClipItem)) throw new SimulatorError("only a clip item casts to ClipProjectItem");
          return clip;
        },
      },
      FolderItem: {
        cast(item: unknown) {
          const bin = unwrapItem(item);
          if (!(bin instanceof SimBin)) throw new SimulatorError("only a bin casts to FolderItem");
          return bin;
        },
      },
      EventManager: sim.events,
      SourceMonitor: createSourceMonitor(sim.sourceMonitor, (path) => sim.disk.has(path), hasGuid),
    };
    return module as unknown as premierepro;
  }
}

function markerList(owner: SimClipItem | SimSequence): MarkerList {
  if (!(owner instanceof SimSequence) && unwrapItem(owner) !== owner && unwrapItem(owner) !== undefined) {
    throw new SimulatorError("Markers.getMarkers takes a ClipProjectItem: cast the ProjectItem first");
  }
  if (owner instanceof SimClipItem) {
    if (owner.state.sequence) return markerList(owner.state.sequence as unknown as SimSequence);
    return owner.state.markers;
  }
  if (owner instanceof SimSequence) {
    if (!owner.projectItem) throw new SimulatorError("sequence without project item");
    return owner.projectItem.state.markers;
  }
  throw new SimulatorError("Markers.getMarkers takes a Sequence or a ClipProjectItem");
}

function ticksPerFrameOf(rate: string): bigint {
  const match = /^(\d+)\/(\d+)$/.exec(rate);
  if (!match) throw new SimulatorError(`frame rate "${rate}" is not num/den`);
  const ticks = TICKS_PER_SECOND * BigInt(match[2] ?? "1");
  const num = BigInt(match[1] ?? "1");
  if (ticks % num !== 0n) throw new SimulatorError(`${rate} is not a whole number of ticks per frame`);
  return ticks / num;
}

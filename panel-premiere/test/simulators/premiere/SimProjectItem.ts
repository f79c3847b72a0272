import type {
  FolderItem,
  FootageInterpretation,
  Media,
  Project,
  ProjectItem,
  Sequence,
  TickTime,
} from "@adobe/premierepro";
import { type MarkerList } from "./SimMarkers.ts";
import { SimulatorError } from "./SimulatorError.ts";
import { frameRateOfTicks, tick } from "./SimTickTime.ts";

/** `ProjectItem.TYPE_*` (the numbers ExtendScript's ProjectItemType uses). */
export const PROJECT_ITEM_TYPES = {
  TYPE_CLIP: 1,
  TYPE_BIN: 2,
  TYPE_ROOT: 3,
  TYPE_FILE: 4,
  TYPE_STYLE: 5,
  TYPE_COMPOUND: 6,
} as const;

const viewed = new WeakMap<object, SimProjectItem>();

/**
 * The item behind a ProjectItem the API handed out, or the item itself. Premiere hands out plain
 * `ProjectItem`s (from bins, the selection, track items); clip and bin calls need
 * `ClipProjectItem.cast` or `FolderItem.cast` first.
 */
export function unwrapItem(item: unknown): SimProjectItem | undefined {
  if (item instanceof SimProjectItem) return item;
  return typeof item === "object" && item !== null ? viewed.get(item) : undefined;
}

/** Anything in the Project panel. */
export abstract class SimProjectItem {
  parent: SimBin | null = null;
  private plain: ProjectItem | null = null;

  /** This item as a plain `ProjectItem`: only the members the declarations give ProjectItem. */
  get view(): ProjectItem {
    if (!this.plain) {
      const item = this;
      const plain = {
        get name() {
          return item.name;
        },
        get type() {
          return item.type;
        },
        getId: () => item.getId(),
        getProject: () => item.getProject(),
        getParentBin: () => item.getParentBin(),
      };
      viewed.set(plain, this);
      this.plain = plain as unknown as ProjectItem;
    }
    return this.plain;
  }

  constructor(
    readonly id: string,
    readonly name: string,
    readonly type: number,
    private readonly project: () => Project,
  ) {}

  getId(): string {
    return this.id;
  }

  async getProject(): Promise<Project> {
    return this.project();
  }

  getParentBin(): FolderItem {
    if (!this.parent) throw new SimulatorError("the root item has no parent bin");
    return this.parent as unknown as FolderItem;
  }
}

export class SimBin extends SimProjectItem {
  readonly children: SimProjectItem[] = [];

  add(item: SimProjectItem): void {
    item.parent = this;
    this.children.push(item);
  }

  async getItems(): Promise<ProjectItem[]> {
    return this.children.map((child) => child.view);
  }
}

/** What a clip item holds: its media, XMP packet, project (column) metadata and markers. */
export interface ClipItemState {
  readonly mediaPath: string;
  /** Ticks per frame of the footage interpretation. */
  readonly ticksPerFrame: bigint;
  /** The media's start time (its start timecode as ticks) and duration. */
  readonly mediaStart: bigint;
  readonly mediaDuration: bigint;
  xmp: string;
  readonly projectMetadata: Map<string, string>;
  readonly markers: MarkerList;
  readonly sequence: Sequence | null;
  offline: boolean;
}

/** A clip (or a sequence's item) seen through `ClipProjectItem.cast`. */
export class SimClipItem extends SimProjectItem {
  constructor(
    id: string,
    name: string,
    project: () => Project,
    readonly state: ClipItemState,
  ) {
    super(id, name, PROJECT_ITEM_TYPES.TYPE_CLIP, project);
  }

  async getMediaFilePath(): Promise<string> {
    return this.state.mediaPath;
  }

  async isSequence(): Promise<boolean> {
    return this.state.sequence !== null;
  }

  async getSequence(): Promise<Sequence> {
    if (!this.state.sequence) throw new SimulatorError(`${this.name} is not a sequence`);
    return this.state.sequence;
  }

  async isOffline(): Promise<boolean> {
    return this.state.offline;
  }

  async getFootageInterpretation(): Promise<FootageInterpretation> {
    const frameRate = frameRateOfTicks(this.state.ticksPerFrame).value;
    return { getFrameRate: () => frameRate } as unknown as FootageInterpretation;
  }

  async getMedia(): Promise<Media> {
    return { start: tick(this.state.mediaStart), duration: tick(this.state.mediaDuration) } as unknown as Media;
  }

  async getInPoint(): Promise<TickTime> {
    return tick(0n);
  }

  async getOutPoint(): Promise<TickTime> {
    return tick(this.state.mediaDuration);
  }
}

import type vm from "node:vm";
import { XmpDocument } from "../xmp/XmpDocument.ts";
import { XMPConst, XMPMeta } from "../xmp/XmpToolkitDouble.ts";
import { EsMarkerCollection, esTime } from "./EsMarkers.ts";
import { EsSequence, type EsTrackItemSpec } from "./EsSequence.ts";

const PROJECT_METADATA_NAMESPACE = "http://ns.adobe.com/premierePrivateProjectMetaData/1.0/";
const ITEM_TYPES = { CLIP: 1, BIN: 2, ROOT: 3, FILE: 4 } as const;
const EMPTY_XMP =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF></x:xmpmeta>';
const TICKS_PER_SECOND = 254_016_000_000n;

class EsItemCollection {
  [index: number]: EsProjectItem;
  constructor(private readonly items: EsProjectItem[]) {
    return new Proxy(this, {
      get: (target, key) =>
        typeof key === "string" && /^\d+$/.test(key) ? target.items[Number(key)] : Reflect.get(target, key),
    });
  }
  get numItems(): number {
    return this.items.length;
  }
}

/** A Project panel item of the ExtendScript DOM: synchronous calls, whole-packet XMP. */
export class EsProjectItem {
  readonly childItems: EsProjectItem[] = [];
  readonly markerCollection: EsMarkerCollection;
  xmp = EMPTY_XMP;
  readonly projectMetadata = new Map<string, string>();

  constructor(
    private readonly world: ExtendScriptPremiere,
    readonly nodeId: string,
    readonly name: string,
    readonly type: number,
    readonly mediaPath: string,
    readonly mediaStartTicks: bigint,
    /** Rational "num/den" the media's frames count in. */
    readonly frameRate = "25/1",
  ) {
    this.markerCollection = new EsMarkerCollection(nodeId);
  }

  get children(): EsItemCollection {
    return new EsItemCollection(this.childItems);
  }
  getMediaPath(): string {
    return this.mediaPath;
  }
  isSequence(): boolean {
    return false;
  }
  startTime() {
    return esTime(this.mediaStartTicks);
  }
  /** Frames per second as a number, as the DOM's footage interpretation gives it. */
  getFootageInterpretation(): { frameRate: number } {
    const [num, den] = this.frameRate.split("/").map(Number);
    return { frameRate: (num ?? 25) / (den ?? 1) };
  }
  getMarkers(): EsMarkerCollection {
    return this.markerCollection;
  }
  getXMPMetadata(): string {
    return this.xmp;
  }
  /** Replaces the whole packet; a packet the toolkit cannot read is refused. */
  setXMPMetadata(packet: string): boolean {
    try {
      XmpDocument.parse(packet);
    } catch {
      return false;
    }
    this.xmp = packet;
    return true;
  }
  getProjectMetadata(): string {
    const document = new XmpDocument();
    for (const [name, value] of this.projectMetadata)
      document.set(PROJECT_METADATA_NAMESPACE, name, { kind: "simple", value });
    return document.serialize();
  }
  /** Takes the listed fields the project schema knows from the packet; others are ignored. */
  setProjectMetadata(packet: string, updatedFields: string[]): void {
    const document = XmpDocument.parse(packet);
    for (const field of updatedFields) {
      if (!this.world.schema.has(field)) continue;
      const value = document.find(PROJECT_METADATA_NAMESPACE, field)?.value;
      if (value?.kind === "simple") this.projectMetadata.set(field, value.value);
    }
  }
}

/** A sequence's item in the Project panel: a clip item without media that says it is a sequence. */
class EsSequenceItem extends EsProjectItem {
  override isSequence(): boolean {
    return true;
  }
}

/**
 * Premiere Pro 25.0-25.5 as its ExtendScript DOM and AdobeXMPScript document them, installed into
 * a VM context where the panel's compiled JSX runs. No undo: every call changes the project at once.
 */
export class ExtendScriptPremiere {
  readonly schema = new Map<string, { label: string; type: number }>();
  readonly root: EsProjectItem;
  /** ExternalObject libraries the JSX loaded. */
  readonly loadedLibraries: string[] = [];
  /** What the Project panel has selected, in selection order. */
  selection: EsProjectItem[] = [];
  activeSequence: EsSequence | null = null;
  /** What the Source Monitor shows: a project item, or a file opened by path. */
  sourceMonitor: { item: EsProjectItem | null; filePath: string | null } = { item: null, filePath: null };
  /** Media files on disk that `importFiles` can bring in, with their rate and start frame. */
  readonly disk = new Map<string, { frameRate: string; startFrame?: number }>();
  private nextId = 1;

  constructor() {
    this.root = new EsProjectItem(this, "000f4240", "Root", ITEM_TYPES.ROOT, "", 0n);
  }

  /** A clip in the root bin; rate "num/den" and the media's start timecode as frames since midnight. */
  addClip(spec: {
    name: string;
    mediaPath: string;
    frameRate: string;
    startFrame?: number;
    xmp?: string;
  }): EsProjectItem {
    const [num, den] = spec.frameRate.split("/").map((part) => BigInt(part));
    const perFrame = (TICKS_PER_SECOND * (den ?? 1n)) / (num ?? 1n);
    const item = new EsProjectItem(
      this,
      `000f${(4240 + this.nextId++).toString()}`,
      spec.name,
      ITEM_TYPES.CLIP,
      spec.mediaPath,
      BigInt(spec.startFrame ?? 0) * perFrame,
      spec.frameRate,
    );
    if (spec.xmp) item.xmp = spec.xmp;
    this.root.childItems.push(item);
    return item;
  }

  /** A sequence with clips on its video tracks, made the active one; its item sits in the root bin. */
  addSequence(name: string, frameRate: string, clips: readonly EsTrackItemSpec[]): EsSequence {
    const item = new EsSequenceItem(
      this,
      `000f${(4240 + this.nextId++).toString()}`,
      name,
      ITEM_TYPES.CLIP,
      "",
      0n,
      frameRate,
    );
    this.root.childItems.push(item);
    const sequence = new EsSequence(name, frameRate, this.nextId++, item);
    for (const clip of clips) sequence.place(clip);
    this.activeSequence = sequence;
    return sequence;
  }

  /** Puts `app`, `ProjectItemType` and `ExternalObject` into a VM context. */
  install(context: vm.Context): void {
    const world = this;
    const app = {
      getCurrentProjectViewSelection: (): EsProjectItem[] | undefined =>
        world.selection.length > 0 ? [...world.selection] : undefined,
      sourceMonitor: {
        openProjectItem(item: EsProjectItem): void {
          world.sourceMonitor = { item, filePath: null };
        },
        openFilePath(path: string): boolean {
          world.sourceMonitor = { item: null, filePath: path };
          return true;
        },
      },
      project: {
        rootItem: this.root,
        get activeSequence(): EsSequence | null {
          return world.activeSequence;
        },
        /** Imports the files the disk has into the root bin; false when one is missing. */
        importFiles(paths: string[], _suppressUI: boolean, _bin: EsProjectItem, _numberedStills: boolean): boolean {
          let all = true;
          for (let index = 0; index < paths.length; index++) {
            const path = paths[index]!;
            const file = world.disk.get(path);
            if (!file) {
              all = false;
              continue;
            }
            const name = path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1);
            world.addClip({ name, mediaPath: path, ...file });
          }
          return all;
        },
        addPropertyToProjectMetadataSchema(name: string, label: string, type: number): boolean {
          const known = world.schema.get(name);
          if (known) return known.type === type;
          world.schema.set(name, { label, type });
          return true;
        },
      },
    };
    function ExternalObject(this: unknown, library: string) {
      world.loadedLibraries.push(library);
      // Loading AdobeXMPScript defines the XMP classes as globals, as in ExtendScript.
      if (library === "lib:AdobeXMPScript") Object.assign(context, { XMPMeta, XMPConst });
    }
    Object.assign(context, { app, ProjectItemType: ITEM_TYPES, ExternalObject });
  }
}

import vm from "node:vm";
import { XmpDocument } from "../xmp/XmpDocument.ts";
import { XMPConst, XMPMeta } from "../xmp/XmpToolkitDouble.ts";
import { EsMarkerCollection, esTime } from "./EsMarkers.ts";

const PROJECT_METADATA_NAMESPACE = "http://ns.adobe.com/premierePrivateProjectMetaData/1.0/";
const ITEM_TYPES = { CLIP: 1, BIN: 2, ROOT: 3, FILE: 4 } as const;
const EMPTY_XMP = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF></x:xmpmeta>';
const TICKS_PER_SECOND = 254_016_000_000n;

class EsItemCollection {
  [index: number]: EsProjectItem;
  constructor(private readonly items: EsProjectItem[]) {
    return new Proxy(this, {
      get: (target, key) => (typeof key === "string" && /^\d+$/.test(key) ? target.items[Number(key)] : Reflect.get(target, key)),
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
    for (const [name, value] of this.projectMetadata) document.set(PROJECT_METADATA_NAMESPACE, name, { kind: "simple", value });
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

/**
 * Premiere Pro 25.0-25.5 as its ExtendScript DOM and AdobeXMPScript document them, installed into
 * a VM context where the panel's compiled JSX runs. No undo: every call changes the project at once.
 */
export class ExtendScriptPremiere {
  readonly schema = new Map<string, { label: string; type: number }>();
  readonly root: EsProjectItem;
  /** ExternalObject libraries the JSX loaded. */
  readonly loadedLibraries: string[] = [];
  private nextId = 1;

  constructor() {
    this.root = new EsProjectItem(this, "000f4240", "Root", ITEM_TYPES.ROOT, "", 0n);
  }

  /** A clip in the root bin; rate "num/den" and the media's start timecode as frames since midnight. */
  addClip(spec: { name: string; mediaPath: string; frameRate: string; startFrame?: number; xmp?: string }): EsProjectItem {
    const [num, den] = spec.frameRate.split("/").map((part) => BigInt(part));
    const perFrame = (TICKS_PER_SECOND * (den ?? 1n)) / (num ?? 1n);
    const item = new EsProjectItem(this, `000f${(4240 + this.nextId++).toString()}`, spec.name, ITEM_TYPES.CLIP, spec.mediaPath, BigInt(spec.startFrame ?? 0) * perFrame);
    if (spec.xmp) item.xmp = spec.xmp;
    this.root.childItems.push(item);
    return item;
  }

  /** Puts `app`, `ProjectItemType` and `ExternalObject` into a VM context. */
  install(context: vm.Context): void {
    const world = this;
    const app = {
      project: {
        rootItem: this.root,
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

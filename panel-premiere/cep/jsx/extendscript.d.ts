/**
 * The part of Premiere Pro's ExtendScript DOM (25.0-25.5) and of AdobeXMPScript the JSX uses, as
 * Adobe's Premiere scripting guide documents it. Times are `Time` objects whose `ticks` is a
 * decimal string (254016000000 per second).
 */
interface Time {
  seconds: number;
  ticks: string;
}

interface Marker {
  name: string;
  comments: string;
  start: Time;
  /** Reads as a Time; set it with a number of seconds. */
  end: Time | number;
  type: string;
  readonly guid: string;
  setTypeAsComment(): void;
  setColorByIndex(colorIndex: number, markerIndex?: number): void;
  getColorByIndex(markerIndex?: number): number;
}

interface MarkerCollection {
  readonly numMarkers: number;
  getFirstMarker(): Marker | undefined;
  getNextMarker(marker: Marker): Marker | undefined;
  createMarker(seconds: number): Marker;
  deleteMarker(marker: Marker): boolean;
}

interface ProjectItemCollection {
  readonly numItems: number;
  readonly [index: number]: ProjectItem;
}

interface ProjectItem {
  readonly name: string;
  readonly nodeId: string;
  readonly type: number;
  readonly children: ProjectItemCollection;
  getMediaPath(): string;
  isSequence(): boolean;
  startTime(): Time;
  getFootageInterpretation(): { frameRate: number };
  getMarkers(): MarkerCollection;
  getXMPMetadata(): string;
  setXMPMetadata(packet: string): boolean;
  getProjectMetadata(): string;
  setProjectMetadata(packet: string, updatedFields: string[]): void;
}

interface TrackItem {
  readonly name: string;
  readonly start: Time;
  readonly end: Time;
  /** Media time of the first frame shown, from the media's first frame. */
  readonly inPoint: Time;
  readonly outPoint: Time;
  readonly projectItem: ProjectItem;
  readonly disabled: boolean;
  getSpeed(): number;
}

interface TrackItemCollection {
  readonly numItems: number;
  readonly [index: number]: TrackItem;
}

interface Track {
  readonly clips: TrackItemCollection;
}

interface TrackCollection {
  readonly numTracks: number;
  readonly [index: number]: Track;
}

interface Sequence {
  readonly name: string;
  readonly sequenceID: string;
  /** Ticks of one frame, as a decimal string. */
  readonly timebase: string;
  readonly videoTracks: TrackCollection;
  readonly markers: MarkerCollection;
  /** The sequence's item in the Project panel: its XMP holds Sichter's ledger of sequence markers. */
  readonly projectItem: ProjectItem;
  getPlayerPosition(): Time;
  /** Ticks as a decimal string. */
  setPlayerPosition(ticks: string): void;
}

interface SourceMonitor {
  openProjectItem(item: ProjectItem): void;
  openFilePath(path: string): boolean;
}

interface PremiereProject {
  readonly rootItem: ProjectItem;
  /** null (or 0 in some versions) when no sequence is open. */
  readonly activeSequence: Sequence | null;
  addPropertyToProjectMetadataSchema(name: string, label: string, type: number): boolean;
  importFiles(paths: string[], suppressUI: boolean, targetBin: ProjectItem, importAsNumberedStills: boolean): boolean;
}

interface PremiereApp {
  readonly project: PremiereProject;
  readonly sourceMonitor: SourceMonitor;
  /** The Project panel's selected items; undefined when nothing is selected. */
  getCurrentProjectViewSelection(): ProjectItem[] | undefined;
}

declare var app: PremiereApp;
/** `ProjectItemType.CLIP` 1, `BIN` 2, `ROOT` 3, `FILE` 4. */
declare var ProjectItemType: { readonly CLIP: number; readonly BIN: number; readonly ROOT: number; readonly FILE: number };

/** Loads AdobeXMPScript, which defines XMPMeta and XMPConst as globals. */
declare var ExternalObject: { AdobeXMPScript?: unknown; new (library: string): unknown };

interface XMPProperty {
  readonly value: unknown;
  toString(): string;
}
interface XMPMetaInstance {
  getProperty(schemaNS: string, propName: string): XMPProperty | undefined;
  setProperty(schemaNS: string, propName: string, propValue: string | null, setOptions?: number): void;
  deleteProperty(schemaNS: string, propName: string): void;
  countArrayItems(schemaNS: string, arrayName: string): number;
  getArrayItem(schemaNS: string, arrayName: string, itemIndex: number): XMPProperty | undefined;
  appendArrayItem(schemaNS: string, arrayName: string, itemValue: string | null, itemOptions?: number, arrayOptions?: number): void;
  getQualifier(schemaNS: string, structName: string, qualNS: string, qualName: string): XMPProperty | undefined;
  setLocalizedText(schemaNS: string, altTextName: string, genericLang: string | null, specificLang: string, itemValue: string): void;
  serialize(options?: number): string;
}
declare var XMPMeta: {
  new (packet?: string): XMPMetaInstance;
  registerNamespace(namespaceURI: string, suggestedPrefix: string): string;
};
declare var XMPConst: { readonly NS_DC: string; readonly NS_XML: string; readonly PROP_IS_ARRAY: number };

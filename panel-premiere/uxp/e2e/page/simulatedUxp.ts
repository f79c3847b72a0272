import type { ClipSpec } from "../../../test/simulators/premiere/PremiereSimulator.ts";
import { PremiereSimulator } from "../../../test/simulators/premiere/PremiereSimulator.ts";
import type { MarkerState } from "../../../test/simulators/premiere/SimMarkers.ts";
import { SimClipItem, unwrapItem } from "../../../test/simulators/premiere/SimProjectItem.ts";
import { xmpToolkitDouble } from "../../../test/simulators/xmp/XmpToolkitDouble.ts";

/**
 * What UXP gives the panel's page in Premiere, played by the Premiere simulator inside the page:
 * `require("premierepro")` and `require("uxp")` (its XMP toolkit, the host's language) and
 * `document.theme`. The e2e test puts the project into `__sichterPremiereSetup` with an init script
 * before the page runs, drives the simulated editor and reads Premiere's state through
 * `__sichterPremiere`. Written against globalThis: no DOM types needed (the root project checks it).
 */
export interface SimulatedPremiereSetup {
  readonly clips: readonly Omit<ClipSpec, "bin">[];
  /** Media files on the simulated disk only: a search result opens them by importing them first. */
  readonly files?: readonly Omit<ClipSpec, "bin" | "xmp">[];
  /** `require("uxp").host.uiLocale`, e.g. "en_US". */
  readonly uiLocale: string;
  /** `document.theme.getCurrent()`: "darkest", "dark", "medium", "light" or "lightest". */
  readonly theme: string;
}

/** One marker as Premiere holds it; ticks as decimal strings (a page hands no BigInt out). */
export interface SimulatedMarker {
  readonly name: string;
  readonly comments: string;
  readonly start: string;
  readonly duration: string;
  readonly colorIndex: number;
}

/** What the test reads of a clip and of Premiere's undo history. */
export interface SimulatedPremiereState {
  readonly markers: readonly SimulatedMarker[];
  readonly xmp: string;
  readonly projectColumns: Readonly<Record<string, string>>;
  readonly undoLabels: readonly string[];
  /** Actions created outside `lockedAccess` or run outside a transaction (Premiere refuses them). */
  readonly violations: number;
}

/** A sequence the editor builds from project items (by media path); frames in the media's and the sequence's rates. */
export interface SimulatedSequenceSpec {
  readonly name: string;
  readonly frameRate: string;
  readonly tracks: readonly (readonly { mediaPath: string; inFrame: number; outFrame: number; startFrame: number }[])[];
}

/** The active sequence as the test reads it: its playhead and markers, ticks as decimal strings. */
export interface SimulatedSequenceState {
  readonly name: string;
  readonly playhead: string;
  readonly markers: readonly SimulatedMarker[];
  readonly undoLabels: readonly string[];
  readonly violations: number;
}

/** The test's handle on the simulated Premiere, at `globalThis.__sichterPremiere`. */
export interface SimulatedPremiere {
  /** The editor selects the project's clips (by index) in the Project panel. */
  select(indices: readonly number[]): void;
  /** The editor builds a sequence from clips in the project and makes it the active one. */
  addSequence(spec: SimulatedSequenceSpec): void;
  /** The editor moves the active sequence's playhead to a sequence frame. */
  setPlayhead(frame: number): void;
  sequenceState(): SimulatedSequenceState | null;
  /** The media paths of every clip in the project, bins included. */
  projectMedia(): string[];
  /** What the Source Monitor shows: the item's media path (or the file opened) and its position in ticks. */
  sourceMonitor(): { readonly mediaPath: string | null; readonly position: string };
  /** The editor switches Premiere's appearance. */
  setTheme(name: string): void;
  clipState(index: number): SimulatedPremiereState;
}

export interface SimulatedPremiereGlobals {
  __sichterPremiereSetup?: SimulatedPremiereSetup;
  __sichterPremiere?: SimulatedPremiere;
  require?: (id: string) => unknown;
  document?: { theme?: unknown };
}

function install(scope: SimulatedPremiereGlobals): void {
  const setup = scope.__sichterPremiereSetup;
  if (!setup) throw new Error("no __sichterPremiereSetup: the e2e test sets it with an init script");
  const sim = new PremiereSimulator("26.3");
  const clips: SimClipItem[] = setup.clips.map((clip) => sim.addClip(clip));
  for (const file of setup.files ?? []) sim.addFile(file);
  const projectClip = (mediaPath: string): SimClipItem => {
    const clip = sim
      .allItems()
      .find((item): item is SimClipItem => item instanceof SimClipItem && item.state.mediaPath === mediaPath);
    if (!clip) throw new Error(`no clip of ${mediaPath} in the simulated project`);
    return clip;
  };
  const markerStates = (markers: readonly MarkerState[]): SimulatedMarker[] =>
    markers.map((m) => ({
      name: m.name,
      comments: m.comments,
      start: String(m.start),
      duration: String(m.duration),
      colorIndex: m.colorIndex,
    }));
  let theme = setup.theme;
  const themeListeners = new Set<(name: string) => void>();
  const modules: Record<string, unknown> = {
    premierepro: sim.module,
    uxp: { xmp: xmpToolkitDouble, host: { uiLocale: setup.uiLocale } },
  };
  scope.require = (id) => {
    if (!(id in modules)) throw new Error(`Cannot find module '${id}'`);
    return modules[id];
  };
  if (scope.document) {
    scope.document.theme = {
      getCurrent: () => theme,
      onUpdated: {
        addListener: (l: (name: string) => void) => themeListeners.add(l),
        removeListener: (l: (name: string) => void) => themeListeners.delete(l),
      },
    };
  }
  const clipAt = (index: number): SimClipItem => {
    const clip = clips[index];
    if (!clip) throw new Error(`no simulated clip ${index}`);
    return clip;
  };
  scope.__sichterPremiere = {
    select: (indices) => sim.select(indices.map(clipAt)),
    addSequence(spec) {
      const sequence = sim.addSequence({
        name: spec.name,
        frameRate: spec.frameRate,
        tracks: spec.tracks.map((track) =>
          track.map(({ mediaPath, ...placement }) => ({ clip: projectClip(mediaPath), ...placement })),
        ),
      });
      sim.project.activeSequence = sequence;
    },
    setPlayhead(frame) {
      const sequence = sim.project.activeSequence;
      if (!sequence) throw new Error("no active sequence");
      sequence.playerPosition = BigInt(frame) * sequence.ticksPerFrame;
    },
    sequenceState() {
      const sequence = sim.project.activeSequence;
      if (!sequence) return null;
      return {
        name: sequence.name,
        playhead: String(sequence.playerPosition),
        markers: markerStates(sim.markersOf(sequence)),
        undoLabels: sim.undo.labels,
        violations: sim.gate.violations.length,
      };
    },
    projectMedia: () =>
      sim
        .allItems()
        .flatMap((item) => (item instanceof SimClipItem && item.state.mediaPath !== "" ? [item.state.mediaPath] : [])),
    sourceMonitor() {
      const shown = unwrapItem(sim.sourceMonitor.item);
      const mediaPath = shown instanceof SimClipItem ? shown.state.mediaPath : sim.sourceMonitor.filePath;
      return { mediaPath, position: String(sim.sourceMonitor.position) };
    },
    setTheme(name) {
      theme = name;
      for (const listener of themeListeners) listener(name);
    },
    clipState(index) {
      const clip = clipAt(index);
      return {
        markers: markerStates(sim.markersOf(clip)),
        xmp: clip.state.xmp,
        projectColumns: Object.fromEntries(clip.state.projectMetadata),
        undoLabels: sim.undo.labels,
        violations: sim.gate.violations.length,
      };
    },
  };
}

install(globalThis as unknown as SimulatedPremiereGlobals);

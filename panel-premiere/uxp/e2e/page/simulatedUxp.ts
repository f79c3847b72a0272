import type { ClipSpec } from "../../../test/simulators/premiere/PremiereSimulator.ts";
import { PremiereSimulator } from "../../../test/simulators/premiere/PremiereSimulator.ts";
import type { SimClipItem } from "../../../test/simulators/premiere/SimProjectItem.ts";
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

/** The test's handle on the simulated Premiere, at `globalThis.__sichterPremiere`. */
export interface SimulatedPremiere {
  /** The editor selects the project's clips (by index) in the Project panel. */
  select(indices: readonly number[]): void;
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
      onUpdated: { addListener: (l: (name: string) => void) => themeListeners.add(l), removeListener: (l: (name: string) => void) => themeListeners.delete(l) },
    };
  }
  const clipAt = (index: number): SimClipItem => {
    const clip = clips[index];
    if (!clip) throw new Error(`no simulated clip ${index}`);
    return clip;
  };
  scope.__sichterPremiere = {
    select: (indices) => sim.select(indices.map(clipAt)),
    setTheme(name) {
      theme = name;
      for (const listener of themeListeners) listener(name);
    },
    clipState(index) {
      const clip = clipAt(index);
      return {
        markers: sim.markersOf(clip).map((m) => ({ name: m.name, comments: m.comments, start: String(m.start), duration: String(m.duration), colorIndex: m.colorIndex })),
        xmp: clip.state.xmp,
        projectColumns: Object.fromEntries(clip.state.projectMetadata),
        undoLabels: sim.undo.labels,
        violations: sim.gate.violations.length,
      };
    },
  };
}

install(globalThis as unknown as SimulatedPremiereGlobals);

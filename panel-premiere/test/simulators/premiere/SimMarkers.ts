import type { Action, Color, Guid, Marker, TickTime } from "@adobe/premierepro";
import type { ActionGate } from "./ActionGate.ts";
import { createAction } from "./SimAction.ts";
import { SimulatorError } from "./SimulatorError.ts";
import { tick, ticksOf } from "./SimTickTime.ts";

/** Marker type strings (`Marker.MARKER_TYPE_*`). */
export const MARKER_TYPES = {
  MARKER_TYPE_COMMENT: "Comment",
  MARKER_TYPE_CHAPTER: "Chapter",
  MARKER_TYPE_FLVCUEPOINT: "FLVCuePoint",
  MARKER_TYPE_WEBLINK: "WebLink",
} as const;

/** What Premiere holds for one marker; tests read it through `PremiereSimulator.markersOf`. */
export interface MarkerState {
  readonly guid: string;
  name: string;
  comments: string;
  type: string;
  start: bigint;
  duration: bigint;
  colorIndex: number;
}

/** The markers of one owner (a clip project item or a sequence). */
export class MarkerList {
  readonly states: MarkerState[] = [];
  private nextId = 1;

  constructor(private readonly ownerId: string) {}

  newGuid(): string {
    return `${this.ownerId}-marker-${this.nextId++}`;
  }
}

class SimGuid {
  constructor(private readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** One marker: getters are synchronous, every change is an action. */
export class SimMarker {
  constructor(
    readonly state: MarkerState,
    private readonly gate: ActionGate,
    hasGuid: boolean,
  ) {
    // `Marker.guid` exists from 26.3 on; before it the property is simply not there.
    if (hasGuid) Object.defineProperty(this, "guid", { value: new SimGuid(state.guid), enumerable: true });
  }

  declare readonly guid: Guid;

  getName(): string {
    return this.state.name;
  }
  getComments(): string {
    return this.state.comments;
  }
  getType(): string {
    return this.state.type;
  }
  getStart(): TickTime {
    return tick(this.state.start);
  }
  getDuration(): TickTime {
    return tick(this.state.duration);
  }
  getColorIndex(): number {
    return this.state.colorIndex;
  }
  getColor(): Color {
    throw new SimulatorError("Marker.getColor is not simulated; use getColorIndex");
  }
  getUrl(): string {
    return "";
  }
  getTarget(): string {
    return "";
  }

  createSetNameAction(name: string): Action {
    return this.setter("Marker.createSetNameAction", "name", name);
  }
  createSetCommentsAction(comments: string): Action {
    return this.setter("Marker.createSetCommentsAction", "comments", comments);
  }
  createSetTypeAction(markerType: string): Action {
    return this.setter("Marker.createSetTypeAction", "type", markerType);
  }
  createSetDurationAction(tickTime: TickTime): Action {
    return this.setter("Marker.createSetDurationAction", "duration", ticksOf(tickTime));
  }
  createSetColorByIndexAction(colorIndex: number): Action {
    return this.setter("Marker.createSetColorByIndexAction", "colorIndex", colorIndex);
  }

  private setter<K extends "name" | "comments" | "type" | "duration" | "colorIndex">(
    what: string,
    field: K,
    value: MarkerState[K],
  ): Action {
    const state = this.state;
    return createAction(this.gate, what, () => {
      const before = state[field];
      state[field] = value;
      return () => {
        state[field] = before;
      };
    });
  }
}

/** `Markers`: the marker collection of one owner, as `Markers.getMarkers(owner)` resolves it. */
export class SimMarkers {
  private readonly views = new WeakMap<MarkerState, SimMarker>();

  constructor(
    private readonly list: MarkerList,
    private readonly gate: ActionGate,
    private readonly hasGuid: boolean,
  ) {}

  getMarkers(filters?: string[]): Marker[] {
    return this.list.states
      .filter((s) => filters === undefined || filters.length === 0 || filters.includes(s.type))
      .map((s) => this.view(s) as unknown as Marker);
  }

  createAddMarkerAction(
    name: string,
    markerType?: string,
    startTime?: TickTime,
    duration?: TickTime,
    comments?: string,
  ): Action {
    const list = this.list;
    const state: MarkerState = {
      guid: list.newGuid(),
      name,
      comments: comments ?? "",
      type: markerType ?? MARKER_TYPES.MARKER_TYPE_COMMENT,
      start: startTime ? ticksOf(startTime) : 0n,
      duration: duration ? ticksOf(duration) : 0n,
      // The add action takes no colour: a new marker has the first colour until a setter changes it.
      colorIndex: 0,
    };
    return createAction(this.gate, "Markers.createAddMarkerAction", () => {
      list.states.push(state);
      return () => remove(list, state);
    });
  }

  createRemoveMarkerAction(marker: Marker): Action {
    const state = this.own(marker, "Markers.createRemoveMarkerAction");
    const list = this.list;
    return createAction(this.gate, "Markers.createRemoveMarkerAction", () => {
      const index = list.states.indexOf(state);
      if (index === -1) throw new SimulatorError("the marker to remove is no longer there");
      list.states.splice(index, 1);
      return () => list.states.splice(index, 0, state);
    });
  }

  createMoveMarkerAction(marker: Marker, tickTime: TickTime): Action {
    const state = this.own(marker, "Markers.createMoveMarkerAction");
    const to = ticksOf(tickTime);
    return createAction(this.gate, "Markers.createMoveMarkerAction", () => {
      const from = state.start;
      state.start = to;
      return () => {
        state.start = from;
      };
    });
  }

  private view(state: MarkerState): SimMarker {
    let view = this.views.get(state);
    if (!view) {
      view = new SimMarker(state, this.gate, this.hasGuid);
      this.views.set(state, view);
    }
    return view;
  }

  private own(marker: Marker, what: string): MarkerState {
    const state = (marker as unknown as SimMarker).state;
    if (!state || !this.list.states.includes(state)) {
      this.gate.refuse(`${what}: the marker does not belong to these markers`);
    }
    return state;
  }
}

function remove(list: MarkerList, state: MarkerState): void {
  const index = list.states.indexOf(state);
  if (index !== -1) list.states.splice(index, 1);
}

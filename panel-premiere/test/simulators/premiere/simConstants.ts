import type { Constants } from "@adobe/premierepro";

/**
 * The enums of `Constants` the panels use. The declarations are ambient (no JavaScript behind
 * them) and give no initialisers, so the numbers here are the declaration order; the member names
 * are checked against the declarations (a misspelt or missing member fails the type check).
 */
type Declared<E> = { readonly [K in keyof E]: E[K] };

const MarkerColor = {
  GREEN: 0,
  RED: 1,
  MAGNETA: 2,
  ORANGE: 3,
  YELLOW: 4,
  BLUE: 5,
  CYAN: 6,
} as const satisfies Declared<typeof Constants.MarkerColor>;
const ProjectEvent = {
  OPENED: 0,
  CLOSED: 1,
  DIRTY: 2,
  ACTIVATED: 3,
  PROJECT_ITEM_SELECTION_CHANGED: 4,
} as const satisfies Declared<typeof Constants.ProjectEvent>;
const SequenceEvent = { ACTIVATED: 0, CLOSED: 1, SELECTION_CHANGED: 2 } as const satisfies Declared<
  typeof Constants.SequenceEvent
>;
const TrackItemType = { EMPTY: 0, CLIP: 1, TRANSITION: 2, PREVIEW: 3, FEEDBACK: 4 } as const satisfies Declared<
  typeof Constants.TrackItemType
>;
const MediaType = { ANY: 0, DATA: 1, VIDEO: 2, AUDIO: 3 } as const satisfies Declared<typeof Constants.MediaType>;
const MetadataType = { INTEGER: 0, REAL: 1, TEXT: 2, BOOLEAN: 3 } as const satisfies Declared<
  typeof Constants.MetadataType
>;
const ContentType = { ANY: 0, SEQUENCE: 1, MEDIA: 2 } as const satisfies Declared<typeof Constants.ContentType>;

export const simConstants = {
  MarkerColor,
  ProjectEvent,
  SequenceEvent,
  TrackItemType,
  MediaType,
  MetadataType,
  ContentType,
};

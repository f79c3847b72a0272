/** The shapes every part of Sichter exchanges, as zod schemas with inferred types. */
export { Clip } from "./Clip.ts";
export { Keyframe } from "./Keyframe.ts";
export { Shot, Transition, TransitionType } from "./Shot.ts";
export { Provenance, Tag, TagSource, TagStatus } from "./Tag.ts";
export { TagSet } from "./TagSet.ts";
export { ControlledTerm, PlannedMarker, TagPlan } from "./TagPlan.ts";

/** Sichter's Premiere Pro host for UXP (Premiere 25.6 and later). */
export { type ApplyOptions, UNDO_LABEL, applyTagPlan } from "./applyTagPlan.ts";
export type { CurrentClipSource } from "./currentClip.ts";
export { PremiereUxpAdapter, type PremiereUxpAdapterOptions } from "./PremiereUxpAdapter.ts";
export type { UxpXmpModule } from "./UxpXmp.ts";
export {
  MARK_SEQUENCE_UNDO_LABEL,
  type MarkSequenceOptions,
  type MarkSequenceSummary,
  markSequence,
} from "./markSequence.ts";

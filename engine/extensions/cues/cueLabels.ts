import type { LabelPair } from "@sichter/engine/extension-api";

export type CueKind = "cue.black" | "cue.bars" | "cue.freeze" | "cue.silence";

export const CUE_LABELS: Readonly<Record<CueKind, LabelPair>> = {
  "cue.black": { de: "Schwarzbild", en: "Black" },
  "cue.bars": { de: "Farbbalken", en: "Colour bars" },
  "cue.freeze": { de: "Standbild", en: "Freeze frame" },
  "cue.silence": { de: "Stille", en: "Silence" },
};

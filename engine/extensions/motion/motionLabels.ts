import type { LabelPair } from "@sichter/engine/extension-api";
import type { MotionKind } from "./classifyMotion.ts";

export const MOTION_LABELS: Readonly<Record<MotionKind, LabelPair>> = {
  "motion.static": { de: "Statisch", en: "Static" },
  "motion.pan-left": { de: "Schwenk links", en: "Pan left" },
  "motion.pan-right": { de: "Schwenk rechts", en: "Pan right" },
  "motion.tilt-up": { de: "Neigung hoch", en: "Tilt up" },
  "motion.tilt-down": { de: "Neigung runter", en: "Tilt down" },
  "motion.zoom-in": { de: "Zoom auf", en: "Zoom in" },
  "motion.zoom-out": { de: "Zoom zurück", en: "Zoom out" },
  "motion.handheld": { de: "Handkamera", en: "Handheld" },
};

import path from "node:path";
import type { CatalogPlanView } from "@sichter/engine/extension-api";
import { exportCsv } from "./exportCsv.ts";
import { exportEdl } from "./exportEdl.ts";

export type ExportFormat = "csv" | "edl" | "json";

export interface ExportedClip {
  readonly format: ExportFormat;
  /** A file name a panel can offer in its save dialog (the clip's name, the format's extension). */
  readonly fileName: string;
  readonly text: string;
}

/** A catalogued clip's markers in one of the export formats (the engine's plan leaves rejected tags out). */
export function exportClip({ clip, plan }: CatalogPlanView, format: ExportFormat): ExportedClip {
  const text =
    format === "csv"
      ? exportCsv(clip, plan)
      : format === "edl"
        ? exportEdl(clip, plan)
        : `${JSON.stringify(plan, null, 2)}\n`;
  return { format, fileName: `${path.basename(clip.path, path.extname(clip.path))}.${format}`, text };
}

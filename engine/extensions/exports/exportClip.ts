import fs from "node:fs";
import path from "node:path";
import { ErrorCode, type Tag, type TagSet, SichterError } from "@sichter/engine/extension-api";
import type { Catalog, StoredClip } from "../../src/catalog/index.ts";
import { buildTagPlan } from "../../src/pipeline/buildTagPlan.ts";
import { exportCsv } from "./exportCsv.ts";
import { exportEdl } from "./exportEdl.ts";

export type ExportFormat = "csv" | "edl" | "json";

export interface ExportedClip {
  readonly format: ExportFormat;
  /** A file name a panel can offer in its save dialog (the clip's name, the format's extension). */
  readonly fileName: string;
  readonly text: string;
}

/**
 * A catalogued clip's markers in one of the export formats. Rejected tags are left out (the plan
 * leaves them out); labels are in `language`.
 */
export async function exportClip(catalog: Catalog, ref: string | number, format: ExportFormat, language: "de" | "en"): Promise<ExportedClip> {
  const clip = await findClip(catalog, ref);
  const set: TagSet = {
    clip,
    shots: await catalog.shots(clip.id),
    keyframes: [],
    tags: (await catalog.tags(clip.id)).map(
      ({ label, kind, language: lang, source, confidence, startFrame, endFrame, status, provenance }): Tag => ({ label, kind, language: lang, source, confidence, startFrame, endFrame, status, provenance }),
    ),
    ocrText: [],
    analyzedAt: clip.lastAnalysed ?? clip.firstSeen,
  };
  const plan = buildTagPlan(set, language);
  const text = format === "csv" ? exportCsv(clip, plan) : format === "edl" ? exportEdl(clip, plan) : `${JSON.stringify(plan, null, 2)}\n`;
  return { format, fileName: `${path.basename(clip.path, path.extname(clip.path))}.${format}`, text };
}

/** A catalog id, or a path (as given, or resolved through symlinks as analyze stored it). */
async function findClip(catalog: Catalog, ref: string | number): Promise<StoredClip> {
  if (typeof ref === "number" || /^\d+$/.test(ref)) return catalog.clip(Number(ref));
  const absolute = path.resolve(ref);
  const real = fs.existsSync(absolute) ? fs.realpathSync(absolute) : absolute;
  const clip = (await catalog.findClip(real)) ?? (await catalog.findClip(absolute));
  if (!clip) throw new SichterError(ErrorCode.NOT_IN_CATALOG, { what: absolute });
  return clip;
}

import fs from "node:fs";
import path from "node:path";
import { ErrorCode } from "@sichter/shared/errors";
import type { Tag, TagPlan, TagSet } from "@sichter/shared/model";
import { SichterError } from "../core/SichterError.ts";
import { buildTagPlan } from "./buildTagPlan.ts";
import type { Catalog, StoredClip } from "../catalog/Catalog.ts";

/** A catalogued clip with its tag plan: what an export writes out, and what `api.catalog.plan` answers. */
export interface CatalogPlan {
  readonly clip: StoredClip;
  readonly plan: TagPlan;
}

/**
 * A catalogued clip's tag plan as the pipeline would write it now, with the decisions people made:
 * rejected tags are left out, labels are in `language`. `ref` is a catalog id, or a path (as given,
 * or resolved through symlinks as analyze stored it).
 */
export async function catalogPlan(catalog: Catalog, ref: string | number, language: "de" | "en"): Promise<CatalogPlan> {
  const clip = await findClip(catalog, ref);
  const set: TagSet = {
    clip,
    shots: await catalog.shots(clip.id),
    keyframes: [],
    tags: (await catalog.tags(clip.id)).map(
      ({ label, kind, language: lang, source, confidence, startFrame, endFrame, status, provenance }): Tag => ({
        label,
        kind,
        language: lang,
        source,
        confidence,
        startFrame,
        endFrame,
        status,
        provenance,
      }),
    ),
    ocrText: [],
    analyzedAt: clip.lastAnalysed ?? clip.firstSeen,
  };
  return { clip, plan: buildTagPlan(set, language) };
}

async function findClip(catalog: Catalog, ref: string | number): Promise<StoredClip> {
  if (typeof ref === "number" || /^\d+$/.test(ref)) return catalog.clip(Number(ref));
  const absolute = path.resolve(ref);
  const real = fs.existsSync(absolute) ? fs.realpathSync(absolute) : absolute;
  const clip = (await catalog.findClip(real)) ?? (await catalog.findClip(absolute));
  if (!clip) throw new SichterError(ErrorCode.NOT_IN_CATALOG, { what: absolute });
  return clip;
}

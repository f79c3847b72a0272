import type { Tag } from "@sichter/shared/model";
import { foldText } from "../../text/foldText.ts";

/**
 * Keywords from several sources (on-screen text, one or more vision providers) that name the same
 * thing on overlapping ranges become one tag: the union of the ranges, a confidence above either
 * (two independent witnesses: 1 - (1-a)(1-b)) and both provenances. Only keywords fuse; cues,
 * motion, OCR lines keep their own ranges. Languages stay apart (Feuerwehr and fire engine are two
 * labels of a bilingual catalog, the plan picks one).
 */
export function fuseTags(tags: readonly Tag[]): Tag[] {
  const out: Tag[] = [];
  const open = new Map<string, Tag[]>();
  const ordered = [...tags].sort((a, b) => a.startFrame - b.startFrame || a.endFrame - b.endFrame);
  for (const tag of ordered) {
    if (tag.kind !== "keyword" || tag.status !== "suggested") {
      out.push(tag);
      continue;
    }
    const key = `${tag.language}\u0000${foldText(tag.label)}`;
    const candidates = open.get(key) ?? [];
    // Ranges are [start, end): touching ranges (adjacent shots) are two sightings, not one.
    const twin = candidates.find((t) => tag.startFrame < t.endFrame && t.startFrame < tag.endFrame);
    if (!twin) {
      const copy = { ...tag, provenance: [...tag.provenance] };
      candidates.push(copy);
      open.set(key, candidates);
      out.push(copy);
      continue;
    }
    const fromNewSource = !twin.provenance.some((p) => tag.provenance.some((q) => q.producer === p.producer));
    twin.startFrame = Math.min(twin.startFrame, tag.startFrame);
    twin.endFrame = Math.max(twin.endFrame, tag.endFrame);
    // The same provider twice (two keyframes of one shot) is one witness, not two.
    twin.confidence = fromNewSource
      ? round(1 - (1 - twin.confidence) * (1 - tag.confidence))
      : Math.max(twin.confidence, tag.confidence);
    for (const p of tag.provenance)
      if (!twin.provenance.some((q) => q.producer === p.producer && q.evidence === p.evidence)) twin.provenance.push(p);
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

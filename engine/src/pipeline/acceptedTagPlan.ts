import type { Shot, Tag, TagPlan, TagSet } from "@sichter/shared/model";
import type { StoredClip, StoredKeyframe, StoredTag } from "../catalog/Catalog.ts";
import { foldText } from "../text/foldText.ts";
import { buildTagPlan } from "./buildTagPlan.ts";

/** A catalogued clip as the catalog gives it back. */
export interface CataloguedClip {
  readonly clip: StoredClip;
  readonly shots: readonly Shot[];
  readonly keyframes: readonly StoredKeyframe[];
  readonly tags: readonly StoredTag[];
}

/**
 * What "apply" writes for a catalogued clip: its shots and the tags a person accepted (or added),
 * by the same rules as the plan after an analysis. Its `withdrawnKeywords` are the keywords Sichter
 * may have written for the clip before (any of its tags, under any label a person's edit replaced,
 * in either language: an analysis writes its suggestions) that the plan no longer holds, so the
 * writer can take exactly those out again.
 */
export function acceptedTagPlan(stored: CataloguedClip, language: "de" | "en"): TagPlan {
  const accepted = stored.tags.filter((t) => t.status === "accepted");
  const plan = buildTagPlan(tagSetOf(stored, accepted), language);
  // Every label a tag had: a person's edit leaves the label it replaced in the provenance.
  const everyLabel = stored.tags.flatMap((t) => [t, ...replacedLabels(t).map((label) => ({ ...t, label }))]);
  const everything = tagSetOf(
    stored,
    everyLabel.map((t) => ({ ...t, status: "accepted" as const })),
  );
  const kept = new Set(plan.keywords.map(foldText));
  const withdrawn = new Map<string, string>();
  for (const keyword of [...buildTagPlan(everything, "de").keywords, ...buildTagPlan(everything, "en").keywords]) {
    // A spelling that folds like a kept keyword ("Schaefer" beside an accepted "Schäfer") is the same word: it stays.
    if (!kept.has(foldText(keyword)) && !withdrawn.has(keyword)) withdrawn.set(keyword, keyword);
  }
  return { ...plan, withdrawnKeywords: [...withdrawn.values()] };
}

/** Labels a person's edits replaced, oldest first (see tagDecisions' edit). */
function replacedLabels(tag: StoredTag): string[] {
  return tag.provenance.flatMap((p) => (p.producer === "user" && p.evidence !== undefined ? [p.evidence] : []));
}

function tagSetOf(stored: CataloguedClip, tags: ReadonlyArray<StoredTag>): TagSet {
  const { clip } = stored;
  return {
    clip: {
      path: clip.path,
      fingerprint: clip.fingerprint,
      frameRate: clip.frameRate,
      dropFrame: clip.dropFrame,
      startTimecode: clip.startTimecode,
      frameCount: clip.frameCount,
      durationSeconds: clip.durationSeconds,
      width: clip.width,
      height: clip.height,
    },
    shots: [...stored.shots],
    keyframes: stored.keyframes.map(({ shot, frame, timecode, seconds, hash }) => ({
      shot,
      frame,
      timecode,
      seconds,
      hash,
    })),
    tags: tags.map(toTag),
    ocrText: [],
    analyzedAt: clip.lastAnalysed ?? clip.firstSeen,
  };
}

function toTag(t: StoredTag): Tag {
  return {
    label: t.label,
    kind: t.kind,
    language: t.language,
    source: t.source,
    confidence: t.confidence,
    startFrame: t.startFrame,
    endFrame: t.endFrame,
    status: t.status,
    provenance: t.provenance.length > 0 ? [...t.provenance] : [{ producer: t.source }],
  };
}

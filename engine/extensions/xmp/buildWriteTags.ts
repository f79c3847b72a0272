import {
  type TagPlan,
  ErrorCode,
  parseFrameRate,
  toXmpFrameRate,
  descriptionWrite,
  SichterError,
} from "@sichter/engine/extension-api";
import { keywordsToAdd } from "./mergeKeywords.ts";
import { keywordsToRemove } from "./withdrawKeywords.ts";
import { mergeLogComment } from "./mergeTexts.ts";
import { SICHTER_TRACK_NAME, sichterTrackStruct } from "./sichterTrack.ts";
import type { XmpContent } from "./XmpTypes.ts";

export interface PlannedWrite {
  /**
   * exiftool-vendored write tags, in order. Keys ending in "+" / "-" become exiftool's `+=` / `-=`;
   * object values become structured writes (never flattened tags, which corrupt nested lists).
   */
  tags: Record<string, unknown>;
  keywordsAdded: string[];
  markersWritten: number;
}

/**
 * Read-modify-write plan for one target: only additions and Sichter's own values are written,
 * so whatever else the XMP holds (keywords, descriptions in other languages, Premiere's marker
 * tracks with fields exiftool does not know) is not rewritten at all.
 */
export function buildWriteTags(plan: TagPlan, existing: XmpContent, language: string): PlannedWrite {
  const tags: Record<string, unknown> = {};

  // Sichter's own keywords the plan withdraws (rejected or no longer accepted) go before any is added.
  const keywordsRemoved = keywordsToRemove(existing.keywords, plan.withdrawnKeywords ?? [], plan.keywords);
  if (keywordsRemoved.length > 0) tags["XMP-dc:Subject-"] = keywordsRemoved;
  const keywordsAdded = keywordsToAdd(existing.keywords, plan.keywords);
  if (keywordsAdded.length > 0) tags["XMP-dc:Subject+"] = keywordsAdded;

  const description = descriptionWrite(existing.descriptions, language, plan.description);
  // Named explicitly: a plain "Description" write makes exiftool delete every other language.
  if (description.xDefault !== null) tags["XMP-dc:Description-x-default"] = description.xDefault;
  if (description.language !== null) tags[`XMP-dc:Description-${language}`] = description.language;

  // Controlled terms are added, never replaced: an archivist's own AboutCvTerm entries stay.
  const known = new Set(existing.controlledTerms.map((t) => t.id));
  const terms = (plan.controlledTerms ?? []).filter((t) => !known.has(t.id));
  if (terms.length > 0) {
    tags["XMP-iptcExt:AboutCvTerm+"] = terms.map((t) => ({ CvId: t.vocabulary, CvTermId: t.id, CvTermName: t.name }));
  }

  const logComment = mergeLogComment(existing.logComment, plan.logComment);
  if (logComment !== null) tags["XMP-xmpDM:LogComment"] = logComment;

  // Delete by partial match: exiftool removes every track whose trackName is "Sichter" (with its
  // markers) and leaves the other tracks' XMP untouched; the new track then takes its place. With
  // no markers planned the old Sichter track is removed and none is added.
  tags["XMP-xmpDM:Tracks-"] = { trackName: SICHTER_TRACK_NAME };
  if (plan.markers.length > 0) {
    tags["XMP-xmpDM:Tracks+"] = sichterTrackStruct(xmpRate(plan.frameRate), plan.markers);
  }
  return { tags, keywordsAdded, markersWritten: plan.markers.length };
}

function xmpRate(rate: string): string {
  try {
    return toXmpFrameRate(parseFrameRate(rate));
  } catch (error) {
    throw new SichterError(ErrorCode.TIMECODE_INVALID, { detail: `frame rate ${rate}` }, { cause: error });
  }
}

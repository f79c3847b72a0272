import type { PlannedMarker, TagPlan } from "@sichter/shared/model";
import type { TimecodeContext } from "@sichter/shared/timecode";
import type { ClipMarker } from "./ClipMarker.ts";

export interface MarkerLayoutOptions {
  /** The clip's timecode (rate, drop-frame, start), for the timecode in each marker's comments. */
  readonly timecode: TimecodeContext;
  /** How many keywords make a marker's name; the comments list all of them. Default 3. */
  readonly mainKeywords?: number;
}

const SHOT = "shot";
const DEFAULT_MAIN_KEYWORDS = 3;

/**
 * The markers Sichter puts on a clip: one at each shot start, named by the shot's main keywords
 * (the labels of the plan's other markers that start inside the shot, first ones first), with all
 * of them and the shot's timecode in the comments, coloured like its first keyword's source. A
 * shot without keywords keeps the plan's name and colour. A plan without shots gets one marker per
 * planned marker, so nothing it says is lost.
 */
export function layoutClipMarkers(plan: TagPlan, options: MarkerLayoutOptions): ClipMarker[] {
  const main = options.mainKeywords ?? DEFAULT_MAIN_KEYWORDS;
  const shots = plan.markers.filter((m) => m.kind === SHOT).sort((a, b) => a.startFrame - b.startFrame);
  const tags = plan.markers.filter((m) => m.kind !== SHOT);
  if (shots.length === 0) {
    return [...tags]
      .sort((a, b) => a.startFrame - b.startFrame)
      .map((tag) => marker(tag, [tag], main, options.timecode));
  }
  return shots.map((shot, index) => {
    const next = shots[index + 1];
    // Tags before the first shot start belong to it; the last shot takes everything after it.
    const inShot = tags.filter(
      (tag) =>
        (index === 0 || tag.startFrame >= shot.startFrame) && (next === undefined || tag.startFrame < next.startFrame),
    );
    return marker(shot, inShot, main, options.timecode);
  });
}

function marker(
  anchor: PlannedMarker,
  tags: readonly PlannedMarker[],
  main: number,
  timecode: TimecodeContext,
): ClipMarker {
  const keywords = distinctLabels(tags);
  const at = timecode.toTimecode(anchor.startFrame);
  const first = tags.find((tag) => tag.name.trim() !== "");
  return {
    startFrame: anchor.startFrame,
    durationFrames: anchor.durationFrames,
    name: keywords.length > 0 ? keywords.slice(0, main).join(", ") : anchor.name,
    comments: [keywords.length > 0 ? keywords.join(", ") : anchor.comment, at].filter((line) => line !== "").join("\n"),
    color: first?.color ?? anchor.color,
  };
}

/** Labels in plan order; the first spelling wins among those equal but for case and composition. */
function distinctLabels(tags: readonly PlannedMarker[]): string[] {
  const seen = new Set<string>();
  const labels: string[] = [];
  for (const tag of tags) {
    const label = tag.name.trim();
    const key = label.normalize("NFC").toLocaleLowerCase("und");
    if (label === "" || seen.has(key)) continue;
    seen.add(key);
    labels.push(label);
  }
  return labels;
}

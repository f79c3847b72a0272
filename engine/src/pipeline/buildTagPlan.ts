import type { PlannedMarker, Tag, TagPlan, TagSet } from "@sichter/shared/model";
import { termsOf } from "../keywording/extractKeywords.ts";
import { foldText } from "../text/foldText.ts";

type Language = "de" | "en";

const words = {
  shot: { de: "Einstellung", en: "Shot" },
  cut: { de: "Schnitt", en: "Cut" },
  dissolve: { de: "Blende", en: "Dissolve" },
  fade: { de: "Abblende", en: "Fade" },
  shots: { de: "Einstellungen", en: "shots" },
  text: { de: "Text im Bild", en: "On-screen text" },
} as const;

/** Marker colours by what a marker stands for, so an editor can tell them apart in the timeline. */
const COLORS: Record<string, PlannedMarker["color"]> = {
  shot: "blue",
  keyword: "green",
  "ocr.line": "yellow",
  "ocr.incidental": "yellow",
  // A watermark or channel bug is not the story: an editor should tell it apart at a glance.
  "ocr.overlay": "cyan",
  cue: "red",
  motion: "purple",
  user: "orange",
};

/**
 * What a host writes for a clip: a marker per shot and per tag range (rejected tags are left out),
 * the keywords (deduplicated by folded spelling, most confident first) and a one-sentence
 * description. Frames stay
 * offsets from the clip's first frame.
 */
export function buildTagPlan(set: TagSet, language: Language): TagPlan {
  const live = set.tags.filter((t) => t.status !== "rejected");
  const markers: PlannedMarker[] = [
    ...set.shots.map((s) => ({
      name: `${words.shot[language]} ${s.index + 1}`,
      comment: s.transition ? words[s.transition.type][language] : "",
      startFrame: s.startFrame,
      durationFrames: s.endFrame - s.startFrame,
      kind: "shot",
      color: COLORS.shot!,
    })),
    // Keywords and media topics describe the clip, not a moment: they go to dc:subject, not markers.
    ...live.filter((t) => t.kind !== "keyword" && t.kind !== "iptc.mediaTopic").map((t) => tagMarker(t)),
  ].sort((a, b) => a.startFrame - b.startFrame || a.kind.localeCompare(b.kind));

  // Most confident first: keywords of lower thirds and titles rank above those of incidental text.
  const ranked = live.filter((t) => isKeyword(t, language)).sort((a, b) => b.confidence - a.confidence);
  const keywords = unique(ranked.map((t) => t.label));
  // The story's text (lower thirds, titles), never overlays; text in the picture only without it.
  // A line without a word an editor would type (a clock, an address) says nothing of the story.
  const worded = (kind: string): string[] =>
    unique(live.filter((t) => t.kind === kind && termsOf(t.label).length > 0).map((t) => t.label));
  const story = worded("ocr.line");
  const texts = story.length > 0 ? story : worded("ocr.incidental");
  const minutes = set.clip.durationSeconds / 60;
  const length = minutes >= 1 ? `${minutes.toFixed(1)} min` : `${Math.round(set.clip.durationSeconds)} s`;
  const description =
    `${set.shots.length} ${words.shots[language]}, ${length}` +
    (texts.length > 0 ? `; ${words.text[language]}: ${texts.slice(0, 8).join(" · ")}` : "") +
    ".";
  const logComment = live
    .filter((t) => t.source === "technical" || t.source === "motion")
    .map((t) => `${t.label} ${t.startFrame}-${t.endFrame}`)
    .join("; ");
  return { clipPath: set.clip.path, frameRate: set.clip.frameRate, markers, keywords, description, logComment };
}

/** Sentences and topic codes of cloud answers describe, they are not keywords. */
const DESCRIPTIVE = new Set(["vision.description", "iptc.mediaTopic"]);

/**
 * What goes into dc:subject: keywords from text, people's own tags, and what image analyzers
 * (cloud providers, extensions) named. Vision labels are stored in both languages; the plan takes
 * the newsroom's.
 */
function isKeyword(t: Tag, language: Language): boolean {
  if (t.source === "user") return true;
  if (t.source !== "vision") return t.kind === "keyword";
  return !DESCRIPTIVE.has(t.kind) && (t.language === language || t.language === "und");
}

function tagMarker(t: Tag): PlannedMarker {
  const group =
    t.source === "user" ? "user" : t.kind.startsWith("cue.") ? "cue" : t.kind.startsWith("motion.") ? "motion" : t.kind;
  return {
    name: t.label,
    comment: `${t.source} ${Math.round(t.confidence * 100)}%`,
    startFrame: t.startFrame,
    durationFrames: Math.max(0, t.endFrame - t.startFrame),
    kind: t.kind,
    color: COLORS[group] ?? "white",
  };
}

/** First spelling wins among labels that fold to the same key. */
function unique(labels: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const label of labels) if (!seen.has(foldText(label))) seen.set(foldText(label), label);
  return [...seen.values()];
}

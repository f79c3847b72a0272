import type { Keyframe, Shot, Tag } from "@sichter/shared/model";
import type { ImageAnswer } from "../../extensionApi/KeywordProvider.ts";

/**
 * Cloud answers become `vision` tags on the shot ranges of the keyframes they describe: a keyword
 * for tile 3 of a sheet lands on the shot(s) of the keyframe(s) tile 3 stands for. Keywords keep
 * their language; both languages are stored, the plan picks the newsroom's.
 */
export function visionTags(
  answers: readonly ImageAnswer[],
  tiles: ReadonlyMap<string, readonly Keyframe[]>,
  shots: readonly Shot[],
  producer: { id: string; version: string },
): Tag[] {
  const tags: Tag[] = [];
  for (const answer of answers) {
    for (const tile of answer.tiles) {
      const keyframes = tiles.get(`${answer.imageId}/${tile.label}`);
      // An answer for a tile that was never sent is the provider's confusion, not a tag.
      if (!keyframes) continue;
      for (const shot of shotsOf(keyframes, shots)) {
        const on = (label: string, kind: string, language: string, confidence: number): Tag => ({
          label,
          kind,
          language,
          source: "vision",
          confidence: round(confidence),
          startFrame: shot.startFrame,
          endFrame: shot.endFrame,
          status: "suggested",
          provenance: [{ producer: producer.id, version: producer.version }],
        });
        for (const k of tile.keywords) tags.push(on(k.label, "keyword", k.language, k.confidence));
        for (const t of tile.mediaTopics ?? [])
          tags.push({
            ...on(t.label, "iptc.mediaTopic", "en", t.confidence),
            provenance: [{ producer: producer.id, version: producer.version, evidence: t.code }],
          });
        if (tile.description) tags.push(on(tile.description, "vision.description", "und", 0.5));
      }
    }
  }
  return tags;
}

function shotsOf(keyframes: readonly Keyframe[], shots: readonly Shot[]): Shot[] {
  const indexes = new Set(keyframes.map((k) => k.shot));
  return shots.filter((s) => indexes.has(s.index));
}

/** A provider's confidence, clamped to 0..1; one that is not a number counts as none. */
function round(x: number): number {
  return Number.isFinite(x) ? Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000 : 0;
}

/**
 * Confidences 0..1 for Vision's web entities. Their `score` is documented as an overall relevancy
 * score, "not normalized and not comparable across different image queries": it is often below 1 but
 * can exceed it. The rule, per image: when every score of the image is within 0..1 the scores are
 * kept as they are (they already read as confidences, and label scores are on the same scale);
 * when the highest score exceeds 1, all of the image's scores are divided by that highest one, so
 * the best entity gets 1 and the order and ratios stay. Negative scores count as 0.
 */
export function webEntityConfidences(scores: readonly number[]): number[] {
  const top = Math.max(0, ...scores);
  const scale = top > 1 ? 1 / top : 1;
  return scores.map((score) => Math.min(1, Math.max(0, score) * scale));
}

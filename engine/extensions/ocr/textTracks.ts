import { foldGerman } from "./germanCorrection.ts";

/** Where a line was read, in frame pixels. */
export interface LineBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** One line read in one sampled frame. */
export interface ReadLine {
  /** After German correction. */
  readonly text: string;
  /** As the recogniser returned it (the tag's evidence). */
  readonly raw: string;
  readonly confidence: number;
  /** Where it was read (persistent overlays are told apart by place). */
  readonly box?: LineBox;
}

/** The lines read in one sampled frame. */
export interface OcrSample {
  readonly frame: number;
  /** The frames one sighting stands for, [from, to): halfway to the neighbouring samples of its shot. */
  readonly from: number;
  readonly to: number;
  /** Index of the shot the sample lies in, when known (overlays stay across shots). */
  readonly shot?: number;
  readonly lines: readonly ReadLine[];
}

/** Text that stayed on screen: one item, one range, however many samples saw it. */
export interface TextTrack {
  readonly startFrame: number;
  /** Exclusive: where the last sighting's frames end (see OcrSample). */
  readonly endFrame: number;
  readonly text: string;
  readonly raw: string;
  /** Mean recognition confidence over the sightings. */
  readonly confidence: number;
  readonly sightings: number;
  /** Where it was first read, when the readings had boxes. */
  readonly box?: LineBox;
}

export interface TrackOptions {
  /** Normalised similarity (0..1) above which two readings are the same text. Default 0.8. */
  readonly similarity?: number;
  /** Samples a text may be missed (a bad read) and still continue. Default 1. */
  readonly maxGapSamples?: number;
}

/** For comparing readings: German-folded lower case, letters and digits only, single spaces. */
export function normaliseText(text: string): string {
  return foldGerman(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** 1 - edit distance / longer length, on normalised text. */
export function textSimilarity(a: string, b: string): number {
  const x = normaliseText(a);
  const y = normaliseText(b);
  const longest = Math.max(x.length, y.length);
  return longest === 0 ? 1 : 1 - levenshtein(x, y) / longest;
}

interface OpenTrack {
  startFrame: number;
  endFrame: number;
  lastSample: number;
  latest: string;
  box: LineBox | undefined;
  confidences: number[];
  variants: Map<string, { text: string; raw: string; count: number; confidence: number }>;
}

function bestVariant(track: OpenTrack): { text: string; raw: string } {
  let best: { text: string; raw: string; count: number; confidence: number } | undefined;
  for (const v of track.variants.values()) {
    if (!best || v.count > best.count || (v.count === best.count && v.confidence > best.confidence)) best = v;
  }
  return best ?? { text: track.latest, raw: track.latest };
}

/**
 * Joins the readings of consecutive samples into items: a line continues a track when it is
 * similar enough to what the track read last (small OCR jitter does not split it), each track
 * takes at most one line per sample, and a track missed for more than `maxGapSamples` samples ends.
 */
export function trackText(samples: readonly OcrSample[], options: TrackOptions = {}): TextTrack[] {
  const threshold = options.similarity ?? 0.8;
  const maxGap = options.maxGapSamples ?? 1;
  const ordered = [...samples].sort((a, b) => a.frame - b.frame);
  const tracks: OpenTrack[] = [];

  ordered.forEach((sample, index) => {
    const open = tracks.filter((t) => index - t.lastSample <= maxGap + 1);
    const pairs: Array<{ line: number; track: OpenTrack; score: number }> = [];
    sample.lines.forEach((line, li) => {
      for (const track of open) {
        const score = Math.max(
          textSimilarity(line.text, track.latest),
          textSimilarity(line.text, bestVariant(track).text),
        );
        if (score >= threshold) pairs.push({ line: li, track, score });
      }
    });
    pairs.sort((a, b) => b.score - a.score);
    const usedLines = new Set<number>();
    const usedTracks = new Set<OpenTrack>();
    const assign = (line: ReadLine, track: OpenTrack): void => {
      track.lastSample = index;
      track.latest = line.text;
      track.endFrame = Math.max(track.endFrame, sample.to);
      track.confidences.push(line.confidence);
      const key = normaliseText(line.text);
      const variant = track.variants.get(key) ?? { text: line.text, raw: line.raw, count: 0, confidence: 0 };
      variant.count += 1;
      variant.confidence += line.confidence;
      track.variants.set(key, variant);
    };
    for (const pair of pairs) {
      if (usedLines.has(pair.line) || usedTracks.has(pair.track)) continue;
      usedLines.add(pair.line);
      usedTracks.add(pair.track);
      assign(sample.lines[pair.line]!, pair.track);
    }
    sample.lines.forEach((line, li) => {
      if (usedLines.has(li)) return;
      const track: OpenTrack = {
        startFrame: sample.from,
        endFrame: sample.from + 1,
        lastSample: index,
        latest: line.text,
        box: line.box,
        confidences: [],
        variants: new Map(),
      };
      tracks.push(track);
      assign(line, track);
    });
  });

  return tracks
    .map((t) => {
      const { text, raw } = bestVariant(t);
      const confidence = t.confidences.reduce((s, c) => s + c, 0) / t.confidences.length;
      return {
        startFrame: t.startFrame,
        endFrame: t.endFrame,
        text,
        raw,
        confidence,
        sightings: t.confidences.length,
        ...(t.box && { box: t.box }),
      };
    })
    .sort((a, b) => a.startFrame - b.startFrame || a.text.localeCompare(b.text));
}

import { normaliseText, textSimilarity, type LineBox, type OcrSample, type ReadLine } from "./textTracks.ts";

/**
 * Text that belongs to the channel, not to the story: a bug or logo in a corner, a URL watermark,
 * a clock, a ticker. It is told apart by where it is and how long it stays, never by what it says:
 * it sits in one place on screen and stays there across the cuts, shot after shot.
 */
export interface PersistentOverlay {
  /** The best reading (highest mean confidence among the variants read more than once). */
  readonly text: string;
  readonly raw: string;
  readonly confidence: number;
  readonly startFrame: number;
  readonly endFrame: number;
  /** Where it sits, in frame pixels (mean of its sightings). */
  readonly box: LineBox;
  readonly sightings: number;
  /** Shots it was seen in. */
  readonly shots: number;
}

export interface OverlayOptions {
  /** Shots a text must be seen in, in one place, to be taken for an overlay. Default 3. */
  readonly minShots?: number;
  /**
   * Share of the samples from its first to its last sighting that saw it. A watermark is seen in
   * most of them (a low-contrast one is missed now and then); a name shown again in a later shot
   * is seen in few. Default 0.5: in 140 clips of the keyword benchmark's tuning seeds (1000–1199)
   * the overlays seen less steadily than 0.7 were seen in 0.54 to 0.69 of their samples, lower
   * thirds shown twice (with a cut the shot step put inside one of them) in 0.40 to 0.44.
   */
  readonly minCoverage?: number;
  /**
   * Similarity (0..1) of two readings that count as the same text (misreads of one overlay).
   * Default 0.65: a watermark's misreads at 480x270 stay above it, two names that share a surname
   * ("Oliver Keller", "David Keller": 0.62) are not one text (tuning seeds 1000–1099).
   */
  readonly similarity?: number;
}

interface Sighting {
  readonly sample: number;
  readonly shot: number;
  readonly from: number;
  readonly to: number;
  readonly line: ReadLine & { readonly box: LineBox };
}

/** Readings that stay in one place: a lower third band, a corner, a ticker strip. */
interface Place {
  readonly sightings: Sighting[];
  /** Mean top and height of its sightings; from the leftmost left edge to the rightmost right edge. */
  box: LineBox;
}

/** Same place on screen: the boxes' vertical centres within half a text height, their spans overlapping. */
function samePlace(a: LineBox, b: LineBox): boolean {
  const height = Math.min(a.height, b.height);
  const centreA = a.y + a.height / 2;
  const centreB = b.y + b.height / 2;
  const overlap = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  // Detection draws a small text's box up to twice as tall now and then (a clock read once in a larger box).
  return Math.abs(centreA - centreB) <= height / 2 && overlap > 0 && Math.max(a.height, b.height) <= 2 * height;
}

function meanBox(boxes: readonly LineBox[]): LineBox {
  const mean = (pick: (b: LineBox) => number): number => boxes.reduce((s, b) => s + pick(b), 0) / boxes.length;
  return { x: mean((b) => b.x), y: mean((b) => b.y), width: mean((b) => b.width), height: mean((b) => b.height) };
}

/**
 * A place's extent: its band (mean top and height) across everything read there. A scrolling
 * ticker is read at ever other places along its strip; an average of those boxes covers only the
 * strip's middle, so a piece read where the frame's edge cuts the line off ("sserin Berlin+++" at
 * the left edge) would start a place of its own, seen in one shot, and its words become keywords.
 */
function placeBox(boxes: readonly LineBox[]): LineBox {
  const band = meanBox(boxes);
  const left = Math.min(...boxes.map((b) => b.x));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  return { x: left, y: band.y, width: right - left, height: band.height };
}

/**
 * Clocks and counters change their digits while they stay: compared with digits all alike, so
 * "12:03" and "12:04" are one text, "tv.example.de" and "tv.examp1e.de" stay close.
 */
function skeleton(text: string): string {
  return normaliseText(text).replace(/\p{N}/gu, "0");
}

/** A part read of the other, the rest cut off or missed ("ample.de" of "tv.example.de"): four characters at least. */
function partOf(a: string, b: string): boolean {
  const [x, y] = [normaliseText(a), normaliseText(b)];
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 4 && long.includes(short);
}

function similar(a: string, b: string, threshold: number): boolean {
  return textSimilarity(a, b) >= threshold || partOf(a, b) || (/\p{N}/u.test(a) && skeleton(a) === skeleton(b));
}

/** Readings of one place grouped by text: each group is one text and its misreads. */
function textGroups(place: Place, threshold: number): Sighting[][] {
  const groups: Array<{ members: Sighting[]; texts: string[] }> = [];
  for (const s of place.sightings) {
    const group = groups.find((g) => g.texts.some((t) => similar(t, s.line.text, threshold)));
    if (group) {
      group.members.push(s);
      if (!group.texts.includes(s.line.text)) group.texts.push(s.line.text);
    } else groups.push({ members: [s], texts: [s.line.text] });
  }
  // A misread that came before the reading it resembles ("3:20" before "13:20") started a group
  // of its own: groups that have come to hold similar texts are one.
  for (let i = 0; i < groups.length; i++) {
    for (let j = groups.length - 1; j > i; j--) {
      if (groups[j]!.texts.some((t) => groups[i]!.texts.some((u) => similar(t, u, threshold)))) {
        groups[i]!.members.push(...groups[j]!.members);
        groups[i]!.texts.push(...groups[j]!.texts);
        groups.splice(j, 1);
        j = groups.length;
      }
    }
  }
  return groups.map((g) => g.members);
}

/** Among misread variants, the one read best: the highest mean confidence of those read more than once. */
function bestReading(members: readonly Sighting[]): { text: string; raw: string; confidence: number } {
  const variants = new Map<string, { text: string; raw: string; count: number; sum: number }>();
  for (const { line } of members) {
    const key = normaliseText(line.text);
    const v = variants.get(key) ?? { text: line.text, raw: line.raw, count: 0, sum: 0 };
    v.count += 1;
    v.sum += line.confidence;
    variants.set(key, v);
  }
  const all = [...variants.values()];
  const repeated = all.filter((v) => v.count > 1);
  const pool = repeated.length > 0 ? repeated : all;
  const best = pool.reduce((a, b) => (b.sum / b.count > a.sum / a.count ? b : a));
  return { text: best.text, raw: best.raw, confidence: best.sum / best.count };
}

/**
 * Splits what was read into persistent overlays and the rest. Readings are grouped by place on
 * screen, then by text within a place (misreads and a clock's changing digits stay together); a
 * group seen in `minShots` shots is an overlay when it is seen in most samples over its span, or in
 * enough of them and across a cut. A place whose text changes but which stays lit across cuts (a
 * ticker, see isTicker) is one overlay as a whole. Lines without a box (no place known) are never overlays. `content` is
 * `samples` without the overlays' lines.
 */
export function separateOverlays(
  samples: readonly OcrSample[],
  options: OverlayOptions = {},
): { content: OcrSample[]; overlays: PersistentOverlay[] } {
  const minShots = options.minShots ?? 3;
  const minCoverage = options.minCoverage ?? 0.5;
  const threshold = options.similarity ?? 0.65;
  const ordered = [...samples].sort((a, b) => a.frame - b.frame);
  const places: Place[] = [];
  ordered.forEach((sample, index) => {
    for (const line of sample.lines) {
      if (!line.box) continue;
      const sighting: Sighting = {
        sample: index,
        shot: sample.shot ?? -1,
        from: sample.from,
        to: sample.to,
        line: { ...line, box: line.box },
      };
      const place = places.find((p) => samePlace(p.box, line.box!));
      if (place) {
        place.sightings.push(sighting);
        place.box = placeBox(place.sightings.map((s) => s.line.box));
      } else places.push({ sightings: [sighting], box: line.box });
    }
  });

  const overlaid = new Set<ReadLine>();
  const overlays: PersistentOverlay[] = [];
  const keep = (members: readonly Sighting[]): void => {
    for (const m of members) overlaid.add(findLine(ordered, m));
    const { text, raw, confidence } = bestReading(members);
    overlays.push({
      text,
      raw,
      confidence,
      startFrame: Math.min(...members.map((m) => m.from)),
      endFrame: Math.max(...members.map((m) => m.to)),
      box: meanBox(members.map((m) => m.line.box)),
      sightings: members.length,
      shots: new Set(members.map((m) => m.shot)).size,
    });
  };
  for (const place of places) {
    const groups = textGroups(place, threshold);
    if (isTicker(place, groups, ordered)) {
      keep(place.sightings);
      continue;
    }
    for (const members of groups) {
      const shots = new Set(members.map((m) => m.shot));
      if (shots.size < minShots) continue;
      const seen = new Set(members.map((m) => m.sample));
      const first = Math.min(...seen);
      const last = Math.max(...seen);
      const coverage = seen.size / (last - first + 1);
      // A lower third comes and goes within its shot; a watermark is there when the picture cuts.
      if (coverage >= STEADY_COVERAGE || (coverage >= minCoverage && cutsCrossed(seen, ordered) >= 1)) keep(members);
    }
  }
  const content = ordered.map((s) => ({ ...s, lines: s.lines.filter((l) => !overlaid.has(l)) }));
  return { content, overlays: overlays.sort((a, b) => a.startFrame - b.startFrame) };
}

/** The original line object a sighting was made from (sightings copy it to pin down its box). */
function findLine(samples: readonly OcrSample[], s: Sighting): ReadLine {
  return samples[s.sample]!.lines.find((l) => l.box === s.line.box)!;
}

/** Seen this steadily, a text shown in three shots is an overlay even if no sample caught it at a cut. */
const STEADY_COVERAGE = 0.7;

/** Cuts with a sighting in the last sample before and the first sample after them. */
function cutsCrossed(lit: ReadonlySet<number>, samples: readonly OcrSample[]): number {
  let crossings = 0;
  for (let i = 1; i < samples.length; i++) {
    const a = samples[i - 1]!;
    const b = samples[i]!;
    if (a.shot !== undefined && b.shot !== undefined && a.shot !== b.shot && lit.has(i - 1) && lit.has(i)) crossings++;
  }
  return crossings;
}

/** Share of the samples from its first to its last sighting a ticker is seen in: it never leaves. */
const TICKER_COVERAGE = 0.8;

/** Left edges spread over more than this many text heights: the text moves (a lower third never does). */
const SCROLLING_SPREAD = 3;

/**
 * A ticker: a place that stays lit across cuts with text that changes, either in place (three
 * texts or more, in most samples, across two cuts, changing within a shot) or scrolling (its
 * readings start at ever other places; seen in half the samples, across one cut: a scrolling line
 * is often missed where the frame's edge cuts it off).
 */
function isTicker(place: Place, groups: readonly (readonly Sighting[])[], samples: readonly OcrSample[]): boolean {
  const texts = groups.length;
  const lit = new Set(place.sightings.map((s) => s.sample));
  const first = Math.min(...lit);
  const last = Math.max(...lit);
  const coverage = lit.size / (last - first + 1);
  const crossed = cutsCrossed(lit, samples);
  const lefts = place.sightings.map((s) => s.line.box.x);
  // One scrolling line reads as a few texts that overlap (its misreads group together): the count
  // of texts says nothing there, the moving start does.
  const scrolling = Math.max(...lefts) - Math.min(...lefts) > SCROLLING_SPREAD * place.box.height;
  if (scrolling) return coverage >= 0.5 && crossed >= 1;
  // Lower thirds sit in one band too, one name per shot: their text changes where the picture
  // cuts, and the samples either side of a cut may both catch one. A ticker's text changes on its
  // own clock, mostly while a shot stays. A cut the shot step missed puts two names in one shot, so
  // one change within a shot does not make a ticker: more of them than changes at cuts do.
  const changes = textChanges(groups);
  return texts >= 3 && coverage >= TICKER_COVERAGE && crossed >= 2 && changes.withinShot > changes.atCut;
}

/** Where the text read in a place changes from one lit sample to the next: within a shot or at a cut. */
function textChanges(groups: readonly (readonly Sighting[])[]): { withinShot: number; atCut: number } {
  const reads = groups
    .flatMap((members, group) => members.map((m) => ({ sample: m.sample, shot: m.shot, group })))
    .sort((a, b) => a.sample - b.sample);
  let withinShot = 0;
  let atCut = 0;
  for (let i = 1; i < reads.length; i++) {
    const [a, b] = [reads[i - 1]!, reads[i]!];
    if (a.group === b.group) continue;
    if (a.shot === b.shot) withinShot++;
    else atCut++;
  }
  return { withinShot, atCut };
}

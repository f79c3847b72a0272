import { bytesPerFrame, type FrameGeometry } from "./FrameReader.ts";

/**
 * Pictures of one geometry back to back in one file of the job folder: what a step that decodes
 * frames anyway (the shot step's keyframe pass and refine windows) hands on to the steps after it.
 */
export interface StoredPictures extends FrameGeometry {
  /** In a step's result a bare name inside the job folder; once the engine took it in, a full path. */
  readonly file: string;
  /** The frames the file holds, in file order, as [first frame, count] stretches of consecutive frames. */
  readonly spans: ReadonlyArray<readonly [first: number, count: number]>;
}

/**
 * What the job's frame store holds: plain data, so it travels with step results and analysis
 * inputs between processes; the pictures themselves stay in their files. Read through
 * FrameStoreReader.
 */
export interface FrameStoreIndex {
  readonly pictures: readonly StoredPictures[];
}

/** Pictures an entry claims to hold. */
export function pictureCount(entry: Pick<StoredPictures, "spans">): number {
  return entry.spans.reduce((sum, [, count]) => sum + count, 0);
}

/** Bytes its file must have to hold what it claims. */
export function storedBytes(entry: StoredPictures): number {
  return pictureCount(entry) * bytesPerFrame(entry);
}

export function sameGeometry(a: FrameGeometry, b: FrameGeometry): boolean {
  return a.width === b.width && a.height === b.height && a.pixelFormat === b.pixelFormat;
}

/**
 * Where frames [first, first + count) sit in an entry's file, as a picture offset, and where the
 * stretch holding them starts; undefined when no one stretch of it holds them all.
 */
export function pictureOffset(
  entry: Pick<StoredPictures, "spans">,
  first: number,
  count: number,
): { offset: number; start: number } | undefined {
  let offset = 0;
  let found: { offset: number; start: number } | undefined;
  for (const [from, n] of entry.spans) {
    if (from <= first && first + count <= from + n && (!found || from > found.start))
      found = { offset: offset + (first - from), start: from };
    offset += n;
  }
  return found;
}

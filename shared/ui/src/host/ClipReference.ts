/**
 * A frame range [inFrame, outFrame) of the media file itself, 0-based from its first frame (the
 * frames the engine's results count in), e.g. the in/out points of a timeline instance.
 */
export interface SourceRange {
  readonly inFrame: number;
  readonly outFrame: number;
}

/**
 * Where a clip instance sits in the host's active sequence or timeline, in that sequence's own
 * frames (its rate may differ from the media's).
 */
export interface SequencePlacement {
  readonly sequenceName: string;
  /** Rational rate "num/den" the frames below count in. */
  readonly frameRate: string;
  /** First frame of the instance in the sequence, and the frame after its last one. */
  readonly startFrame: number;
  readonly endFrame: number;
  /** 0-based video track index; the host's own numbering (V1 = 0). */
  readonly track: number;
}

/** The clip a panel works on: a media file, and where the host uses it when it knows that. */
export interface ClipReference {
  /** Absolute path of the media file, as the engine can open it. */
  readonly mediaPath: string;
  /** What the editor calls it: the host's clip name, or the file name. */
  readonly name: string;
  /** The host's own id of the item (Premiere project item, Resolve media pool item); absent in the browser. */
  readonly hostItemId?: string;
  readonly source?: SourceRange;
  readonly sequence?: SequencePlacement;
}

/** The file name of a path, for either separator (the UI may run on Windows hosts). */
export function fileNameOf(mediaPath: string): string {
  const cut = Math.max(mediaPath.lastIndexOf("/"), mediaPath.lastIndexOf("\\"));
  return cut === -1 ? mediaPath : mediaPath.slice(cut + 1);
}

/** The name of the folder a file is in ("" at a root). */
export function folderNameOf(mediaPath: string): string {
  const cut = Math.max(mediaPath.lastIndexOf("/"), mediaPath.lastIndexOf("\\"));
  return cut <= 0 ? "" : fileNameOf(mediaPath.slice(0, cut));
}

export function clipFromPath(mediaPath: string): ClipReference {
  return { mediaPath, name: fileNameOf(mediaPath) };
}

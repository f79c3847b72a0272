import fs from "node:fs";
import path from "node:path";

/**
 * The folder of keyframe thumbnails beside the catalog. A picture is named by the catalog's clip id
 * and the analysis run that took it (`<clipId>/<runId>-<frame>.jpg`), never by the media's file
 * name: camera cards reuse names (C0001.MP4), and two clips named alike in different folders must
 * never show each other's pictures. The run id makes every analysis write files no other analysis
 * writes, so two at once cannot collide, and a panel never shows a cached picture of an older run.
 *
 * Files change only inside a catalog write transaction (the SQLite write lock serialises writers
 * across processes) or after it committed, through a ThumbnailUpdate.
 */
export class ThumbnailStore {
  constructor(readonly folder: string) {}

  /** The thumbnail side of one write transaction. */
  begin(): ThumbnailUpdate {
    return new ThumbnailUpdate(this.folder);
  }
}

/** Where a kept picture goes, relative to the thumbnails folder (always with "/", as it is stored). */
export function thumbnailName(clipId: number, runId: number, frame: number): string {
  return `${clipId}/${runId}-${String(frame).padStart(7, "0")}.jpg`;
}

export class ThumbnailUpdate {
  /** Files this transaction copied in: removed again if it rolls back. */
  private readonly copied: string[] = [];
  /** What the replaced keyframes pointed at: removed once the commit leaves nothing pointing at them. */
  private readonly replaced: string[] = [];

  private readonly folder: string;

  constructor(folder: string) {
    this.folder = path.resolve(folder);
  }

  /**
   * Inside the transaction, with the write lock held: copies one run's keyframe pictures in under
   * the clip's id and returns their stored names by keyframe index (null where a picture could not
   * be kept: a thumbnail is a convenience, the analysis stands without it). `previous` are the
   * clip's stored thumbnails before this run; any other file in the clip's folder is left over
   * from a run that crashed or rolled back (no writer can be mid-way: we hold the lock) and goes.
   */
  keep(
    clipId: number,
    runId: number,
    frames: readonly number[],
    pictures: readonly (string | undefined)[],
    previous: readonly string[],
  ): Array<string | null> {
    this.replaced.push(...previous);
    this.sweepClipFolder(clipId, new Set(previous));
    return frames.map((frame, i) => {
      const picture = pictures[i];
      if (picture === undefined) return null;
      const name = thumbnailName(clipId, runId, frame);
      try {
        const target = this.resolve(name);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        // Never an earlier file: a rolled-back transaction may have left one of this run id.
        fs.copyFileSync(picture, target);
        this.copied.push(name);
        return name;
      } catch {
        return null;
      }
    });
  }

  /** The pictures the replaced keyframes showed, for a catalog that asks its server which are still shown. */
  replacedNames(): readonly string[] {
    return this.replaced;
  }

  /** The transaction failed: nothing points at the copies, so they go. */
  rolledBack(): void {
    for (const name of this.copied) this.remove(name);
  }

  /**
   * After the commit: the replaced pictures no row points at any more go. `referenced` reads the
   * committed catalog, so a picture a later run or another clip still shows is never removed.
   * Never throws: a picture left behind is swept by the clip's next analysis.
   */
  committed(referenced: (names: readonly string[]) => ReadonlySet<string>): void {
    if (this.replaced.length === 0) return;
    let stillShown: ReadonlySet<string>;
    try {
      stillShown = referenced(this.replaced);
    } catch {
      return;
    }
    for (const name of this.replaced) if (!stillShown.has(name)) this.remove(name);
  }

  private sweepClipFolder(clipId: number, keep: ReadonlySet<string>): void {
    let entries: string[];
    try {
      entries = fs.readdirSync(path.join(this.folder, String(clipId)));
    } catch {
      return;
    }
    for (const entry of entries) {
      const name = `${clipId}/${entry}`;
      if (!keep.has(name)) this.remove(name);
    }
  }

  /**
   * Removes one stored picture, and an emptied folder of the old by-name layout. A clip's own
   * folder stays: a run of the same clip in another process may be about to copy into it.
   */
  private remove(name: string): void {
    try {
      const file = this.resolve(name);
      fs.rmSync(file, { force: true });
      const dir = path.dirname(file);
      if (dir !== this.folder && !/^\d+$/.test(path.basename(dir)) && fs.readdirSync(dir).length === 0)
        fs.rmdirSync(dir);
    } catch {
      // Gone already: nothing to do.
    }
  }

  /** Stored names come from the catalog; one that would leave the folder is never touched. */
  private resolve(name: string): string {
    const file = path.resolve(this.folder, name);
    if (!file.startsWith(this.folder + path.sep)) throw new Error(`thumbnail outside its folder: ${name}`);
    return file;
  }
}

import fs from "node:fs";
import path from "node:path";
import type { Disposable } from "../core/Disposable.ts";
import { FRAME_STORE_BUDGET, LARGE_PICTURE_SHARE } from "./FrameStoreBudget.ts";
import { bytesPerFrame, type FrameGeometry } from "./FrameReader.ts";
import { pictureCount, type FrameStoreIndex, type StoredPictures } from "./FrameStoreIndex.ts";
import { pictureRoom } from "./PictureFile.ts";

/**
 * How a step puts the pictures it decoded anyway into the job's frame store: it reserves room for
 * a file in the job folder, has ffmpeg write it, and keeps it once it holds what was meant. The
 * kept files travel on as the writer's index; disposing removes every other file it named.
 */
export class FrameStoreWriter implements Disposable {
  private bytes: number;
  private largeBytes: number;
  private readonly written = new Set<string>();
  private readonly kept: StoredPictures[] = [];

  /** `budget`: what this step may take of the store's; never more than the disk has free beside KEEP_FREE. */
  constructor(
    readonly folder: string,
    budget = FRAME_STORE_BUDGET,
  ) {
    this.bytes = Math.min(budget, pictureRoom(folder));
    this.largeBytes = Math.floor(this.bytes * LARGE_PICTURE_SHARE);
  }

  /** Pictures of `geometry` the budget still takes; `large` ones (OCR's width) only within their share. */
  room(geometry: FrameGeometry, large = false): number {
    return Math.floor((large ? Math.min(this.bytes, this.largeBytes) : this.bytes) / bytesPerFrame(geometry));
  }

  /** Takes room for `count` pictures in a file named `name`: its full path, or undefined when they do not fit. */
  reserve(name: string, geometry: FrameGeometry, count: number, large = false): string | undefined {
    if (count < 1 || count > this.room(geometry, large)) return undefined;
    const taken = count * bytesPerFrame(geometry);
    this.bytes -= taken;
    if (large) this.largeBytes -= taken;
    const file = path.join(this.folder, name);
    this.written.add(file);
    return file;
  }

  /**
   * Hands a reserved file on as holding `spans` at `geometry`, if its size says it does; a file
   * that does not (cut short, written for other frames) is removed instead. Whether it was kept.
   */
  keep(file: string, geometry: FrameGeometry, spans: ReadonlyArray<readonly [number, number]>): boolean {
    const entry: StoredPictures = {
      file,
      width: geometry.width,
      height: geometry.height,
      pixelFormat: geometry.pixelFormat,
      spans,
    };
    let size = -1;
    try {
      size = fs.statSync(file).size;
    } catch {
      // missing: not kept
    }
    if (spans.length === 0 || size !== pictureCount(entry) * bytesPerFrame(geometry)) {
      this.drop(file);
      return false;
    }
    this.kept.push(entry);
    return true;
  }

  /** Removes a reserved file that will not be handed on. */
  drop(file: string): void {
    fs.rmSync(file, { force: true });
  }

  /** Removes everything written, kept or not: for a step whose result is not used after all. */
  clear(): void {
    for (const file of this.written) fs.rmSync(file, { force: true });
    this.kept.length = 0;
  }

  /** What was kept, file names bare (inside `folder`), in the order kept. */
  index(): FrameStoreIndex {
    return { pictures: this.kept.map((entry) => ({ ...entry, file: path.basename(entry.file) })) };
  }

  /** Removes the files written and not kept; the kept ones go with the job folder. */
  dispose(): void {
    const kept = new Set(this.kept.map((entry) => entry.file));
    for (const file of this.written) if (!kept.has(file)) fs.rmSync(file, { force: true });
  }
}

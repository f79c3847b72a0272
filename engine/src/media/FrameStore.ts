import fs from "node:fs";
import path from "node:path";
import type { Disposable } from "../core/Disposable.ts";
import { FRAME_STORE_BUDGET } from "./FrameStoreBudget.ts";
import { storedBytes, type FrameStoreIndex, type StoredPictures } from "./FrameStoreIndex.ts";

/**
 * The job's frame store, as the engine keeps it: the pictures steps decoded on their way, in files
 * of the job folder, under one budget. Steps put pictures in through a FrameStoreWriter in their
 * own process and return its index; `add` takes in what holds what it claims, and `index` is what
 * analyzers read through a FrameStoreReader. Disposed with the job, whatever its outcome.
 */
export class FrameStore implements Disposable {
  private readonly pictures: StoredPictures[] = [];
  private bytes: number;

  constructor(
    readonly folder: string,
    private readonly frameCount: number,
    budget = FRAME_STORE_BUDGET,
  ) {
    this.bytes = budget;
  }

  /** What the budget leaves for the next step's writer. */
  get room(): number {
    return this.bytes;
  }

  /**
   * Takes in a step's index (bare file names inside the folder). An entry whose file is not there,
   * is not exactly the size its frames need, names frames outside the clip or goes past the
   * budget is left out and its file removed: its consumers decode those frames themselves.
   */
  add(index: FrameStoreIndex | undefined): void {
    for (const entry of index?.pictures ?? []) {
      const file = path.join(this.folder, entry.file);
      const fits =
        path.basename(entry.file) === entry.file &&
        entry.spans.every(([first, count]) => first >= 0 && count >= 1 && first + count <= this.frameCount);
      const bytes = storedBytes(entry);
      if (fits && bytes <= this.bytes && sizeOf(file) === bytes) {
        this.bytes -= bytes;
        this.pictures.push({ ...entry, file });
      } else if (path.basename(entry.file) === entry.file) {
        fs.rmSync(file, { force: true });
      }
    }
  }

  /** Everything taken in, full paths, in the order the steps put it in (earlier steps' first). */
  get index(): FrameStoreIndex {
    return { pictures: [...this.pictures] };
  }

  dispose(): void {
    for (const entry of this.pictures.splice(0)) fs.rmSync(entry.file, { force: true });
  }
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return -1;
  }
}

import fs from "node:fs";
import { bytesPerFrame, type FrameGeometry } from "./FrameReader.ts";
import {
  pictureOffset,
  sameGeometry,
  storedBytes,
  type FrameStoreIndex,
  type StoredPictures,
} from "./FrameStoreIndex.ts";
import { readFully } from "./PictureFile.ts";

/**
 * Reads frames from the job's frame store by number and geometry, single frames or runs of
 * consecutive ones. Only entries whose file holds exactly what they claim are read from; where the
 * store holds nothing that fits, the answer is undefined and the caller decodes. Where several
 * stretches hold the frames, the one that starts nearest them wins (its decode ran the fewest
 * frames up to them), the earlier step's on a tie. Files stay open until disposed.
 */
export class FrameStoreReader {
  private readonly entries: StoredPictures[];
  private readonly handles = new Map<string, Promise<fs.promises.FileHandle | undefined>>();

  constructor(index: FrameStoreIndex | undefined) {
    this.entries = (index?.pictures ?? []).filter((entry) => {
      try {
        return fs.statSync(entry.file).size === storedBytes(entry);
      } catch {
        return false;
      }
    });
  }

  static readonly EMPTY = new FrameStoreReader(undefined);

  /** Whether frames [first, first + count) are held at `geometry`, all in one stretch. */
  has(first: number, geometry: FrameGeometry, count = 1): boolean {
    return this.find(first, count, geometry) !== undefined;
  }

  /** Every frame held at `geometry`, ascending. */
  framesHeld(geometry: FrameGeometry): number[] {
    const held = new Set<number>();
    for (const entry of this.entries) {
      if (!sameGeometry(entry, geometry)) continue;
      for (const [first, count] of entry.spans) for (let f = first; f < first + count; f++) held.add(f);
    }
    return [...held].sort((a, b) => a - b);
  }

  /** Frame `frame` at `geometry`, or undefined. */
  async frame(frame: number, geometry: FrameGeometry): Promise<Uint8Array | undefined> {
    return (await this.frames(frame, 1, geometry))?.[0];
  }

  /** Frames [first, first + count) at `geometry` from one stretch that holds them all, or undefined. */
  async frames(first: number, count: number, geometry: FrameGeometry): Promise<Uint8Array[] | undefined> {
    const found = this.find(first, count, geometry);
    if (!found) return undefined;
    const handle = await this.open(found.entry.file);
    const size = bytesPerFrame(geometry);
    const data = new Uint8Array(count * size);
    if (!handle || !(await readFully(handle, data, found.offset * size))) return undefined;
    return Array.from({ length: count }, (_, i) => data.subarray(i * size, (i + 1) * size));
  }

  async dispose(): Promise<void> {
    const handles = [...this.handles.values()];
    this.handles.clear();
    for (const handle of await Promise.all(handles)) await handle?.close();
  }

  private find(
    first: number,
    count: number,
    geometry: FrameGeometry,
  ): { entry: StoredPictures; offset: number } | undefined {
    if (!Number.isInteger(first) || !Number.isInteger(count) || count < 1) return undefined;
    let best: { entry: StoredPictures; offset: number; start: number } | undefined;
    for (const entry of this.entries) {
      if (!sameGeometry(entry, geometry)) continue;
      const found = pictureOffset(entry, first, count);
      if (found && (!best || found.start > best.start)) best = { entry, ...found };
    }
    return best;
  }

  private open(file: string): Promise<fs.promises.FileHandle | undefined> {
    let handle = this.handles.get(file);
    if (!handle) {
      handle = fs.promises.open(file, "r").catch(() => undefined);
      this.handles.set(file, handle);
    }
    return handle;
  }
}

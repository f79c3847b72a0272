import { SimApiObject } from "./SimApiObject.ts";
import type { SimMediaPoolItem } from "./SimMediaPoolItem.ts";

/** `Folder` (a bin). */
export class SimFolder extends SimApiObject {
  readonly clips: SimMediaPoolItem[] = [];
  readonly subFolders: SimFolder[] = [];

  constructor(readonly name: string) {
    super();
  }

  GetName(): string {
    return this.name;
  }

  GetClipList(): SimMediaPoolItem[] {
    return [...this.clips];
  }

  GetSubFolderList(): SimFolder[] {
    return [...this.subFolders];
  }
}

export interface MediaPoolFeatures {
  /** `GetSelectedClips()` and `SetSelectedClip()` exist (19.0.2 on). */
  readonly selection: boolean;
}

/** `MediaPool`: the root bin and, from 19.0.2, the clip selection (there is no selection event). */
export class SimMediaPool extends SimApiObject {
  readonly root = new SimFolder("Master");
  selected: SimMediaPoolItem[] = [];
  readonly GetSelectedClips?: () => SimMediaPoolItem[];
  readonly SetSelectedClip?: (item: unknown) => boolean;

  constructor(features: MediaPoolFeatures) {
    super();
    if (features.selection) {
      this.GetSelectedClips = () => [...this.selected];
      this.SetSelectedClip = (item: unknown) => {
        const clip = this.allClips().find((c) => c === item);
        if (!clip) return false;
        this.selected = [clip];
        return true;
      };
    }
  }

  GetRootFolder(): SimFolder {
    return this.root;
  }

  allClips(): SimMediaPoolItem[] {
    const out: SimMediaPoolItem[] = [];
    const walk = (folder: SimFolder): void => {
      out.push(...folder.clips);
      folder.subFolders.forEach(walk);
    };
    walk(this.root);
    return out;
  }
}

import type { Action, CompoundAction, FolderItem, Guid, ProjectItem, Sequence } from "@adobe/premierepro";
import { type ActionGate, isThenable } from "./ActionGate.ts";
import { SimAction } from "./SimAction.ts";
import { SimBin, unwrapItem } from "./SimProjectItem.ts";
import type { SimSequence } from "./SimSequence.ts";
import type { UndoStack } from "./UndoStack.ts";

/** What `importFiles` needs from the simulated machine: which files exist, and how to add them. */
export interface ImportTarget {
  importFile(path: string, bin: SimBin): boolean;
}

/**
 * The compound action a transaction fills. Premiere performs each action as it is added, inside
 * the transaction: what the callback reads afterwards is the project as changed so far (a marker
 * just added is among the markers, and its own setter actions can join the same transaction). An
 * action from a lock that has ended is refused; one that fails spoils the whole transaction.
 */
class SimCompoundAction {
  readonly actions: SimAction[] = [];
  failed = false;

  constructor(private readonly gate: ActionGate) {}

  get empty(): boolean {
    return this.actions.length === 0;
  }

  addAction(action: Action): boolean {
    if (!(action instanceof SimAction) || this.failed) return false;
    if (action.lockSession !== this.gate.lockSession)
      this.gate.refuse(`${action.description} was created in a lock that has ended`);
    try {
      action.apply();
    } catch {
      this.failed = true;
      return false;
    }
    this.actions.push(action);
    return true;
  }

  revert(): void {
    for (const action of [...this.actions].reverse()) action.revert();
  }
}

/** The open project: sequences, bins, the lock and the transactions that fill the undo history. */
export class SimProject {
  activeSequence: SimSequence | null = null;
  readonly sequences: SimSequence[] = [];

  constructor(
    readonly name: string,
    readonly path: string,
    readonly root: SimBin,
    private readonly gate: ActionGate,
    private readonly undo: UndoStack,
    private readonly importer: ImportTarget,
  ) {}

  get guid(): Guid {
    const text = `project:${this.path}`;
    return { toString: () => text } as unknown as Guid;
  }

  async getActiveSequence(): Promise<Sequence> {
    return this.activeSequence as unknown as Sequence;
  }

  async getSequences(): Promise<Sequence[]> {
    return this.sequences as unknown as Sequence[];
  }

  async getRootItem(): Promise<FolderItem> {
    return this.root as unknown as FolderItem;
  }

  async getInsertionBin(): Promise<ProjectItem> {
    return this.root.view;
  }

  /** Imports into the target bin (the root without one); false when any file could not be imported. */
  async importFiles(
    filePaths: string[],
    _suppressUI?: boolean,
    targetBin?: ProjectItem,
    _asNumberedStills?: boolean,
  ): Promise<boolean> {
    const target = unwrapItem(targetBin);
    const bin = target instanceof SimBin ? target : this.root;
    let all = true;
    for (const path of filePaths) all = this.importer.importFile(path, bin) && all;
    return all;
  }

  /** Runs `callback` with the project locked; it must be synchronous (see ActionGate). */
  lockedAccess(callback: () => void): void {
    this.gate.runLocked(callback);
  }

  /**
   * Commits the actions the callback adds as ONE undo step labelled `undoString`. Every action must
   * come from the lock that is open now (an action from an ended lock is stale). When one fails, or
   * the callback throws, those already applied are reverted and nothing reaches the undo history.
   */
  executeTransaction(callback: (compoundAction: CompoundAction) => void, undoString?: string): boolean {
    const compound = new SimCompoundAction(this.gate);
    let result: unknown;
    try {
      result = callback(compound as unknown as CompoundAction);
    } catch (error) {
      compound.revert();
      throw error;
    }
    if (isThenable(result)) {
      compound.revert();
      this.gate.refuse("the executeTransaction callback returned a Promise");
    }
    if (compound.failed) {
      compound.revert();
      return false;
    }
    if (compound.empty) return true;
    this.undo.push({ label: undoString ?? "", actions: compound.actions });
    return true;
  }
}

import {
  type ExistingMarker,
  type LedgerEntry,
  type MarkerReapply,
  type WantedMarker,
  decodeLedgerEntries,
  encodeLedgerEntry,
  planMarkerReapply,
} from "@sichter/premiere-common";
import type { MarkerWrite } from "./clipCalls.ts";
import type { ExtendScriptBridge } from "./ExtendScriptBridge.ts";
import { type EsSequenceMarkers, writeSequenceLedger, writeSequenceMarkers } from "./sequenceCalls.ts";

interface LiveEsMarker extends ExistingMarker {
  readonly guid: string;
}

/** The sequence markers one owner (a timeline instance) wants, and what re-applying them does. */
export interface OwnerReapply {
  readonly owner: string;
  readonly reapply: MarkerReapply<LiveEsMarker>;
}

/** The active sequence's markers and ledger, ready to plan owners against. */
export class SequenceMarkerState {
  private readonly live: LiveEsMarker[];
  private readonly ledger: LedgerEntry[];

  constructor(private readonly state: EsSequenceMarkers) {
    this.live = state.markers.map((m) => ({
      guid: m.guid,
      start: m.start,
      duration: (BigInt(m.end) - BigInt(m.start)).toString(),
      name: m.name,
      comments: m.comments,
      colorIndex: m.colorIndex,
    }));
    this.ledger = decodeLedgerEntries(state.ledger);
  }

  get sequenceName(): string {
    return this.state.name;
  }

  /** What re-applying `wanted` does for one owner: only its own ledger entries make markers its own. */
  plan(owner: string, wanted: readonly WantedMarker[]): OwnerReapply {
    return {
      owner,
      reapply: planMarkerReapply({
        owner,
        existing: this.live,
        ledger: this.ledger.filter((e) => e.owner === owner),
        wanted,
      }),
    };
  }

  /**
   * Carries out every owner's plan in one ExtendScript call (ExtendScript has no undo grouping; one
   * call keeps a long sequence from being many round trips), then writes the ledger: owners not
   * planned now keep their entries, the planned ones get theirs, new markers with their guids.
   */
  async write(bridge: ExtendScriptBridge, owners: readonly OwnerReapply[]): Promise<void> {
    const remove: string[] = [];
    const update: MarkerWrite[] = [];
    const adds: { owner: string; wanted: WantedMarker }[] = [];
    for (const { owner, reapply } of owners) {
      remove.push(...reapply.remove.map((m) => m.guid));
      for (const { marker, wanted } of reapply.update) {
        // A marker that has to move is removed and added again: the DOM's setters take no new start.
        if (BigInt(marker.start) !== BigInt(wanted.start)) {
          remove.push(marker.guid);
          adds.push({ owner, wanted });
        } else {
          update.push(markerWrite(wanted, marker.guid));
        }
      }
      adds.push(...reapply.add.map((wanted) => ({ owner, wanted })));
    }
    const changed = remove.length + update.length + adds.length > 0;
    const { added } = changed
      ? await writeSequenceMarkers(bridge, { remove, update, add: adds.map((a) => markerWrite(a.wanted)) })
      : { added: [] };
    const planned = new Set(owners.map((o) => o.owner));
    const ledger = [
      ...this.ledger.filter((entry) => !planned.has(entry.owner)),
      ...owners.flatMap(({ owner, reapply }) =>
        reapply.ledger.map((entry) => {
          // A moved marker was removed and added again: its entry takes the new marker's guid.
          if (entry.guid !== undefined && !remove.includes(entry.guid)) return entry;
          const index = adds.findIndex(
            (a) => a.owner === owner && BigInt(a.wanted.start) === BigInt(entry.start) && a.wanted.name === entry.name,
          );
          const guid = added[index];
          const { guid: _stale, ...key } = entry;
          return guid === undefined ? key : { ...key, guid };
        }),
      ),
    ].map(encodeLedgerEntry);
    if (!same(ledger, this.state.ledger)) await writeSequenceLedger(bridge, ledger);
  }
}

function markerWrite(wanted: WantedMarker, guid?: string): MarkerWrite {
  const end = (BigInt(wanted.start) + BigInt(wanted.duration)).toString();
  const write = {
    start: wanted.start,
    end,
    name: wanted.name,
    comments: wanted.comments,
    colorIndex: wanted.colorIndex ?? 0,
  };
  return guid === undefined ? write : { ...write, guid };
}

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

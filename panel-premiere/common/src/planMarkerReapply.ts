import type { LedgerEntry } from "./markerLedger.ts";

/** A marker as the host has it now. Times are ticks as decimal strings, as Premiere gives them. */
export interface ExistingMarker {
  /** The host's marker id (UXP `Marker.guid` from 26.3); absent where the host has none. */
  readonly guid?: string;
  readonly start: string;
  readonly duration: string;
  readonly name: string;
  readonly comments: string;
  readonly colorIndex: number;
}

/** A marker Sichter wants on the same target, in the same units. */
export interface WantedMarker {
  readonly start: string;
  readonly duration: string;
  readonly name: string;
  readonly comments: string;
  /** The host colour index, or null for the host's default colour. */
  readonly colorIndex: number | null;
}

/** One of Sichter's markers turned into a wanted one in place (it keeps its guid). */
export interface MarkerUpdate<M extends ExistingMarker> {
  readonly marker: M;
  readonly wanted: WantedMarker;
}

export interface MarkerReapply<M extends ExistingMarker> {
  /** Sichter's markers of this owner that no wanted marker needs any more. */
  readonly remove: readonly M[];
  /** Sichter's markers that already are exactly what is wanted: left alone. */
  readonly keep: readonly M[];
  /**
   * Sichter's markers changed into a wanted one by setter actions: a reused marker keeps its guid,
   * so the editor's undo history and other tools see one marker change instead of a new one.
   */
  readonly update: readonly MarkerUpdate<M>[];
  readonly add: readonly WantedMarker[];
  /** Wanted markers not added because a marker that is not ours has the same start and name. */
  readonly skip: readonly WantedMarker[];
  /** The target's whole new ledger: other owners' live entries, then this owner's. */
  readonly ledger: readonly LedgerEntry[];
}

/**
 * What re-applying a plan does to one marker target (a clip or a sequence). A marker is Sichter's
 * when a ledger entry names its start and name (and its guid, once known): a marker the editor
 * moved or renamed has become theirs and is never touched, nor is any marker Sichter did not make.
 * Markers identical to a wanted one stay; other markers of this owner are reused for the remaining
 * wanted ones (one at the same start first), and only what is left over is removed or added. Kept
 * and reused markers put their guid into the ledger, so later applies tell them from a copy.
 */
export function planMarkerReapply<M extends ExistingMarker>(input: {
  readonly owner: string;
  readonly existing: readonly M[];
  readonly ledger: readonly LedgerEntry[];
  readonly wanted: readonly WantedMarker[];
}): MarkerReapply<M> {
  const claims = claimMarkers(input.existing, input.ledger);
  const ours = claims.filter((c) => c.entry.owner === input.owner).map((c) => c.marker);
  const others = claims.filter((c) => c.entry.owner !== input.owner);
  const claimed = new Set<ExistingMarker>(claims.map((c) => c.marker));

  const used = new Set<M>();
  const kept = new Map<WantedMarker, M>();
  for (const wanted of input.wanted) {
    const same = ours.find((m) => !used.has(m) && identical(m, wanted));
    if (same) {
      used.add(same);
      kept.set(wanted, same);
    }
  }

  const keep: M[] = [];
  const update: MarkerUpdate<M>[] = [];
  const add: WantedMarker[] = [];
  const skip: WantedMarker[] = [];
  const ledger: LedgerEntry[] = others.map((c) => withGuid(c.entry, c.marker));
  for (const wanted of input.wanted) {
    const same = kept.get(wanted);
    if (same) {
      keep.push(same);
      ledger.push(withGuid({ owner: input.owner, start: same.start, name: same.name }, same));
      continue;
    }
    if (input.existing.some((m) => !claimed.has(m) && sameKey(m, wanted))) {
      skip.push(wanted);
      continue;
    }
    const free = ours.filter((m) => !used.has(m));
    const reuse = free.find((m) => BigInt(m.start) === BigInt(wanted.start)) ?? free[0];
    if (reuse) {
      used.add(reuse);
      update.push({ marker: reuse, wanted });
      ledger.push(withGuid({ owner: input.owner, start: wanted.start, name: wanted.name }, reuse));
    } else {
      add.push(wanted);
      ledger.push({ owner: input.owner, start: wanted.start, name: wanted.name });
    }
  }
  return { remove: ours.filter((m) => !used.has(m)), keep, update, add, skip, ledger };
}

interface Claim<M> {
  readonly entry: LedgerEntry;
  readonly marker: M;
}

/**
 * Pairs ledger entries with live markers, each at most once: entries with a guid first (they are
 * unambiguous), then the others by start and name. Entries left without a marker are dropped: the
 * editor deleted, moved or renamed that marker.
 */
function claimMarkers<M extends ExistingMarker>(existing: readonly M[], ledger: readonly LedgerEntry[]): Claim<M>[] {
  const taken = new Set<M>();
  const claims: Claim<M>[] = [];
  const ordered = [...ledger.filter((e) => e.guid !== undefined), ...ledger.filter((e) => e.guid === undefined)];
  for (const entry of ordered) {
    const marker = existing.find(
      (m) =>
        !taken.has(m) &&
        sameKey(m, entry) &&
        (entry.guid === undefined || m.guid === undefined || m.guid === entry.guid),
    );
    if (marker) {
      taken.add(marker);
      claims.push({ entry, marker });
    }
  }
  return claims;
}

function sameKey(a: { start: string; name: string }, b: { start: string; name: string }): boolean {
  return BigInt(a.start) === BigInt(b.start) && a.name === b.name;
}

function identical(marker: ExistingMarker, wanted: WantedMarker): boolean {
  return (
    sameKey(marker, wanted) &&
    BigInt(marker.duration) === BigInt(wanted.duration) &&
    marker.comments === wanted.comments &&
    (wanted.colorIndex === null || marker.colorIndex === wanted.colorIndex)
  );
}

function withGuid(entry: LedgerEntry, marker: ExistingMarker): LedgerEntry {
  return marker.guid === undefined ? entry : { ...entry, guid: marker.guid };
}

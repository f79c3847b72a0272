import type { Provenance, Tag } from "@sichter/shared/model";
import type { TagRow } from "./rows.ts";
import { sameTag, type TagIdentity } from "./sameTag.ts";

/** What a new analysis does to a clip's stored tags; both catalog backends follow it. */
export interface ReanalysisPlan {
  /** New suggestions that are stored suggestions again: the row (and its id) stays, its values are the new ones. */
  readonly again: ReadonlyArray<{ readonly row: TagRow; readonly tag: Tag }>;
  /** Tags to insert. */
  readonly fresh: readonly Tag[];
  /** Stored suggestions the new analysis no longer makes. */
  readonly gone: readonly number[];
  /** Decided and typed tags carried over. */
  readonly kept: number;
  /** New suggestions dropped because a person already decided on the same tag. */
  readonly skipped: number;
}

/**
 * Human work always wins: accepted, rejected, edited and typed tags stay as they are, and a new
 * suggestion a person already decided on (under its label, or under the label an edit replaced)
 * is not added again. A suggestion made again keeps its row, so its id stays valid for a panel
 * that listed it before the re-analysis: a decision sent from that list lands on the same tag,
 * never on another one that took over its id.
 */
export function planReanalysis(existing: readonly TagRow[], incoming: readonly Tag[]): ReanalysisPlan {
  const replaceable = existing.filter((t) => t.status === "suggested" && t.source !== "user");
  const decided = existing.filter((t) => !replaceable.includes(t));
  const decidedIdentities = decided.flatMap(identities);
  const used = new Set<number>();
  const again: Array<{ row: TagRow; tag: Tag }> = [];
  const fresh: Tag[] = [];
  let skipped = 0;
  for (const tag of incoming) {
    if (decidedIdentities.some((d) => sameTag(d, tag))) {
      skipped += 1;
      continue;
    }
    const row =
      tag.status === "suggested"
        ? replaceable.find((old) => !used.has(old.id) && old.source === tag.source && sameTag(identity(old), tag))
        : undefined;
    if (row) {
      used.add(row.id);
      again.push({ row, tag });
    } else {
      fresh.push(tag);
    }
  }
  return {
    again,
    fresh,
    gone: replaceable.filter((t) => !used.has(t.id)).map((t) => t.id),
    kept: decided.length,
    skipped,
  };
}

function identity(row: TagRow): TagIdentity {
  return { kind: row.kind, label: row.label, startFrame: row.start_frame, endFrame: row.end_frame };
}

/** A decided tag, and for an edited one also the machine's label the person replaced. */
function identities(row: TagRow): TagIdentity[] {
  const replaced = (JSON.parse(row.provenance) as Provenance[])
    .filter((p) => p.producer === "user" && typeof p.evidence === "string")
    .map((p) => ({ ...identity(row), label: p.evidence! }));
  return [identity(row), ...replaced];
}

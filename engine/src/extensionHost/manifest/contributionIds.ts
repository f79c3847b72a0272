import type { Contributes } from "./Contributes.ts";

export interface ContributionIdUse {
  readonly id: string;
  /** Path below `sichter.contributes`, e.g. ["analyzers", 0, "id"]. */
  readonly path: readonly (string | number)[];
}

/** Every id the manifest declares, in manifest order, with where it was declared. */
export function contributionIds(contributes: Partial<Contributes>): ContributionIdUse[] {
  const uses: ContributionIdUse[] = [];
  const add = (kind: string, items: readonly { readonly id: string }[] | undefined) =>
    items?.forEach((item, i) => uses.push({ id: item.id, path: [kind, i, "id"] }));
  add("analyzers", contributes.analyzers);
  add("keywordProviders", contributes.keywordProviders);
  add("tagWriters", contributes.tagWriters);
  add("vocabularies", contributes.vocabularies);
  contributes.commands?.forEach((item, i) => uses.push({ id: item.command, path: ["commands", i, "command"] }));
  return uses;
}

/**
 * Ids are unique across all kinds, not per kind: panels, logs and config keys name a contribution
 * by id alone, so "newsroom.x" must mean one thing within an extension.
 */
export function duplicateContributionIds(
  contributes: Partial<Contributes>,
): { duplicate: ContributionIdUse; first: ContributionIdUse }[] {
  const seen = new Map<string, ContributionIdUse>();
  const duplicates: { duplicate: ContributionIdUse; first: ContributionIdUse }[] = [];
  for (const use of contributionIds(contributes)) {
    const first = seen.get(use.id);
    if (first === undefined) seen.set(use.id, use);
    else duplicates.push({ duplicate: use, first });
  }
  return duplicates;
}

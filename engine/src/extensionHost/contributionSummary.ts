import { contributionIds, type Contributes } from "./manifest/index.ts";

/**
 * The ids an extension contributes, by contribution point ({ analyzers: ["newsroom.logo"] }), as
 * `extensions list --json` and the protocol's `extensions.list` show them. Empty points are left out.
 */
export function contributionSummary(contributes: Partial<Contributes>): Record<string, string[]> {
  const summary: Record<string, string[]> = {};
  for (const use of contributionIds(contributes)) {
    const point = String(use.path[0]);
    (summary[point] ??= []).push(use.id);
  }
  return summary;
}

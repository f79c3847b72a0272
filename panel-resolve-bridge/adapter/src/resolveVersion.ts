/** Resolve's version as [major, minor, patch]; unknown parts are 0. */
export type ResolveVersion = readonly [number, number, number];

/** Reads `GetVersion()`'s [major, minor, patch, build, suffix]; anything else counts as 0.0.0. */
export function resolveVersion(answer: unknown): ResolveVersion {
  if (!Array.isArray(answer) && (typeof answer !== "object" || answer === null)) return [0, 0, 0];
  // Lua tables and some bridges hand lists over as {1: major, 2: minor, ...} or {0: major, ...}.
  const list = Array.isArray(answer) ? answer : Object.values(answer as Record<string, unknown>);
  const part = (index: number): number => {
    const value = Number(list[index]);
    return Number.isInteger(value) && value >= 0 ? value : 0;
  };
  return [part(0), part(1), part(2)];
}

export function versionAtLeast(version: ResolveVersion, minimum: ResolveVersion): boolean {
  for (let i = 0; i < 3; i++) {
    if (version[i] !== minimum[i]) return (version[i] as number) > (minimum[i] as number);
  }
  return true;
}

/** Where the API grew the calls the bridge uses. */
export const RESOLVE_API = {
  mediaPoolSelection: [19, 0, 2],
  timelineSelection: [21, 0, 4],
  metadataDict: [21, 1, 0],
} as const satisfies Record<string, ResolveVersion>;

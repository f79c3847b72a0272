import { compareVersions, parsePrerelease, parseVersion, PRERELEASE_PATTERN, type SemVer } from "./SemVer.ts";

type Operator = "<" | "<=" | ">" | ">=" | "=";
interface Comparator {
  readonly operator: Operator;
  readonly version: SemVer;
}
/** Comparators that must all hold; a range is satisfied when any one set is. */
type ComparatorSet = readonly Comparator[];
export type Range = readonly ComparatorSet[];

/** A version with `*`, `x` or missing parts; `undefined` marks a wildcard. */
interface Partial {
  readonly major?: number;
  readonly minor?: number;
  readonly patch?: number;
  readonly prerelease: readonly (string | number)[];
}

const PART = "0|[1-9]\\d*|[xX*]";
const PARTIAL = new RegExp(
  `^v?(${PART})(?:\\.(${PART})(?:\\.(${PART})(?:-(${PRERELEASE_PATTERN}))?(?:\\+[0-9A-Za-z.-]+)?)?)?$`,
);
const COMPARATOR = /^(<=|>=|<|>|=|\^|~)?(.*)$/;
const HYPHEN = /^(\S+)\s+-\s+(\S+)$/;

/**
 * Parses the node-semver range forms extension authors actually write: exact, `^`, `~`, `>=`/`<`
 * and friends, x-ranges, hyphen ranges, space-separated AND and `||`. Returns undefined for
 * anything else so the manifest can say which field is wrong instead of guessing.
 */
export function parseRange(text: string): Range | undefined {
  const sets: ComparatorSet[] = [];
  for (const alternative of text.split("||")) {
    const set = parseSet(alternative.trim());
    if (set === undefined) return undefined;
    sets.push(set);
  }
  return sets;
}

function parseSet(text: string): ComparatorSet | undefined {
  if (text === "") return [];
  const hyphen = HYPHEN.exec(text);
  if (hyphen !== null) {
    const low = parsePartial(hyphen[1]!);
    const high = parsePartial(hyphen[2]!);
    if (low === undefined || high === undefined) return undefined;
    return [...atLeast(low), ...hyphenUpper(high)];
  }
  // ">= 1.2.3" is common in hand-written manifests; glue operators to their version first.
  const tokens = text.replace(/(<=|>=|<|>|=|\^|~)\s+/g, "$1").split(/\s+/);
  const set: Comparator[] = [];
  for (const token of tokens) {
    const match = COMPARATOR.exec(token)!;
    const partial = parsePartial(match[2]!);
    if (partial === undefined) return undefined;
    set.push(...desugar((match[1] ?? "=") as Operator | "^" | "~", partial));
  }
  return set;
}

function parsePartial(text: string): Partial | undefined {
  const match = PARTIAL.exec(text);
  if (match === null) return undefined;
  const parts = [match[1], match[2], match[3]].map((p) =>
    p === undefined || /^[xX*]$/.test(p) ? undefined : Number(p),
  );
  // "1.x.3" is ambiguous; refuse rather than silently read it as "1.x".
  const firstWildcard = parts.findIndex((p) => p === undefined);
  if (firstWildcard !== -1 && parts.slice(firstWildcard).some((p) => p !== undefined)) return undefined;
  if (match[4] !== undefined && parts[2] === undefined) return undefined;
  return { major: parts[0], minor: parts[1], patch: parts[2], prerelease: parsePrerelease(match[4]) };
}

const v = (major: number, minor: number, patch: number, prerelease: readonly (string | number)[] = []): SemVer => ({
  major,
  minor,
  patch,
  prerelease,
});
const c = (operator: Operator, version: SemVer): Comparator => ({ operator, version });
/** `<x.y.z-0` keeps prereleases of the next version out, as node-semver does. */
const below = (major: number, minor: number, patch: number): Comparator => c("<", v(major, minor, patch, [0]));
const NOTHING: ComparatorSet = [below(0, 0, 0)];

function desugar(operator: Operator | "^" | "~", p: Partial): ComparatorSet {
  const { major, minor, patch } = p;
  if (major === undefined) return operator === "<" || operator === ">" ? NOTHING : [];
  switch (operator) {
    case "=":
      if (minor === undefined) return [c(">=", v(major, 0, 0)), below(major + 1, 0, 0)];
      if (patch === undefined) return [c(">=", v(major, minor, 0)), below(major, minor + 1, 0)];
      return [c("=", v(major, minor, patch, p.prerelease))];
    case "~":
      if (minor === undefined) return [c(">=", v(major, 0, 0)), below(major + 1, 0, 0)];
      return [c(">=", v(major, minor, patch ?? 0, p.prerelease)), below(major, minor + 1, 0)];
    case "^":
      return caret(major, minor, patch, p.prerelease);
    case ">":
      if (minor === undefined) return [c(">=", v(major + 1, 0, 0))];
      if (patch === undefined) return [c(">=", v(major, minor + 1, 0))];
      return [c(">", v(major, minor, patch, p.prerelease))];
    case ">=":
      return atLeast(p);
    case "<":
      if (minor === undefined) return [below(major, 0, 0)];
      if (patch === undefined) return [below(major, minor, 0)];
      return [c("<", v(major, minor, patch, p.prerelease))];
    case "<=":
      return hyphenUpper(p);
  }
}

/** `^` allows changes that do not touch the leftmost non-zero part. */
function caret(
  major: number,
  minor: number | undefined,
  patch: number | undefined,
  prerelease: readonly (string | number)[],
): ComparatorSet {
  if (minor === undefined) return [c(">=", v(major, 0, 0)), below(major + 1, 0, 0)];
  const low = c(">=", v(major, minor, patch ?? 0, prerelease));
  if (major > 0) return [low, below(major + 1, 0, 0)];
  if (patch === undefined || minor > 0) return [low, below(0, minor + 1, 0)];
  return [low, below(0, 0, patch + 1)];
}

function atLeast(p: Partial): ComparatorSet {
  if (p.major === undefined) return [];
  return [c(">=", v(p.major, p.minor ?? 0, p.patch ?? 0, p.prerelease))];
}

/** Upper end of `<=` and of hyphen ranges: a partial version includes everything it names. */
function hyphenUpper(p: Partial): ComparatorSet {
  if (p.major === undefined) return [];
  if (p.minor === undefined) return [below(p.major + 1, 0, 0)];
  if (p.patch === undefined) return [below(p.major, p.minor + 1, 0)];
  return [c("<=", v(p.major, p.minor, p.patch, p.prerelease))];
}

function test(comparator: Comparator, version: SemVer): boolean {
  const order = compareVersions(version, comparator.version);
  switch (comparator.operator) {
    case "<":
      return order < 0;
    case "<=":
      return order <= 0;
    case ">":
      return order > 0;
    case ">=":
      return order >= 0;
    case "=":
      return order === 0;
  }
}

/**
 * node-semver's rule: a prerelease only matches when some comparator names a prerelease of the same
 * x.y.z, so `^1.0.0` never pulls in `2.0.0-beta` and an opt-in is always explicit.
 */
function setAllows(set: ComparatorSet, version: SemVer): boolean {
  if (!set.every((comparator) => test(comparator, version))) return false;
  if (version.prerelease.length === 0) return true;
  return set.some(
    ({ version: bound }) =>
      bound.prerelease.length > 0 &&
      bound.major === version.major &&
      bound.minor === version.minor &&
      bound.patch === version.patch,
  );
}

/** Whether `version` lies in `range`; false when either does not parse. */
export function satisfies(version: string, range: string): boolean {
  const parsedVersion = parseVersion(version);
  const parsedRange = parseRange(range);
  if (parsedVersion === undefined || parsedRange === undefined) return false;
  return parsedRange.some((set) => setAllows(set, parsedVersion));
}

export function isValidRange(range: string): boolean {
  return parseRange(range) !== undefined;
}

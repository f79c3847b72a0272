/** A parsed semantic version. Build metadata is dropped: it never affects precedence. */
export interface SemVer {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  readonly prerelease: readonly (string | number)[];
}

const NUMBER = "0|[1-9]\\d*";
const IDENTIFIER = "(?:0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*)";
const BUILD = "[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*";

/** Prerelease identifiers as semver.org defines them (no leading zeros in numeric ones). */
export const PRERELEASE_PATTERN = `${IDENTIFIER}(?:\\.${IDENTIFIER})*`;

/** The strict x.y.z form, shared with the manifest's `version` field so both agree. */
export const VERSION_PATTERN = `^(${NUMBER})\\.(${NUMBER})\\.(${NUMBER})(?:-(${PRERELEASE_PATTERN}))?(?:\\+${BUILD})?$`;

const VERSION = new RegExp(VERSION_PATTERN);

export function parseVersion(text: string): SemVer | undefined {
  const match = VERSION.exec(text.trim());
  if (match === null) return undefined;
  return {
    major: Number(match[1]),
    minor: Number(match[2]),
    patch: Number(match[3]),
    prerelease: parsePrerelease(match[4]),
  };
}

export function parsePrerelease(text: string | undefined): (string | number)[] {
  if (text === undefined || text === "") return [];
  return text.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Precedence per semver.org section 11: a prerelease sorts before its release. */
export function compareVersions(a: SemVer, b: SemVer): -1 | 0 | 1 {
  const core = compareNumbers(a.major, b.major) || compareNumbers(a.minor, b.minor) || compareNumbers(a.patch, b.patch);
  if (core !== 0) return core;
  if (a.prerelease.length === 0 && b.prerelease.length === 0) return 0;
  if (a.prerelease.length === 0) return 1;
  if (b.prerelease.length === 0) return -1;
  const length = Math.max(a.prerelease.length, b.prerelease.length);
  for (let i = 0; i < length; i++) {
    const x = a.prerelease[i];
    const y = b.prerelease[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const order = compareIdentifiers(x, y);
    if (order !== 0) return order;
  }
  return 0;
}

function compareIdentifiers(x: string | number, y: string | number): -1 | 0 | 1 {
  if (typeof x === "number" && typeof y === "number") return compareNumbers(x, y);
  // Numeric identifiers always have lower precedence than alphanumeric ones.
  if (typeof x === "number") return -1;
  if (typeof y === "number") return 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareNumbers(x: number, y: number): -1 | 0 | 1 {
  return x < y ? -1 : x > y ? 1 : 0;
}

export function formatVersion(version: SemVer): string {
  const core = `${version.major}.${version.minor}.${version.patch}`;
  return version.prerelease.length === 0 ? core : `${core}-${version.prerelease.join(".")}`;
}

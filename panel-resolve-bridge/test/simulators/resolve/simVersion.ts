/** A Resolve version as `GetVersion()` answers it: [major, minor, patch, build, suffix]. */
export type VersionFields = readonly [number, number, number, number, string];

/** Parses "21.1", "19.0.2" or "21.0.4.7" into version fields (missing parts are 0, suffix ""). */
export function versionFields(text: string): VersionFields {
  const parts = text.split(".").map((part) => Number(part));
  if (parts.length === 0 || parts.some((part) => !Number.isInteger(part) || part < 0)) {
    throw new RangeError(`"${text}" is not a Resolve version`);
  }
  return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 0, ""];
}

/** True when `version` is `minimum` or later (build and suffix do not count). */
export function atLeast(version: VersionFields, minimum: string): boolean {
  const wanted = versionFields(minimum);
  for (let i = 0; i < 3; i++) {
    const a = version[i] as number;
    const b = wanted[i] as number;
    if (a !== b) return a > b;
  }
  return true;
}

/** The API levels the simulator tells apart, as REFERENCE-level facts about Resolve's scripting API. */
export const API_LEVELS = {
  /** `MediaPool.GetSelectedClips()`, `MediaPool.SetSelectedClip()` and the subframe argument of GetStart/GetEnd/GetLeftOffset. */
  mediaPoolSelection: "19.0.2",
  /** `Timeline.GetSelectedClips()`. */
  timelineSelection: "21.0.4",
  /** `SetMetadata({field: value})` and `GetMetadata()` answering a dict; the key/value forms are deprecated from here on. */
  metadataDict: "21.1",
} as const;

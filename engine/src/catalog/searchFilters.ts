import { ErrorCode } from "@sichter/shared/errors";
import { SichterError } from "../core/SichterError.ts";

/** Checks of search filters both backends share, so a bad filter is refused alike everywhere. */
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 1000;

export function checkList<T extends string>(
  name: string,
  values: readonly string[] | undefined,
  known: readonly T[],
): T[] | undefined {
  if (values === undefined) return undefined;
  if (values.length === 0) throw new SichterError(ErrorCode.QUERY_INVALID, { detail: `empty ${name} filter` });
  for (const value of values) {
    if (!known.includes(value as T)) {
      throw new SichterError(ErrorCode.QUERY_INVALID, {
        detail: `unknown ${name} "${value}" (known: ${known.join(", ")})`,
      });
    }
  }
  return [...new Set(values)] as T[];
}

export function checkLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new SichterError(ErrorCode.QUERY_INVALID, { detail: `limit must be 1..${MAX_LIMIT}, got ${limit}` });
  }
  return limit;
}

/** analysedSince as an ISO instant, or QUERY_INVALID. */
export function checkSince(since: string): string {
  const time = Date.parse(since);
  if (Number.isNaN(time))
    throw new SichterError(ErrorCode.QUERY_INVALID, { detail: `analysedSince is not a date: ${since}` });
  return new Date(time).toISOString();
}

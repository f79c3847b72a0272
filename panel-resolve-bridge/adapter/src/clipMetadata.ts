import type { MediaPoolItem } from "./ResolveApi.ts";

/** The clip metadata fields Sichter writes (names as Resolve's Metadata panel has them). */
export type MetadataField = "Keywords" | "Description" | "Comments";

/**
 * Reads one field: the 21.1 form first (`GetMetadata()` answers a dict of the fields that hold a
 * value; a field missing from it is empty), the older `GetMetadata(field)` where there is no dict.
 * Null when neither form answers.
 */
export async function readField(item: MediaPoolItem, field: MetadataField): Promise<string | null> {
  const all = await attempt(() => item.GetMetadata());
  if (typeof all === "object" && all !== null && !Array.isArray(all)) {
    const value = (all as Record<string, unknown>)[field];
    return typeof value === "string" ? value : "";
  }
  const one = await attempt(() => item.GetMetadata(field));
  return typeof one === "string" ? one : null;
}

export type FieldWrite =
  | { readonly status: "written"; readonly value: string }
  /** Both call forms answered false (or failed). */
  | { readonly status: "refused" }
  /** A form answered true, and reading back gave `found` (some fields accept a write and keep nothing). */
  | { readonly status: "not-kept"; readonly found: string | null };

/**
 * Writes one field and reads it back: `SetMetadata({field: value})` (21.1) first, then the older
 * `SetMetadata(field, value)` when the dict form is refused or its value did not stay.
 */
export async function writeField(item: MediaPoolItem, field: MetadataField, value: string): Promise<FieldWrite> {
  let accepted = false;
  let found: string | null = null;
  const forms = [() => item.SetMetadata({ [field]: value }), () => item.SetMetadata(field, value)];
  for (const form of forms) {
    if (!(await attempt(form))) continue;
    accepted = true;
    found = await readField(item, field);
    if (found === value) return { status: "written", value };
  }
  return accepted ? { status: "not-kept", found } : { status: "refused" };
}

/** A call a version does not have may throw instead of answering None: both mean "not here". */
async function attempt(call: () => unknown): Promise<unknown> {
  try {
    return await call();
  } catch {
    return undefined;
  }
}

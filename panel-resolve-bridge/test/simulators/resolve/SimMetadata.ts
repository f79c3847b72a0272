/**
 * Clip metadata fields of Resolve's Metadata panel that the simulator knows. `SetMetadata` writes
 * only fields that exist: it never creates one.
 */
export const METADATA_FIELDS = [
  "Description",
  "Comments",
  "Keywords",
  "People",
  "Shot",
  "Scene",
  "Take",
  "Angle",
  "Good Take",
  "Reel Number",
  "Camera #",
  "Clip Name",
] as const;

/** Which call forms this Resolve answers. */
export interface MetadataForms {
  /** `SetMetadata({field: value})` and `GetMetadata()` → dict (21.1 on). */
  readonly dict: boolean;
  /** `SetMetadata(field, value)` and `GetMetadata(field)` (deprecated in 21.1; a later Resolve may drop them). */
  readonly keyValue: boolean;
}

/**
 * The metadata of one media pool item. Fields named in `notKept` answer a write with true and do not
 * keep it: the documented trap that makes every write need a read-back.
 */
export class SimMetadata {
  private readonly values = new Map<string, string>();

  constructor(
    private readonly forms: MetadataForms,
    private readonly notKept: ReadonlySet<string>,
  ) {}

  /** `GetMetadata(field)`, or `GetMetadata()` for the dict of every field that holds a value. */
  get(field?: unknown): unknown {
    if (field === undefined) {
      if (!this.forms.dict) return undefined;
      return Object.fromEntries([...this.values.entries()].filter(([, value]) => value !== ""));
    }
    if (!this.forms.keyValue || typeof field !== "string") return undefined;
    return this.values.get(field) ?? "";
  }

  /** `SetMetadata(field, value)` or `SetMetadata({field: value, ...})`; all or nothing for a dict. */
  set(fieldOrDict: unknown, value?: unknown): boolean {
    if (typeof fieldOrDict === "string") {
      if (!this.forms.keyValue || typeof value !== "string" || !isField(fieldOrDict)) return false;
      this.write(fieldOrDict, value);
      return true;
    }
    if (!this.forms.dict || typeof fieldOrDict !== "object" || fieldOrDict === null || value !== undefined)
      return false;
    const entries = Object.entries(fieldOrDict);
    if (entries.length === 0 || entries.some(([field, v]) => !isField(field) || typeof v !== "string")) return false;
    for (const [field, v] of entries) this.write(field, v as string);
    return true;
  }

  /** For tests: what the field really holds now. */
  peek(field: string): string {
    return this.values.get(field) ?? "";
  }

  /** For tests: puts a value in as an editor typing it would. */
  type(field: string, value: string): void {
    this.values.set(field, value);
  }

  private write(field: string, value: string): void {
    if (!this.notKept.has(field)) this.values.set(field, value);
  }
}

function isField(name: string): boolean {
  return (METADATA_FIELDS as readonly string[]).includes(name);
}

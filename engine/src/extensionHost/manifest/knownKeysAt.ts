import type { z } from "zod";

interface Def {
  readonly type: string;
  readonly shape?: Record<string, z.ZodType>;
  readonly element?: z.ZodType;
  readonly innerType?: z.ZodType;
  readonly valueType?: z.ZodType;
  readonly in?: z.ZodType;
}

const defOf = (schema: z.ZodType): Def => schema._zod.def as unknown as Def;

/**
 * The keys the schema accepts for the object at `path`, so an unknown key can be answered with the
 * list of right ones (a typo like "timeoutSecond" then explains itself). Empty when unknown.
 */
export function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: z.ZodType | undefined = unwrap(schema);
  for (const key of path) {
    if (current === undefined) return [];
    const def = defOf(current);
    if (def.type === "object") current = def.shape?.[String(key)];
    else if (def.type === "array") current = def.element;
    else if (def.type === "record") current = def.valueType;
    else return [];
    current = current === undefined ? undefined : unwrap(current);
  }
  const def = current === undefined ? undefined : defOf(current);
  return def?.type === "object" ? Object.keys(def.shape ?? {}) : [];
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    const inner = def.innerType ?? (def.type === "pipe" ? def.in : undefined);
    if (inner === undefined) return current;
    current = inner;
  }
}

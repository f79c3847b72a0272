/**
 * Keys that reach an object's prototype when code copies or merges params (`Object.assign`, a
 * spread into a settings object, a naive deep merge). `JSON.parse` keeps `"__proto__"` as an own
 * key, and zod's strict objects let it through, so params are searched for them before any schema.
 */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Where the first prototype key sits in a parsed JSON value, as a path like
 * `params.args[0].__proto__`; undefined when there is none. Iterative, so a deeply nested message
 * cannot overflow the stack.
 */
export function findPrototypeKey(value: unknown, root: string): string | undefined {
  const pending: Array<{ value: unknown; path: string }> = [{ value, path: root }];
  while (pending.length > 0) {
    const { value: current, path } = pending.pop()!;
    if (current === null || typeof current !== "object") continue;
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) pending.push({ value: current[i], path: `${path}[${i}]` });
      continue;
    }
    const keys = Object.keys(current);
    for (const key of keys) {
      if (PROTOTYPE_KEYS.has(key)) return `${path}.${key}`;
    }
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      pending.push({ value: (current as Record<string, unknown>)[key], path: `${path}.${key}` });
    }
  }
  return undefined;
}

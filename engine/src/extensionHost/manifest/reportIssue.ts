import type { z } from "zod";

/**
 * Adds a refinement issue in the form `manifestIssues` turns into a FieldIssue: zod's own issues say
 * "Invalid input", which tells an extension author nothing about what would have been right.
 */
export function reportIssue(
  ctx: z.core.$RefinementCtx<unknown>,
  expected: string,
  options: { readonly path?: readonly PropertyKey[]; readonly found?: string; readonly sentence?: string } = {},
): void {
  ctx.addIssue({
    code: "custom",
    message: options.sentence ?? `expected ${expected}`,
    ...(options.path === undefined ? {} : { path: [...options.path] }),
    params: { expected, found: options.found, sentence: options.sentence },
  });
}

import { z } from "zod";
import { duplicateContributionIds } from "./contributionIds.ts";
import { formatFieldPath } from "./FieldIssue.ts";
import { reportIssue } from "./reportIssue.ts";
import { VERSION_PATTERN } from "./SemVer.ts";
import { SichterSection } from "./SichterSection.ts";

/**
 * An extension's package.json. Only `sichter` is strict: the rest of package.json belongs to npm
 * and other tools, so unknown top-level keys (scripts, dependencies, ...) are left alone.
 */
export const ExtensionManifest = z
  .object({
    name: z
      .string()
      .max(214)
      .regex(/^[a-z0-9][a-z0-9._-]*$/, 'a lowercase npm package name without scope (a-z, 0-9, ".", "_", "-")')
      .describe("Package name; the extension id is <publisher>.<name>."),
    version: z
      .string()
      .regex(new RegExp(VERSION_PATTERN), 'a semver version "x.y.z", optionally with a prerelease ("1.0.0-beta.1")'),
    publisher: z
      .string()
      .max(100)
      .regex(/^[a-z][a-z0-9-]*$/, 'a lowercase publisher id (starts with a-z; a-z, 0-9, "-")')
      .describe("Who publishes the extension, e.g. your newsroom's short name."),
    displayName: z.string().min(1).max(100).optional(),
    description: z.string().max(1000).optional(),
    sichter: SichterSection,
  })
  .superRefine((manifest, ctx) => {
    const contributes = manifest.sichter?.contributes;
    if (contributes === undefined) return;
    for (const { duplicate, first } of duplicateContributionIds(contributes)) {
      const firstField = formatFieldPath(["sichter", "contributes", ...first.path]);
      reportIssue(ctx, `an id not used elsewhere in this manifest`, {
        path: ["sichter", "contributes", ...duplicate.path],
        found: `"${duplicate.id}", already used at ${firstField}`,
      });
    }
  })
  .meta({
    title: "Sichter extension manifest",
    description: "The package.json of a Sichter extension. Generated from the engine's zod schemas; do not edit.",
  });
export type ExtensionManifest = z.infer<typeof ExtensionManifest>;
export type ExtensionManifestInput = z.input<typeof ExtensionManifest>;

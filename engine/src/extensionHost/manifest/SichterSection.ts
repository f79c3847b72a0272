import { z } from "zod";
import { ActivationEvent } from "./ActivationEvent.ts";
import { Contributes } from "./Contributes.ts";
import { relativePathInside } from "./RelativePath.ts";
import { reportIssue } from "./reportIssue.ts";
import { isValidRange } from "./satisfies.ts";

export const MAIN_EXTENSIONS = [".js", ".mjs", ".cjs", ".ts"] as const;

const EngineRange = z
  .string()
  .min(1)
  .superRefine((range, ctx) => {
    if (!isValidRange(range))
      reportIssue(ctx, 'a semver range such as "^1.2.0", "~1.2", ">=1.0.0 <2.0.0", "1.x" or "^1.0.0 || ^2.0.0"');
  })
  .describe("Sichter versions the extension works with (a semver range).");

/** The kinds that run code; an extension contributing only vocabularies or settings needs no `main`. */
const CODE_KINDS = ["analyzers", "keywordProviders", "tagWriters", "commands"] as const;

/**
 * Capabilities beyond the extension's own folder and storage. Each one is listed in the manifest, so
 * a user sees it before installing. "onnxRuntime": `api.onnx` (onnxruntime-node, a native addon and
 * so outside Node's permission model). "catalog": `api.catalog`, catalogued clips and their plans,
 * read through the engine while one of the extension's commands runs.
 */
export const PERMISSIONS = ["onnxRuntime", "catalog"] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** The `sichter` field of an extension's package.json. */
export const SichterSection = z
  .strictObject({
    engines: z.strictObject({ sichter: EngineRange }),
    main: relativePathInside(MAIN_EXTENSIONS)
      .optional()
      .describe("The extension's entry module, relative to its folder."),
    activationEvents: z
      .array(ActivationEvent)
      .default(() => [])
      .describe("Extra activation events; contributed analyzers, providers, writers and commands imply their own."),
    contributes: Contributes.prefault({}),
    permissions: z
      .array(z.enum(PERMISSIONS))
      .default(() => [])
      .describe(
        'Capabilities beyond the extension\'s folder and storage. "onnxRuntime": `api.onnx`, the ONNX runtime (a native addon, outside Node\'s permission model). "catalog": `api.catalog`, catalogued clips and their plans, read through the engine.',
      ),
  })
  .superRefine((section, ctx) => {
    if (section.main !== undefined) return;
    const kind = CODE_KINDS.find((k) => (section.contributes?.[k]?.length ?? 0) > 0);
    const reason =
      kind !== undefined
        ? `it contributes ${kind}`
        : section.activationEvents?.length
          ? "it declares activation events"
          : undefined;
    if (reason !== undefined) {
      reportIssue(ctx, `an entry module (${MAIN_EXTENSIONS.join(", ")}) because ${reason}`, {
        path: ["main"],
        found: "nothing",
      });
    }
  });
export type SichterSection = z.infer<typeof SichterSection>;

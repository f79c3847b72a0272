import type { ParseArgsConfig } from "node:util";
import { usageError } from "./parseCommandArgs.ts";

/** The options of `sichter analyze`; `sichter queue add` takes the same, meaning the same. */
export const ANALYSIS_OPTIONS = {
  json: { type: "boolean" },
  sidecar: { type: "boolean" },
  embed: { type: "boolean" },
  "no-write": { type: "boolean" },
  lang: { type: "string" },
  exact: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const satisfies NonNullable<ParseArgsConfig["options"]>;

export interface AnalysisChoices {
  readonly language: "de" | "en";
  /** Where the accepted keywords go: an XMP sidecar, into the file, or nowhere. */
  readonly write: "sidecar" | "embed" | "none";
  readonly exact: boolean;
}

/** What the parsed options ask for, refused with SICHTER_E_USAGE when they contradict each other. */
export function analysisChoices(
  values: {
    readonly sidecar?: boolean;
    readonly embed?: boolean;
    readonly "no-write"?: boolean;
    readonly lang?: string;
    readonly exact?: boolean;
  },
  locale: string,
): AnalysisChoices {
  if ([values.sidecar, values.embed, values["no-write"]].filter(Boolean).length > 1)
    throw usageError("choose one of --sidecar, --embed and --no-write");
  const language = values.lang ?? locale;
  if (language !== "de" && language !== "en") throw usageError(`--lang must be de or en, not "${values.lang}"`);
  return {
    language,
    write: values.embed ? "embed" : values["no-write"] ? "none" : "sidecar",
    exact: values.exact === true,
  };
}

import { ErrorCode, SichterError, checkInputFile } from "@sichter/engine/extension-api";
import { asArray, parseXmpTracks } from "./parseXmpTracks.ts";
import { sharedExifTool } from "./sharedExifTool.ts";
import type { XmpContent } from "./XmpTypes.ts";

/** What exiftool said besides the tags; the writer refuses to merge into XMP it could not read cleanly. */
export interface XmpReadResult {
  content: XmpContent;
  warnings: string[];
}

const READ_ARGS = [
  // Structures as JSON objects, not flattened tags: the only faithful view of nested markers.
  "-struct",
  // Quote every value: a keyword "1.50" or "007" must not come back as the number 1.5 or 7.
  "-api",
  "StructFormat=JSONQ",
  "-XMP:all",
];

/**
 * Reads Sichter-relevant XMP (keywords, description, log comment, marker tracks) from a sidecar or
 * a media file. Used to merge before writing and by the catalog / CLI to show what is there.
 */
export async function readXmp(file: string): Promise<XmpContent> {
  return (await readXmpWithWarnings(file)).content;
}

export async function readXmpWithWarnings(file: string): Promise<XmpReadResult> {
  const checked = await checkInputFile(file);
  let tags: Record<string, unknown>;
  try {
    tags = (await sharedExifTool().readRaw(checked.path, {
      readArgs: READ_ARGS,
      ignoreMinorErrors: false,
      useMWG: false,
    })) as unknown as Record<string, unknown>;
  } catch (error) {
    throw new SichterError(
      ErrorCode.XMP_WRITE_FAILED,
      { path: checked.path, detail: `cannot read existing metadata: ${(error as Error).message}` },
      { cause: error },
    );
  }
  const descriptions: Record<string, string> = {};
  for (const [key, value] of Object.entries(tags)) {
    if (key === "Description") descriptions["x-default"] = String(value);
    else if (key.startsWith("Description-")) descriptions[key.slice("Description-".length)] = String(value);
  }
  const tracks = parseXmpTracks(tags.Tracks);
  const warnings = [...asArray(tags.warnings), ...asArray(tags.errors)].map(String);
  return {
    content: {
      keywords: asArray(tags.Subject).map(String),
      description: descriptions["x-default"] ?? null,
      descriptions,
      logComment: tags.LogComment === undefined ? null : String(tags.LogComment),
      controlledTerms: asArray(tags.AboutCvTerm).flatMap((t) => {
        const term = t as { CvId?: unknown; CvTermId?: unknown; CvTermName?: unknown };
        return typeof term.CvTermId === "string"
          ? [
              {
                vocabulary: typeof term.CvId === "string" ? term.CvId : null,
                id: term.CvTermId,
                name: typeof term.CvTermName === "string" ? term.CvTermName : null,
              },
            ]
          : [];
      }),
      markers: tracks.flatMap((t) => t.markers),
      tracks,
    },
    warnings,
  };
}

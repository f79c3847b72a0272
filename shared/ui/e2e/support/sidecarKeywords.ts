import { ExifTool } from "exiftool-vendored";

/**
 * The keywords (dc:subject) an XMP file holds, read by exiftool as the engine's XMP writer reads
 * them: structures as JSON with every value quoted, so "007" stays a string.
 */
export async function sidecarKeywords(file: string): Promise<string[]> {
  const exiftool = new ExifTool({ taskRetries: 0, ignoreMinorErrors: false, useMWG: false });
  try {
    const tags = (await exiftool.readRaw(file, {
      readArgs: ["-struct", "-api", "StructFormat=JSONQ", "-XMP:all"],
      ignoreMinorErrors: false,
      useMWG: false,
    })) as Record<string, unknown>;
    const subject = tags.Subject;
    return subject === undefined ? [] : (Array.isArray(subject) ? subject : [subject]).map(String);
  } finally {
    await exiftool.end();
  }
}

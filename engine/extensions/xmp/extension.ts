import type { TagPlan, CancellationToken, ExtensionContext, SichterApi } from "@sichter/engine/extension-api";
import { disposeExifTool, writeXmp } from "./index.ts";

export function activate(_context: ExtensionContext, api: SichterApi): void {
  api.tagWriters.register("sichter.xmp", {
    async write(plan, clip, token) {
      const { metadata, language } = clip.request;
      if (metadata === "none") return { sidecar: null, embedded: false };
      const report = await writeXmp(plan as TagPlan, { target: metadata, language }, token as CancellationToken);
      return {
        target: report.sidecar ?? clip.path,
        sidecar: report.sidecar,
        embedded: report.embedded,
        keywordsAdded: report.keywordsAdded.length,
        markersWritten: report.markersWritten,
      };
    },
  });
}

/** exiftool stays up for every clip of a run; it ends with the extension. */
export async function deactivate(): Promise<void> {
  await disposeExifTool();
}

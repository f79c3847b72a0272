import type { ExtensionContext, SichterApi } from "@sichter/engine/extension-api";
import { exportClip, type ExportFormat } from "./exportClip.ts";

const FORMATS: readonly ExportFormat[] = ["csv", "edl", "json"];

/**
 * One command per format, so a panel lists "Export markers as EDL" as its own button. The clip and
 * its plan come from the engine (`api.catalog`, the manifest's "catalog" permission): the extension
 * only writes the format, and never holds the catalog open itself.
 */
export function activate(context: ExtensionContext, api: SichterApi): void {
  const catalog = api.catalog;
  if (!catalog) throw new Error('the exports need the "catalog" permission in their manifest');
  for (const format of FORMATS) {
    context.subscriptions.push(
      api.commands.register(`sichter.export.${format}`, async (...args: unknown[]) => {
        const { clip, language } = (args[0] ?? {}) as { clip?: unknown; language?: unknown };
        if (typeof clip !== "string" && typeof clip !== "number")
          throw new Error("the command needs { clip: <catalog id or path> }");
        return exportClip(await catalog.plan(clip, language === "de" ? "de" : "en"), format);
      }),
    );
  }
}

import { openCatalog } from "../../src/catalog/openCatalog.ts";
import type { ExtensionContext, SichterApi } from "@sichter/engine/extension-api";
import { exportClip, type ExportFormat } from "./exportClip.ts";

const FORMATS: readonly ExportFormat[] = ["csv", "edl", "json"];

/**
 * One command per format, so a panel lists "Export markers as EDL" as its own button. Each run
 * opens the catalog read-side for the moment it needs it: an export is rare, and a catalog kept
 * open here would hold a file handle for nothing between exports.
 */
export function activate(context: ExtensionContext, api: SichterApi): void {
  for (const format of FORMATS) {
    context.subscriptions.push(
      api.commands.register(`sichter.export.${format}`, async (...args: unknown[]) => {
        const { clip, language } = (args[0] ?? {}) as { clip?: unknown; language?: unknown };
        if (typeof clip !== "string" && typeof clip !== "number") throw new Error("the command needs { clip: <catalog id or path> }");
        const catalog = await openCatalog();
        try {
          return await exportClip(catalog, clip, format, language === "de" ? "de" : "en");
        } finally {
          catalog.dispose();
        }
      }),
    );
  }
}

import { ErrorCode } from "@sichter/shared/protocol";
import { SichterError } from "../../core/SichterError.ts";
import { contributionSummary } from "../../extensions/contributionSummary.ts";
import { ExtensionRegistry } from "../../extensions/ExtensionRegistry.ts";
import { ExtensionState } from "../../extensions/ExtensionState.ts";
import { BUILTIN_EXTENSIONS_DIR, extensionDirs } from "../../extensions/extensionDirs.ts";
import { installExtension, uninstallExtension } from "../../extensions/installExtension.ts";
import { ENGINE_VERSION } from "../../version.ts";
import type { CliContext } from "../CliContext.ts";
import { parseCommandArgs, usageError } from "../parseCommandArgs.ts";

export const extensionsHelp = `Usage: sichter extensions <list | install <folder or .tgz> | enable <id> | disable <id> | uninstall <id>> [--json]

Extensions add analyzers, keyword providers, tag writers, vocabularies and panel commands.
Installed ones live in SICHTER_HOME; each runs in a process of its own that may read only its
own folder and write only its own storage. A broken extension is listed with the reason and
skipped; the engine and the other extensions go on.`;

export async function extensionsCommand(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs("extensions", args, {
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    context.stdout.write(`${extensionsHelp}\n`);
    return 0;
  }
  const [action = "list", target] = positionals;
  const dirs = extensionDirs();
  const registry = (): ExtensionRegistry =>
    ExtensionRegistry.load({ builtinDirs: [BUILTIN_EXTENSIONS_DIR], ...dirs, engineVersion: ENGINE_VERSION });
  const needTarget = (): string => {
    if (!target) throw usageError(`sichter extensions ${action} needs ${action === "install" ? "a folder or .tgz" : "an extension id"}`);
    return target;
  };
  const known = (id: string): void => {
    if (!registry().extensions.some((e) => e.id === id)) throw new SichterError(ErrorCode.EXTENSION_NOT_FOUND, { extension: id });
  };
  const de = context.locale === "de";

  switch (action) {
    case "list": {
      const loaded = registry();
      if (values.json) {
        const rows = loaded.extensions.map((e) => ({
          id: e.id, version: e.manifest.version, builtin: e.builtin, enabled: e.enabled, folder: e.folder,
          contributes: contributionSummary(e.manifest.sichter.contributes),
        }));
        const problems = loaded.problems.map((p) => ({ folder: p.folder, code: p.error.code, message: p.error.localizedMessage(context.locale) }));
        context.stdout.write(`${JSON.stringify({ extensions: rows, problems }, null, 2)}\n`);
        return 0;
      }
      for (const e of loaded.extensions) {
        const state = e.enabled ? (de ? "aktiviert" : "enabled") : de ? "deaktiviert" : "disabled";
        context.stdout.write(`${e.id} ${e.manifest.version}  ${state}${e.builtin ? (de ? ", eingebaut" : ", built-in") : ""}  ${e.folder}\n`);
      }
      for (const p of loaded.problems) context.stderr.write(`${p.error.code}: ${p.error.localizedMessage(context.locale)}\n`);
      if (loaded.extensions.length === 0 && loaded.problems.length === 0) context.stdout.write(de ? "Keine Erweiterungen installiert.\n" : "No extensions installed.\n");
      return 0;
    }
    case "install": {
      const installed = installExtension(needTarget(), dirs.userDir, ENGINE_VERSION);
      context.stdout.write(de ? `${installed.id} ${installed.version} installiert.\n` : `Installed ${installed.id} ${installed.version}.\n`);
      return 0;
    }
    case "enable":
    case "disable": {
      const id = needTarget();
      known(id);
      ExtensionState.load(dirs.configDir).setEnabled(id, action === "enable");
      context.stdout.write(`${id}: ${action === "enable" ? (de ? "aktiviert" : "enabled") : de ? "deaktiviert" : "disabled"}\n`);
      return 0;
    }
    case "uninstall": {
      const id = needTarget();
      uninstallExtension(id, dirs.userDir);
      ExtensionState.load(dirs.configDir).forget(id);
      context.stdout.write(de ? `${id} entfernt.\n` : `Uninstalled ${id}.\n`);
      return 0;
    }
    default:
      throw usageError(`unknown action "${action}" (list, install, enable, disable, uninstall)`);
  }
}

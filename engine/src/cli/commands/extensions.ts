import { ErrorCode } from "@sichter/shared/errors";
import { SichterError } from "../../core/SichterError.ts";
import { contributionSummary } from "../../extensionHost/contributionSummary.ts";
import { ExtensionRegistry, type InstalledExtension } from "../../extensionHost/ExtensionRegistry.ts";
import { readManifest, validateConfiguration } from "../../extensionHost/manifest/index.ts";
import { settingValue, shownSetting } from "../../extensionHost/settingValue.ts";
import { ExtensionState } from "../../extensionHost/ExtensionState.ts";
import { BUILTIN_EXTENSIONS_DIR, extensionDirs } from "../../extensionHost/extensionDirs.ts";
import { installExtension, uninstallExtension } from "../../extensionHost/installExtension.ts";
import { ENGINE_VERSION } from "../../version.ts";
import type { CliContext } from "../CliContext.ts";
import { parseCommandArgs, usageError } from "../parseCommandArgs.ts";

export const extensionsHelp = `Usage: sichter extensions <list | install <folder or .tgz> | enable <id> | disable <id> | uninstall <id>> [--json]
       sichter extensions settings <id> [--json]
       sichter extensions set <id> <setting> <value>
       sichter extensions unset <id> <setting>

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
  const [action = "list", target, settingKey, settingText] = positionals;
  const dirs = extensionDirs();
  const registry = (): ExtensionRegistry =>
    ExtensionRegistry.load({ builtinDirs: [BUILTIN_EXTENSIONS_DIR], ...dirs, engineVersion: ENGINE_VERSION });
  const needTarget = (): string => {
    if (!target)
      throw usageError(
        `sichter extensions ${action} needs ${action === "install" ? "a folder or .tgz" : "an extension id"}`,
      );
    return target;
  };
  const known = (id: string): void => void installed(id);
  const installed = (id: string): InstalledExtension => {
    const loaded = registry();
    const extension = loaded.extensions.find((e) => e.id === id);
    if (extension) return extension;
    // Skipped because its saved settings no longer fit (an update changed them): still found
    // here, so `unset` and `set` can repair what made it fail.
    const skipped = loaded.problems.find((p) => p.error.field === `settings.${id}`);
    const read = skipped && readManifest(skipped.folder, ENGINE_VERSION);
    if (read?.ok)
      return { id, manifest: read.manifest, folder: skipped!.folder, builtin: false, enabled: false, settings: {} };
    throw new SichterError(ErrorCode.EXTENSION_NOT_FOUND, { extension: id });
  };
  const de = context.locale === "de";

  switch (action) {
    case "list": {
      const loaded = registry();
      if (values.json) {
        const rows = loaded.extensions.map((e) => ({
          id: e.id,
          version: e.manifest.version,
          builtin: e.builtin,
          enabled: e.enabled,
          folder: e.folder,
          contributes: contributionSummary(e.manifest.sichter.contributes),
        }));
        const problems = loaded.problems.map((p) => ({
          folder: p.folder,
          code: p.error.code,
          message: p.error.localizedMessage(context.locale),
        }));
        context.stdout.write(`${JSON.stringify({ extensions: rows, problems }, null, 2)}\n`);
        return 0;
      }
      for (const e of loaded.extensions) {
        const state = e.enabled ? (de ? "aktiviert" : "enabled") : de ? "deaktiviert" : "disabled";
        context.stdout.write(
          `${e.id} ${e.manifest.version}  ${state}${e.builtin ? (de ? ", eingebaut" : ", built-in") : ""}  ${e.folder}\n`,
        );
      }
      for (const p of loaded.problems)
        context.stderr.write(`${p.error.code}: ${p.error.localizedMessage(context.locale)}\n`);
      if (loaded.extensions.length === 0 && loaded.problems.length === 0)
        context.stdout.write(de ? "Keine Erweiterungen installiert.\n" : "No extensions installed.\n");
      return 0;
    }
    case "install": {
      const installed = installExtension(needTarget(), dirs.userDir, ENGINE_VERSION);
      context.stdout.write(
        de
          ? `${installed.id} ${installed.version} installiert.\n`
          : `Installed ${installed.id} ${installed.version}.\n`,
      );
      return 0;
    }
    case "enable":
    case "disable": {
      const id = needTarget();
      known(id);
      ExtensionState.load(dirs.configDir).setEnabled(id, action === "enable");
      context.stdout.write(
        `${id}: ${action === "enable" ? (de ? "aktiviert" : "enabled") : de ? "deaktiviert" : "disabled"}\n`,
      );
      return 0;
    }
    case "uninstall": {
      const id = needTarget();
      uninstallExtension(id, dirs.userDir);
      ExtensionState.load(dirs.configDir).forget(id);
      context.stdout.write(de ? `${id} entfernt.\n` : `Uninstalled ${id}.\n`);
      return 0;
    }
    case "settings": {
      const extension = installed(needTarget());
      const declared = extension.manifest.sichter.contributes.configuration?.properties ?? {};
      const rows = Object.keys(declared).map((key) => ({
        key,
        value: shownSetting(key, extension.settings[key]),
        set: Object.hasOwn(ExtensionState.load(dirs.configDir).settings(extension.id) ?? {}, key),
        description: declared[key]!.description ?? "",
      }));
      if (values.json) {
        context.stdout.write(`${JSON.stringify({ id: extension.id, settings: rows }, null, 2)}\n`);
        return 0;
      }
      if (rows.length === 0)
        context.stdout.write(de ? `${extension.id} hat keine Einstellungen.\n` : `${extension.id} has no settings.\n`);
      for (const r of rows) {
        const origin = r.set
          ? ""
          : r.value === undefined
            ? de
              ? "  (nicht gesetzt)"
              : "  (not set)"
            : de
              ? "  (Vorgabe)"
              : "  (default)";
        context.stdout.write(`${r.key} = ${r.value === undefined ? "-" : JSON.stringify(r.value)}${origin}\n`);
      }
      return 0;
    }
    case "set":
    case "unset": {
      const extension = installed(needTarget());
      if (!settingKey || (action === "set" && settingText === undefined)) {
        throw usageError(
          action === "set"
            ? "sichter extensions set needs <id> <setting> <value>"
            : "sichter extensions unset needs <id> <setting>",
        );
      }
      const configuration = extension.manifest.sichter.contributes.configuration;
      const value = action === "set" ? settingValue(configuration, extension.id, settingKey, settingText!) : undefined;
      const state = ExtensionState.load(dirs.configDir);
      const next = { ...(state.settings(extension.id) ?? {}), [settingKey]: value };
      if (value === undefined) delete next[settingKey];
      // Checked against the manifest before it is saved: a wrong value never reaches the file.
      const checked = configuration ? validateConfiguration(configuration, next) : { ok: true as const };
      if (!checked.ok) {
        throw usageError(checked.errors.map((e) => e.message).join("; "));
      }
      state.setSetting(extension.id, settingKey, value);
      const shown =
        value === undefined ? (de ? "Vorgabe" : "default") : JSON.stringify(shownSetting(settingKey, value));
      context.stdout.write(`${extension.id}: ${settingKey} = ${shown}\n`);
      return 0;
    }
    default:
      throw usageError(`unknown action "${action}" (list, install, enable, disable, uninstall, settings, set, unset)`);
  }
}

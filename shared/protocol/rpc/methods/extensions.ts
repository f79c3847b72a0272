import { z } from "zod";
import { requestParams } from "../requestParams.ts";
import { WireErrorCode, WireName, WirePath, WireText } from "../wireTypes.ts";

/** `extensions.list`: what is installed, what each contributes, and what could not be loaded. */
export const ExtensionsListParams = requestParams({});
export type ExtensionsListParams = z.infer<typeof ExtensionsListParams>;

export const WireExtension = z.object({
  id: WireName,
  version: WireName,
  displayName: WireText.optional(),
  builtin: z.boolean(),
  enabled: z.boolean(),
  /** Contribution ids per contribution point, e.g. { analyzers: ["newsroom.logo"] }. */
  contributes: z.record(z.string(), z.array(WireName)),
});
export type WireExtension = z.infer<typeof WireExtension>;

export const ExtensionsListResult = z.object({
  extensions: z.array(WireExtension),
  /** Folders skipped because their manifest is broken, with the reason. */
  problems: z.array(z.object({ folder: WirePath, code: WireErrorCode, message: WireText })),
});
export type ExtensionsListResult = z.infer<typeof ExtensionsListResult>;

/** `commands.list`: commands enabled extensions contribute, for a panel's menus. */
export const CommandsListParams = requestParams({});
export type CommandsListParams = z.infer<typeof CommandsListParams>;

export const WireCommand = z.object({
  command: WireName,
  title: WireText,
  category: WireText.optional(),
  /** When the panel shows it (a context-key expression the panel evaluates). */
  when: WireText.optional(),
  extensionId: WireName,
});
export type WireCommand = z.infer<typeof WireCommand>;

export const CommandsListResult = z.object({ commands: z.array(WireCommand) });
export type CommandsListResult = z.infer<typeof CommandsListResult>;

/** `commands.execute`: runs a contributed command in its extension (activating it if needed). */
export const CommandsExecuteParams = requestParams({
  command: WireName,
  /** Passed to the command's handler; structured-clonable JSON values only. */
  args: z.array(z.unknown()).max(20).optional(),
});
export type CommandsExecuteParams = z.infer<typeof CommandsExecuteParams>;

export const CommandsExecuteResult = z.object({ result: z.unknown() });
export type CommandsExecuteResult = z.infer<typeof CommandsExecuteResult>;

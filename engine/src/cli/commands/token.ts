import { sichterDirs } from "../../core/SichterHome.ts";
import { loadOrCreateToken } from "../../server/EngineToken.ts";
import type { CliContext } from "../CliContext.ts";
import { parseCommandArgs } from "../parseCommandArgs.ts";

export const tokenHelp = `Usage: sichter token

Prints the engine's access token (created on first use, readable by you only). A panel that is
not set up automatically asks for it once.`;

export async function tokenCommand(args: string[], context: CliContext): Promise<number> {
  const { values } = parseCommandArgs("token", args, { help: { type: "boolean", short: "h" } });
  if (values.help) {
    context.stdout.write(`${tokenHelp}\n`);
    return 0;
  }
  context.stdout.write(`${loadOrCreateToken(sichterDirs().config)}\n`);
  return 0;
}

import type { Locale } from "@sichter/shared/errors";
import type { CancellationToken } from "../core/Cancellation.ts";

/** What every command gets: where to write, which language, and the token Ctrl-C cancels. */
export interface CliContext {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly locale: Locale;
  readonly token: CancellationToken;
}

export type Command = (args: string[], context: CliContext) => Promise<number>;

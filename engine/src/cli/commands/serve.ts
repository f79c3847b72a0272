import fs from "node:fs";
import path from "node:path";
import { configuredCatalog } from "../../catalog/openCatalog.ts";
import { postgresConnection } from "../../catalog/postgres/postgresConnection.ts";
import { sichterDirs } from "../../core/SichterHome.ts";
import { DEFAULT_PORT, EngineService } from "../../server/EngineService.ts";
import { loadOrCreateToken } from "../../server/EngineToken.ts";
import { MediaFolders, mediaSettingsPath } from "../../media/MediaFolders.ts";
import { ENGINE_VERSION } from "../../version.ts";
import { pairingLink } from "../../server/pairingLink.ts";
import { exitAfterDrain } from "../../server/exitAfterDrain.ts";
import type { CliContext } from "../CliContext.ts";
import { parseCommandArgs, usageError } from "../parseCommandArgs.ts";
import { serveBanner } from "../serveBanner.ts";

export const serveHelp = `Usage: sichter serve [--port N] [--jobs N] [--panel DIR] [--media DIR]... [--verbose]

Runs the engine the Premiere and Resolve panels talk to: JSON-RPC over WebSocket on 127.0.0.1
only (default port ${DEFAULT_PORT}, or SICHTER_PORT), with a durable job queue in the catalog.
Clients need the token that "npx sichter token" prints. Ctrl-C stops it; a running analysis is
put back in the queue and resumes on the next start.
  --port     port on 127.0.0.1 (0 picks a free one)
  --jobs     analyses at once (default 1)
  --panel    folder of the browser panel's built files, served at http://127.0.0.1:PORT/
  --media    a folder the panel may browse and play clips from (repeatable; more in media.json
             in the config folder); nothing outside these folders is shown or served
  --verbose  debug lines in the log, and every log line on stderr`;

export async function serveCommand(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs("serve", args, {
    port: { type: "string" },
    jobs: { type: "string" },
    panel: { type: "string" },
    media: { type: "string", multiple: true },
    verbose: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    context.stdout.write(`${serveHelp}\n`);
    return 0;
  }
  if (positionals.length > 0) throw usageError(`sichter serve takes no file arguments (got "${positionals[0]}")`);
  const port = integer("--port", values.port ?? process.env.SICHTER_PORT, DEFAULT_PORT, 0, 65535);
  const concurrency = integer("--jobs", values.jobs, 1, 1, 16);

  const mediaFolders = (values.media ?? []).map(mediaFolderArgument);
  const service = await EngineService.start({
    port,
    concurrency,
    verbose: values.verbose ?? false,
    ...(values.panel && { panelDir: values.panel }),
    mediaFolders,
  });
  const config = sichterDirs().config;
  const where = configuredCatalog();
  const banner = serveBanner(
    {
      version: ENGINE_VERSION,
      wsUrl: service.url,
      pairingLink: pairingLink(service.httpUrl, loadOrCreateToken(config)),
      mediaFolders: new MediaFolders(mediaFolders, config).roots().map((root) => root.configured),
      mediaSettingsPath: mediaSettingsPath(config),
      logPath: service.log.path,
      ...(where.kind === "postgres" && { newsroom: postgresConnection(where.location).display }),
    },
    context.locale,
  );
  context.stdout.write(banner);
  await new Promise<void>((resolve) => context.token.onCancellationRequested(resolve));
  context.stderr.write(context.locale === "de" ? "Engine wird beendet …\n" : "Stopping the engine…\n");
  await service.stop();
  // Everything the engine owns is closed and its catalog written: nothing may keep it alive now.
  exitAfterDrain(service.log, EXIT_DRAIN_MS);
  return 0;
}

/** How long a stopped engine's process may take to end by itself before it is ended (see exitAfterDrain). */
const EXIT_DRAIN_MS = 5_000;

/** A `--media` folder must exist now: a typo would otherwise show an empty browser. */
function mediaFolderArgument(folder: string): string {
  const absolute = path.resolve(folder);
  if (!fs.statSync(absolute, { throwIfNoEntry: false })?.isDirectory())
    throw usageError(`--media ${folder}: not a folder`);
  return absolute;
}

function integer(flag: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw usageError(`${flag} must be a whole number from ${min} to ${max}, not "${value}"`);
  return n;
}

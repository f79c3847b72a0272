import { ErrorCode } from "@sichter/shared/errors";
import { CancellationTokenSource } from "../core/Cancellation.ts";
import { isSichterError, toSichterError } from "../core/SichterError.ts";
import type { CliContext, Command } from "./CliContext.ts";
import { detectLocale } from "./locale.ts";

// Each command loads on use: `analyze` need not load the server, `search` not the media code.
const commands: Record<string, () => Promise<Command>> = {
  probe: async () => (await import("./commands/probe.ts")).probeCommand,
  shots: async () => (await import("./commands/shots.ts")).shotsCommand,
  keyframes: async () => (await import("./commands/keyframes.ts")).keyframesCommand,
  analyze: async () => (await import("./commands/analyze.ts")).analyzeCommand,
  search: async () => (await import("./commands/search.ts")).searchCommand,
  export: async () => (await import("./commands/export.ts")).exportCommand,
  serve: async () => (await import("./commands/serve.ts")).serveCommand,
  extensions: async () => (await import("./commands/extensions.ts")).extensionsCommand,
  token: async () => (await import("./commands/token.ts")).tokenCommand,
  usage: async () => (await import("./commands/usage.ts")).usageCommand,
  job: async () => (await import("./commands/job.ts")).jobCommand,
  engine: async () => (await import("./commands/engine.ts")).engineCommand,
  catalog: async () => (await import("./commands/catalog.ts")).catalogCommand,
  queue: async () => (await import("./commands/queue.ts")).queueCommand,
  worker: async () => (await import("./commands/worker.ts")).workerCommand,
};

const help = `Usage: sichter <command> [options]

Commands:
  probe <file>                 what the clip is: format, frame rate, frame count, start timecode
  shots <file>                 frame-accurate shots with cuts, dissolves and fades
  keyframes <file> --out DIR   representative JPEG frames per shot, with an index.json
  analyze <files or folders>   full local analysis: catalog + XMP sidecars (see --help)
  search "<query>"             find clips by tags, on-screen text and descriptions
  export <clip> --format F     markers as csv, edl (CMX3600 locators) or json
  serve [--port N]             the engine the panels talk to (WebSocket JSON-RPC on 127.0.0.1)
  token                        the access token panels need to talk to the engine
  usage [--since DATE]         what cloud keyword providers were asked and cost, per minute of footage
  extensions <action>          list, install, enable, disable, uninstall extensions
  job <id> [--privacy]         a job's state, or what it sent off this machine (transparency record)
  engine info                  version, privacy mode and keyword providers, folders, catalog schema
  catalog migrate --to URL     move this SQLite catalog into a newsroom's PostgreSQL
  queue add <files or folders> queue clips for the newsroom's workers (SICHTER_CATALOG=postgres://…)
  worker                       take clips from the newsroom's queue and analyse them (SICHTER_PATH_MAP)

Run "sichter <command> --help" for a command's options.
Environment: SICHTER_HOME (config, data, temp), SICHTER_FFMPEG / SICHTER_FFPROBE (binaries),
SICHTER_LANG=de|en (language of messages), SICHTER_CATALOG=postgres://… (a newsroom's shared catalog).`;

/** Exit codes: 0 ok, 1 the work failed, 2 the command line was wrong, 130 cancelled (Ctrl-C). */
export async function main(argv: string[]): Promise<number> {
  const locale = detectLocale();
  const cts = new CancellationTokenSource();
  const onSignal = (): void => cts.cancel();
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  const context: CliContext = { stdout: process.stdout, stderr: process.stderr, locale, token: cts.token };
  try {
    const [name, ...rest] = argv;
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
      process.stdout.write(`${help}\n`);
      return name === undefined ? 2 : 0;
    }
    if (name === "--version") {
      process.stdout.write("0.1.0\n");
      return 0;
    }
    const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
    if (!load) {
      process.stderr.write(`${ErrorCode.USAGE}: unknown command "${name}"\n\n${help}\n`);
      return 2;
    }
    const command = await load();
    return await command(rest, context);
  } catch (error) {
    const e = toSichterError(error);
    // Users get the code and a sentence; the stack is for bug reports, on request.
    process.stderr.write(`${e.code}: ${e.localizedMessage(locale)}\n`);
    if (process.env.SICHTER_DEBUG && !isSichterError(error)) console.error(error);
    if (e.code === ErrorCode.CANCELLED) return 130;
    return e.code === ErrorCode.USAGE ? 2 : 1;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    cts.dispose();
  }
}

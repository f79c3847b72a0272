import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { defaultCatalogPath, SqliteCatalog } from "../../src/catalog/index.ts";
import type { TransparencyRecord } from "../../src/keywording/privacy/TransparencyRecord.ts";
import { CLI, runCli, type CliResult } from "../runCli.ts";
import {
  createGoogleVisionSimulator,
  GOOGLE_SIMULATOR_KEY,
  type GoogleVisionSimulator,
  type SimulatorFault as GoogleFault,
} from "./googleVisionSimulator.ts";
import { startLoopbackServer, type LoopbackServer, type RecordedRequest } from "./LoopbackServer.ts";
import {
  createOpenAiVisionSimulator,
  OPENAI_SIMULATOR_KEY,
  type OpenAiVisionSimulator,
  type SimulatorFault as OpenAiFault,
} from "./openAiVisionSimulator.ts";
import type { PemPair } from "./testCertificates.ts";

/**
 * Helpers for end-to-end runs of `sichter analyze` against the vision simulators: a SICHTER_HOME
 * with the user's decisions (which providers are enabled, their settings, privacy.json), the
 * simulators behind loopback servers, and readers for what the engine recorded.
 */

export const OPENAI = "sichter.openai-vision";
export const GOOGLE = "sichter.google-vision";

/** The environment variables the providers' `apiKeyEnv` settings name; the keys are the simulators'. */
export const KEY_ENV = { SIM_OPENAI_KEY: OPENAI_SIMULATOR_KEY, SIM_GOOGLE_KEY: GOOGLE_SIMULATOR_KEY } as const;

export interface HomeSetup {
  /** Extensions switched on (cloud providers are off until listed here). */
  readonly enabled?: readonly string[];
  /** Extensions switched off. */
  readonly disabled?: readonly string[];
  /** Per extension id, as `<config>/extensions.json` holds them. */
  readonly settings?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** `<config>/privacy.json`; left out: no file (the defaults). */
  readonly privacy?: Readonly<Record<string, unknown>>;
}

/** Writes (or rewrites) a SICHTER_HOME's config files and returns the home. */
export function writeHome(home: string, setup: HomeSetup): string {
  const config = path.join(home, "config");
  fs.mkdirSync(config, { recursive: true });
  const state = {
    enabled: [...(setup.enabled ?? [])],
    disabled: [...(setup.disabled ?? [])],
    settings: setup.settings ?? {},
  };
  fs.writeFileSync(path.join(config, "extensions.json"), `${JSON.stringify(state, null, 2)}\n`);
  const privacy = path.join(config, "privacy.json");
  if (setup.privacy) fs.writeFileSync(privacy, `${JSON.stringify(setup.privacy, null, 2)}\n`);
  else fs.rmSync(privacy, { force: true });
  return home;
}

export interface Simulated<S> {
  readonly simulator: S;
  readonly server: LoopbackServer;
}

/** The OpenAI simulator behind a loopback server (HTTPS with `tls`, else plain HTTP). */
export async function startOpenAi(
  options: { tls?: PemPair; failures?: readonly OpenAiFault[] } = {},
): Promise<Simulated<OpenAiVisionSimulator>> {
  const simulator = createOpenAiVisionSimulator({ ...(options.failures && { failures: options.failures }) });
  const server = await startLoopbackServer({
    ...(options.tls && { tls: { key: options.tls.key, cert: options.tls.cert } }),
    handler: (req) => simulator.handle(req),
  });
  return { simulator, server };
}

/** The Google Vision simulator behind a loopback server. */
export async function startGoogle(
  options: { tls?: PemPair; failures?: readonly GoogleFault[] } = {},
): Promise<Simulated<GoogleVisionSimulator>> {
  const simulator = createGoogleVisionSimulator({ ...(options.failures && { failures: options.failures }) });
  const server = await startLoopbackServer({
    ...(options.tls && { tls: { key: options.tls.key, cert: options.tls.cert } }),
    handler: (req) => simulator.handle(req),
  });
  return { simulator, server };
}

/** extensions.json settings of the OpenAI provider for a server (its key comes from SIM_OPENAI_KEY). */
export function openAiSettings(baseUrl: string): Record<string, unknown> {
  return { baseUrl, model: "gpt-4o-mini", apiKeyEnv: "SIM_OPENAI_KEY" };
}

/** extensions.json settings of the Google provider for a server (its key comes from SIM_GOOGLE_KEY). */
export function googleSettings(endpoint: string): Record<string, unknown> {
  return { endpoint, apiKeyEnv: "SIM_GOOGLE_KEY" };
}

/** What `sichter analyze --json` says about one clip (the parts these tests read). */
export interface AnalyzedClip {
  readonly jobId: string;
  readonly file: string;
  readonly shots: ReadonlyArray<{ index: number; startFrame: number; endFrame: number }>;
  readonly keyframes: ReadonlyArray<{ frame: number }>;
  readonly tags: ReadonlyArray<{
    label: string;
    kind: string;
    language: string;
    source: string;
    startFrame: number;
    endFrame: number;
  }>;
  readonly keywords: readonly string[];
  readonly written: { sidecar: string | null };
  readonly failures: ReadonlyArray<{ analyzer: string; code: string; message: string }>;
}

export interface AnalyzeRun {
  readonly result: CliResult;
  readonly clips: AnalyzedClip[];
  readonly failed: ReadonlyArray<{ file: string; code: string }>;
  readonly seconds: number;
}

/** Runs the real `sichter analyze <file> --json ...` with the simulators' keys in the environment. */
export async function analyze(home: string, file: string, args: readonly string[] = []): Promise<AnalyzeRun> {
  const started = performance.now();
  const result = await runCli(["analyze", file, "--json", ...args], { env: { SICHTER_HOME: home, ...KEY_ENV } });
  const seconds = (performance.now() - started) / 1000;
  let doc: { clips: AnalyzedClip[]; failed: Array<{ file: string; code: string }> };
  try {
    doc = JSON.parse(result.stdout);
  } catch {
    throw new Error(`sichter analyze printed no JSON (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
  }
  return { result, clips: doc.clips, failed: doc.failed, seconds };
}

/** `sichter analyze` in a child process the test controls (to interrupt or kill it). */
export function spawnAnalyze(
  home: string,
  file: string,
  args: readonly string[] = [],
): { child: ChildProcess; exited: Promise<number | null>; output: () => string } {
  const child = spawn(process.execPath, [CLI, "analyze", file, "--json", ...args], {
    env: { ...process.env, SICHTER_LANG: "en", SICHTER_HOME: home, ...KEY_ENV },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

/** Job folders in `<home>/tmp` (every job's temporary frames live in one). */
export function jobFolders(home: string): string[] {
  const temp = path.join(home, "tmp");
  return fs.existsSync(temp) ? fs.readdirSync(temp).filter((n) => n.startsWith("job-")) : [];
}

/** Opens the home's catalog for reading what the runs recorded; closed after `read`. */
export function withCatalog<T>(home: string, read: (catalog: SqliteCatalog) => T): T {
  const catalog = SqliteCatalog.open(defaultCatalogPath({ SICHTER_HOME: home }));
  try {
    return read(catalog);
  } finally {
    catalog.dispose();
  }
}

/** A job's transparency records, as `sichter job <id> --privacy --json` shows them. */
export async function transparencyRecords(home: string, jobId: string): Promise<TransparencyRecord[]> {
  const r = await runCli(["job", jobId, "--privacy", "--json"], { env: { SICHTER_HOME: home } });
  if (r.code !== 0) throw new Error(`sichter job --privacy failed (exit ${r.code}): ${r.stderr}`);
  const doc = JSON.parse(r.stdout) as { jobId: string; records: TransparencyRecord[] };
  if (doc.jobId !== jobId) throw new Error(`sichter job --privacy answered for ${doc.jobId}, not ${jobId}`);
  return doc.records;
}

/** The privacy mode as `sichter engine info --json` reports it ("local-only" or "cloud"). */
export async function privacyModeOfHome(home: string): Promise<string> {
  const r = await runCli(["engine", "info", "--json"], { env: { SICHTER_HOME: home } });
  if (r.code !== 0) throw new Error(`sichter engine info failed (exit ${r.code}): ${r.stderr}`);
  return (JSON.parse(r.stdout) as { privacy: { mode: string } }).privacy.mode;
}

/** The JPEGs of one chat completions request (its `data:image/jpeg;base64,` URLs), decoded. */
export function openAiImages(request: RecordedRequest): Buffer[] {
  const body = JSON.parse(request.body.toString("utf8")) as { messages: Array<{ content: unknown }> };
  const images: Buffer[] = [];
  for (const message of body.messages) {
    if (!Array.isArray(message.content)) continue;
    for (const part of message.content as Array<{ type: string; image_url?: { url: string } }>) {
      if (part.type !== "image_url") continue;
      const match = /^data:image\/jpeg;base64,(.*)$/s.exec(part.image_url!.url);
      if (!match) throw new Error(`an image that is not a JPEG data URL: ${part.image_url!.url.slice(0, 40)}`);
      images.push(Buffer.from(match[1]!, "base64"));
    }
  }
  return images;
}

/** The JPEGs of one images:annotate request, decoded. */
export function googleImages(request: RecordedRequest): Buffer[] {
  const body = JSON.parse(request.body.toString("utf8")) as { requests: Array<{ image: { content: string } }> };
  return body.requests.map((r) => Buffer.from(r.image.content, "base64"));
}

/** Everything of a request a provider could read: method, URL path, headers and body. */
export function requestText(request: RecordedRequest): string {
  return `${request.method} ${request.path}\n${JSON.stringify(request.headers)}\n${request.body.toString("utf8")}`;
}

/** Polls until `check` holds; fails after `ms`. */
export async function waitFor(check: () => boolean, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

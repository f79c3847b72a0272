import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Keyframe } from "@sichter/shared/model";
import {
  BUILTIN_EXTENSIONS_DIR,
  ENGINE_VERSION,
  ExtensionRegistry,
  mediaFrameSource,
  probeMedia,
  type MediaInfo,
} from "@sichter/engine";
import { detectShots, type Shot } from "@sichter/engine/extensions/shots";
// The cloud stage, the privacy guard and the vision simulator are not part of the engine's public
// index (the simulator is a test helper); the benchmark drives them exactly as the pipeline does.
import type { KeyframeDuplicate } from "../../engine/src/extensionApi/KeyframeSelection.ts";
import { keyframeSelection } from "../../engine/extensions/shots/stages.ts";
import { CancellationToken } from "../../engine/src/core/Cancellation.ts";
import { Progress } from "../../engine/src/core/Progress.ts";
import {
  cloudKeywords,
  type PipelineKeywordProvider,
  type ProviderUsage,
} from "../../engine/src/keywording/cloud/cloudKeywords.ts";
import { PrivacyGuard, ProviderGates } from "../../engine/src/keywording/privacy/PrivacyGuard.ts";
import { PrivacySettings } from "../../engine/src/keywording/privacy/PrivacySettings.ts";
import { startLoopbackServer, type LoopbackServer } from "../../engine/test/simulators/LoopbackServer.ts";
import {
  createOpenAiVisionSimulator,
  OPENAI_SIMULATOR_KEY,
} from "../../engine/test/simulators/openAiVisionSimulator.ts";
import { ensureSamples } from "../samples/ensureSamples.ts";

export const CLOUD_CLIPS = ["h264-news-1080p25.mp4", "h264-news-5min-1080p25.mp4"] as const;

const PROVIDER = "sichter.openai-vision";
/** The variable the provider's apiKeyEnv setting names in this run; holds the simulator's key. */
const KEY_ENV = "BENCH_OPENAI_KEY";

export interface CloudBenchmarkOptions {
  /** Sample file names; default both news clips (30 s and 5 min). */
  readonly clips?: readonly string[];
  readonly log?: (line: string) => void;
}

interface Configuration {
  readonly name: string;
  readonly keyframes: "per shot" | "pipeline";
  readonly duplicateBits: number;
  readonly contactSheets: boolean;
}

/**
 * The rows. The first three get the same input, every keyframe each shot yields (near-duplicates
 * dropped only within a shot), so they differ only in what the cloud stage does with them. The last
 * is what `sichter analyze` sends today: its keyframe step already drops near-duplicates across the
 * whole clip, before the cloud stage could give their answer to the shots they repeat.
 */
const CONFIGURATIONS: readonly Configuration[] = [
  { name: "single keyframes, no dedupe", keyframes: "per shot", duplicateBits: 0, contactSheets: false },
  { name: "single keyframes + dedupe", keyframes: "per shot", duplicateBits: 10, contactSheets: false },
  { name: "contact sheets + dedupe", keyframes: "per shot", duplicateBits: 10, contactSheets: true },
  { name: "today's pipeline (sheets + dedupe)", keyframes: "pipeline", duplicateBits: 10, contactSheets: true },
];

interface PickedKeyframes {
  readonly keyframes: readonly Keyframe[];
  readonly duplicates: readonly KeyframeDuplicate[];
}

interface Row {
  readonly configuration: Configuration;
  readonly usage: ProviderUsage;
  /** Shots that got at least one vision keyword. */
  readonly shotsTagged: number;
  readonly failures: number;
  readonly seconds: number;
}

/**
 * What cloud keywording costs per minute of footage in three configurations, on the generated news
 * clips: the real OpenAI provider extension, privacy guard and cloud stage, against the OpenAI
 * simulator on a loopback server (plain HTTP to 127.0.0.1, which the policy allows; no TLS needed).
 * Shots and keyframes are found once per clip; each configuration then runs the cloud stage alone.
 * Tokens are the simulator's count as the service documents it for the provider's default detail
 * ("low": a flat 85 per picture, plus the prompt).
 */
export async function cloudBenchmark(options: CloudBenchmarkOptions = {}): Promise<string> {
  const log = options.log ?? (() => {});
  const files = options.clips ?? CLOUD_CLIPS;
  const set = await ensureSamples({ only: [...files], log });
  const simulator = createOpenAiVisionSimulator();
  const server = await startLoopbackServer({ handler: (req) => simulator.handle(req) });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "sichter-cloud-bench-"));
  const previousKey = process.env[KEY_ENV];
  process.env[KEY_ENV] = OPENAI_SIMULATOR_KEY;
  const registry = providerRegistry(scratch, server);
  try {
    const provider = registry.keywordProviders().find((p) => p.id === PROVIDER);
    if (!provider) throw new Error(`the built-in ${PROVIDER} extension provides no keyword provider`);
    const reports: string[] = [];
    for (const sample of set.samples) {
      reports.push(await benchmarkClip(sample.file, sample.path, provider, path.join(scratch, "frames"), log));
    }
    return reports.join("\n\n");
  } finally {
    await registry.stop();
    await server.close();
    if (previousKey === undefined) delete process.env[KEY_ENV];
    else process.env[KEY_ENV] = previousKey;
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** Only the built-ins, with the OpenAI provider enabled and pointed at the simulator. */
function providerRegistry(scratch: string, server: LoopbackServer): ExtensionRegistry {
  const config = path.join(scratch, "config");
  fs.mkdirSync(config, { recursive: true });
  const settings = { [PROVIDER]: { baseUrl: `${server.url}/v1`, model: "gpt-4o-mini", apiKeyEnv: KEY_ENV } };
  fs.writeFileSync(
    path.join(config, "extensions.json"),
    JSON.stringify({ enabled: [PROVIDER], disabled: [], settings }),
  );
  return ExtensionRegistry.load({
    builtinDirs: [BUILTIN_EXTENSIONS_DIR],
    userDir: path.join(scratch, "extensions"),
    storageDir: path.join(scratch, "storage"),
    configDir: config,
    engineVersion: ENGINE_VERSION,
  });
}

async function benchmarkClip(
  file: string,
  clipPath: string,
  provider: PipelineKeywordProvider,
  framesDir: string,
  log: (line: string) => void,
): Promise<string> {
  const media = await probeMedia(clipPath);
  log(`${file}: detecting shots`);
  const { shots } = await detectShots(media, { mode: "auto" });
  log(`${file}: ${shots.length} shots; picking keyframes`);
  const keyframes = {
    "per shot": { keyframes: await keyframesPerShot(media, shots, framesDir), duplicates: [] },
    pipeline: await pipelineKeyframes(media, shots, framesDir),
  };
  const rows: Row[] = [];
  for (const configuration of CONFIGURATIONS) {
    log(`${file}: ${configuration.name}`);
    rows.push(await runConfiguration(media, shots, keyframes[configuration.keyframes], configuration, provider));
  }
  const minutes = media.durationSeconds / 60;
  return report(file, media, shots.length, keyframes, rows, minutes);
}

/**
 * Every keyframe of every shot: near-duplicates dropped within a shot only (each shot on its own).
 * A shot ends where the next one's transition starts, as the pipeline's keyframe positions have it.
 */
async function keyframesPerShot(media: MediaInfo, shots: readonly Shot[], dir: string): Promise<Keyframe[]> {
  const out: Keyframe[] = [];
  for (const [i, shot] of shots.entries()) {
    const next = shots[i + 1]?.transition?.startFrame;
    const alone =
      next === undefined || next >= shot.endFrame ? shot : { ...shot, endFrame: Math.max(shot.startFrame + 1, next) };
    out.push(...(await pipelineKeyframes(media, [alone], dir)).keyframes);
  }
  return out;
}

/**
 * The keyframes the pipeline's keyframe step picks (near-duplicates dropped across the clip), and
 * the shots it left without one because they repeat an earlier look.
 */
async function pipelineKeyframes(media: MediaInfo, shots: readonly Shot[], dir: string): Promise<PickedKeyframes> {
  fs.mkdirSync(dir, { recursive: true });
  try {
    const { keyframes, duplicates } = await keyframeSelection.select(
      media,
      shots,
      dir,
      Progress.None,
      CancellationToken.None,
    );
    return {
      keyframes: keyframes.map(({ shot, frame, timecode, seconds, hash }) => ({
        shot,
        frame,
        timecode,
        seconds,
        hash,
      })),
      duplicates,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function runConfiguration(
  media: MediaInfo,
  shots: readonly Shot[],
  picked: PickedKeyframes,
  configuration: Configuration,
  provider: PipelineKeywordProvider,
): Promise<Row> {
  const settings = PrivacySettings.parse({
    duplicateBits: configuration.duplicateBits,
    contactSheets: { enabled: configuration.contactSheets },
  });
  const guard = new PrivacyGuard({ mode: "cloud", settings, clipPath: media.path, gates: new ProviderGates() });
  let usage: ProviderUsage | undefined;
  const started = performance.now();
  const result = await cloudKeywords(
    {
      shots,
      keyframes: picked.keyframes,
      duplicates: picked.duplicates,
      frames: mediaFrameSource(media),
      durationSeconds: media.durationSeconds,
    },
    { providers: [provider], guard, settings, languages: ["de", "en"], onUsage: (u) => (usage = u) },
  );
  const seconds = (performance.now() - started) / 1000;
  if (!usage)
    throw new Error(
      `${configuration.name}: nothing was sent (${result.failures.map((f) => f.code).join(", ") || "no failure reported"})`,
    );
  const tagged = new Set(result.tags.filter((t) => t.kind === "keyword").map((t) => `${t.startFrame}-${t.endFrame}`));
  return { configuration, usage, shotsTagged: tagged.size, failures: result.failures.length, seconds };
}

function report(
  file: string,
  media: MediaInfo,
  shotCount: number,
  keyframes: Record<Configuration["keyframes"], PickedKeyframes>,
  rows: readonly Row[],
  minutes: number,
): string {
  const perMinute = (n: number) => n / minutes;
  const tokens = (u: ProviderUsage) => u.inputTokens + u.outputTokens;
  const header = [
    "configuration",
    "requests",
    "images",
    "keyframes",
    "kB sent",
    "tokens",
    "req/min",
    "img/min",
    "kB/min",
    "tokens/min",
    "shots tagged",
    "s",
  ];
  const body = rows.map((r) => [
    r.configuration.name,
    String(r.usage.requests),
    String(r.usage.images),
    String(r.usage.keyframes),
    (r.usage.bytesSent / 1000).toFixed(0),
    String(tokens(r.usage)),
    perMinute(r.usage.requests).toFixed(1),
    perMinute(r.usage.images).toFixed(1),
    perMinute(r.usage.bytesSent / 1000).toFixed(0),
    perMinute(tokens(r.usage)).toFixed(0),
    `${r.shotsTagged}/${shotCount}${r.failures > 0 ? ` (${r.failures} failed)` : ""}`,
    r.seconds.toFixed(1),
  ]);
  const naive = rows[0]!;
  const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(1)}x` : "n/a");
  const against = (r: Row) =>
    `${r.configuration.name}: ${ratio(naive.usage.requests, r.usage.requests)} fewer requests, ` +
    `${ratio(naive.usage.bytesSent, r.usage.bytesSent)} fewer bytes, ${ratio(tokens(naive.usage), tokens(r.usage))} fewer tokens per minute of footage`;
  return [
    `Cloud keywording of ${file} (${minutes.toFixed(2)} min, ${media.width}x${media.height}, ${shotCount} shots) through the OpenAI`,
    `simulator on loopback HTTP; detail "low", long side 768 px, 9 tiles per sheet. Keyframes: ${keyframes["per shot"].keyframes.length} taken`,
    `shot by shot (input of the first three rows), ${keyframes.pipeline.keyframes.length} after the pipeline's own clip-wide near-duplicate drop`,
    `(last row; the ${keyframes.pipeline.duplicates.length} shots it left without a keyframe get the answer of the keyframe they repeat).`,
    "",
    ...table(header, body),
    "",
    `Against "${naive.configuration.name}":`,
    ...rows.slice(1).map((r) => `  ${against(r)}`),
  ].join("\n");
}

/** Text left, numbers right, two spaces apart. */
function table(header: readonly string[], body: readonly string[][]): string[] {
  const all = [header, ...body];
  const widths = header.map((_, c) => Math.max(...all.map((row) => row[c]!.length)));
  return all.map((row) =>
    row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  "),
  );
}

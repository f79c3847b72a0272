import fs from "node:fs";
import path from "node:path";
import type { SichterClient } from "@sichter/shared/protocol";
import { processTreeRss, type ProcessTreeRss } from "./processTreeRss.ts";

export interface IdleMemoryOptions {
  /** The engine's pid: its resident memory and that of everything below it is what is measured. */
  readonly enginePid: number;
  readonly client: SichterClient;
  /** Clips to analyse first (copied into `mediaDir`, so their sidecars land there). */
  readonly clips: readonly string[];
  readonly mediaDir: string;
  /** The engine's SICHTER_EXTENSION_IDLE_SECONDS. */
  readonly idleSeconds: number;
  readonly log?: (line: string) => void;
}

/**
 * The engine's memory at rest after analyses, before and after its extension processes' idle
 * timeout: analyses with sidecars (so every built-in, exiftool included, has run), then the
 * resident memory of the engine and all its child processes at once and again once the idle
 * timeout has ended the extension processes. Returns the table's lines.
 */
export async function idleMemory(options: IdleMemoryOptions): Promise<string[]> {
  const log = options.log ?? (() => {});
  fs.mkdirSync(options.mediaDir, { recursive: true });
  for (const source of options.clips) {
    const clip = path.join(options.mediaDir, path.basename(source));
    fs.copyFileSync(source, clip);
    const { jobId } = await options.client.request("clip.analyze", {
      path: clip,
      options: { write: "sidecar", language: "en" },
    });
    const state = await settled(options.client, jobId);
    if (state !== "completed") throw new Error(`the analysis of ${clip} ended ${state}`);
    log(`analysed ${path.basename(clip)}`);
  }
  const before = measure(options.enginePid);
  const finished = performance.now();
  // The timeout has passed once the extension processes are gone; a little more lets the engine's
  // own heap settle after their pipes close.
  const deadline = finished + (options.idleSeconds + 60) * 1000;
  let after = measure(options.enginePid);
  while (after.processes >= before.processes && performance.now() < deadline) {
    await sleep(250);
    after = measure(options.enginePid);
  }
  const waited = (performance.now() - finished) / 1000;
  await sleep(1000);
  after = measure(options.enginePid);
  const mib = (r: ProcessTreeRss) => (r.kb / 1024).toFixed(1);
  return [
    `Engine memory at rest after ${options.clips.length} analyses (${options.clips.map((c) => path.basename(c)).join(", ")}, sidecars written),`,
    `SICHTER_EXTENSION_IDLE_SECONDS=${options.idleSeconds}: resident memory (VmRSS from /proc) of the engine and all its child processes`,
    "",
    "| when | processes | RSS MiB |",
    "|---|---|---|",
    `| right after the last analysis | ${before.processes} | ${mib(before)} |`,
    `| after the idle timeout (processes gone after ${waited.toFixed(1)} s) | ${after.processes} | ${mib(after)} |`,
    "",
    `idle RSS before / after the timeout: ${(before.kb / after.kb).toFixed(1)}x (${mib(before)} MiB / ${mib(after)} MiB)`,
  ];
}

function measure(pid: number): ProcessTreeRss {
  const rss = processTreeRss(pid);
  if (!rss) throw new Error("idle memory is measured from /proc (Linux only)");
  return rss;
}

async function settled(client: SichterClient, jobId: string): Promise<string> {
  for (;;) {
    const { state } = await client.request("job.get", { jobId });
    if (state !== "queued" && state !== "running") return state;
    await sleep(250);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

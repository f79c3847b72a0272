import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SichterClient } from "@sichter/shared/protocol";
import { commandOf, descendantPids, startEngine, type EngineProcess } from "./engineProcess.ts";
import { makeCutClip, makeTempDir } from "./fixtures.ts";

const root = makeTempDir("sichter-idle-");
const IDLE_SECONDS = 2;
let engine: EngineProcess;
let client: SichterClient;
let clips: string[];
const previous = process.env.SICHTER_EXTENSION_IDLE_SECONDS;

beforeAll(async () => {
  clips = [path.join(root, "Erste Sitzung.mp4"), path.join(root, "Zweite Sitzung.mp4")];
  await Promise.all(clips.map((clip) => makeCutClip(clip, [40, 40])));
  process.env.SICHTER_EXTENSION_IDLE_SECONDS = String(IDLE_SECONDS);
  engine = await startEngine(path.join(root, "home"));
  client = engine.client();
}, 60_000);
afterAll(async () => {
  if (previous === undefined) delete process.env.SICHTER_EXTENSION_IDLE_SECONDS;
  else process.env.SICHTER_EXTENSION_IDLE_SECONDS = previous;
  client?.dispose();
  engine?.child.kill("SIGTERM");
  await engine?.exited;
  fs.rmSync(root, { recursive: true, force: true });
});

/** Extension host processes below the engine (each built-in runs in one). */
function hosts(): number[] {
  return descendantPids(engine.child.pid!).filter((pid) => /host(Entry|Main)\.mjs/.test(commandOf(pid)));
}

/** The hosts and everything below them (exiftool below the XMP one); the engine's own helpers are not theirs. */
function hostTree(): number[] {
  return hosts().flatMap((pid) => [pid, ...descendantPids(pid)]);
}

async function analyse(clip: string): Promise<number> {
  const { jobId } = await client.request("clip.analyze", { path: clip, options: { write: "sidecar", language: "de" } });
  await expect
    .poll(async () => (await client.request("job.get", { jobId })).state, { timeout: 90_000, interval: 200 })
    .toBe("completed");
  const { result } = await client.request("job.result", { jobId });
  return result.shots.length;
}

describe("extension processes after an analysis", () => {
  it("end once idle for SICHTER_EXTENSION_IDLE_SECONDS, with everything below them, and start again for the next analysis", async () => {
    expect(await analyse(clips[0]!)).toBe(2);
    const after = hosts();
    // Shots, OCR, cues, motion, catalog and XMP ran in processes of their own, exiftool below XMP's.
    expect(after.length).toBeGreaterThanOrEqual(5);
    const tree = hostTree();
    expect(tree.some((pid) => /exiftool/.test(commandOf(pid)))).toBe(true);
    const finished = Date.now();
    await expect
      .poll(() => tree.filter((pid) => commandOf(pid) !== ""), { timeout: 30_000, interval: 100 })
      .toEqual([]);
    // Not before the idle time (less a little: the job's last call ended before we looked).
    expect(Date.now() - finished).toBeGreaterThan(IDLE_SECONDS * 1000 - 1000);
    expect(hosts()).toEqual([]);

    // Started again on demand: the next analysis works as the first did.
    expect(await analyse(clips[1]!)).toBe(2);
    expect(fs.existsSync(clips[1]!.replace(/\.mp4$/, ".xmp"))).toBe(true);
    const again = hosts();
    expect(again.length).toBeGreaterThanOrEqual(5);
    expect(again.filter((pid) => after.includes(pid))).toEqual([]);
    await expect.poll(() => hostTree(), { timeout: 30_000, interval: 100 }).toEqual([]);
    expect(engine.output()).not.toMatch(/SICHTER_E_EXTENSION_CRASHED/);
  }, 240_000);
});

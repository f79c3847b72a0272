import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SichterClient } from "@sichter/shared/protocol";
import { type EngineProcess, startEngineWithClient, stopEngineWithClient } from "../../../engine/test/engineProcess.ts";
import { makeCutClip, makeTempDir } from "../../../engine/test/fixtures.ts";
import { luajit, withLocale } from "./luajitTestSupport.ts";

/**
 * Sichter.lua as Resolve runs it from Workspace > Scripts (its main, the `resolve` global) in a real
 * LuaJIT, against a real engine over a real loopback socket: with Resolve's UI manager (simulated,
 * an editor scripted to click) a small window shows the analysis as it goes and its Cancel button
 * cancels the engine's job; without one, the console gets the same lines.
 */
interface WindowOutcome {
  report?: { items: { status: string; kind: string }[] };
  error?: { code: string; message: string };
  log: { event: string; id?: string; value?: string }[];
  printed: string[];
  state: { clips: Record<string, { markers: { frame: number; customData: string }[] }> };
}

let dir: string;
let home: string;
let engine: EngineProcess;
let client: SichterClient;

function scene(media: string) {
  return {
    version: "21.1",
    clips: [
      {
        name: "Pressekonferenz",
        filePath: media,
        fps: "25",
        frames: 150,
        startTimecode: "00:00:00:00",
        markers: [[10, "Green", "Ton weg", "", 1, ""]],
      },
    ],
    timeline: {
      name: "Beitrag 18 Uhr",
      fps: "25",
      placements: [{ clip: "Pressekonferenz", inFrame: 0, outFrame: 150, recordFrame: 0 }],
      playhead: 10,
    },
  };
}

function runMain(
  media: string,
  input: { ui: boolean; user?: { click?: string; close?: boolean; whenText?: string }[] },
): WindowOutcome {
  return luajit(
    "./run_window.lua",
    { scene: scene(media), pollMs: 200, ...input },
    withLocale("en_GB.UTF-8", { ...process.env, SICHTER_HOME: home }),
  ) as WindowOutcome;
}

const texts = (outcome: WindowOutcome, id: string) =>
  outcome.log.filter((e) => e.event === "text" && e.id === id).map((e) => e.value!);
const sichterMarkers = (outcome: WindowOutcome) =>
  outcome.state.clips["Pressekonferenz"]!.markers.filter((m) => m.customData.startsWith("sichter:"));

async function jobStates(media: string): Promise<string[]> {
  const { jobs } = await client.request("job.list", {});
  return jobs.filter((job) => job.clipPath === media).map((job) => job.state);
}

beforeAll(async () => {
  dir = fs.realpathSync(makeTempDir("sichter-lua-window-"));
  home = path.join(dir, "home");
  ({ engine, client } = await startEngineWithClient(home));
}, 60_000);
afterAll(async () => {
  await stopEngineWithClient(engine, client);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("Sichter.lua in Resolve's UI manager", () => {
  it("shows the analysis as it goes in a window, writes the markers, and its button turns to Close", async () => {
    const media = path.join(dir, "Fenster.mp4");
    await makeCutClip(media, [50, 50, 50]);
    // The editor waits for the outcome, then closes the window with the button.
    const outcome = runMain(media, { ui: true, user: [{ click: "Cancel", whenText: "^Sichter: %d+ written" }] });
    expect(outcome.error).toBeUndefined();
    expect(outcome.log[0]).toEqual({ event: "show", id: "SichterWindow" });
    const status = texts(outcome, "Status");
    expect(status[0]).toBe("Pressekonferenz: 0 %");
    // Between the start and the plan, at least one look at the analysis under way.
    expect(status.length).toBeGreaterThanOrEqual(4);
    expect(status.slice(1, -2).every((text) => /^Pressekonferenz( – .+)?: \d+ %$/.test(text))).toBe(true);
    expect(status.at(-2)).toBe("Pressekonferenz: 100 %");
    expect(status.at(-1)).toMatch(/^Sichter: \d+ written, \d+ unchanged, \d+ skipped, 0 failed\.$/);
    expect(texts(outcome, "Cancel")).toEqual(["Close"]);
    expect(outcome.log.slice(-3)).toEqual([
      { event: "click", id: "Cancel" },
      { event: "exit" },
      { event: "hide", id: "SichterWindow" },
    ]);
    expect(sichterMarkers(outcome).map((m) => m.frame)).toEqual([0, 50, 100]);
    expect(outcome.printed).toEqual([]);
  }, 170_000);

  it("cancels the engine's analysis from the window's Cancel button and writes nothing", async () => {
    const media = path.join(dir, "Abbruch.mp4");
    await makeCutClip(media, [50, 50, 50]);
    const outcome = runMain(media, {
      ui: true,
      // The editor cancels as soon as the analysis is under way, then closes the window.
      user: [
        { click: "Cancel", whenText: "^Pressekonferenz: 0 %%$" },
        { click: "Cancel", whenText: "SICHTER_E_CANCELLED" },
      ],
    });
    expect(outcome.error).toMatchObject({ code: "SICHTER_E_CANCELLED" });
    expect(texts(outcome, "Status").at(-1)).toBe("Sichter: Cancelled: nothing was written. (SICHTER_E_CANCELLED)");
    expect(sichterMarkers(outcome)).toEqual([]);
    // The engine stops the job at its next step: poll, generously on a loaded machine.
    await expect.poll(() => jobStates(media), { timeout: 60_000, interval: 100 }).toEqual(["cancelled"]);
  }, 170_000);

  it("closing the window while the engine analyses cancels its job too", async () => {
    const media = path.join(dir, "Zu.mp4");
    await makeCutClip(media, [50, 50, 50]);
    const outcome = runMain(media, { ui: true, user: [{ close: true, whenText: "^Pressekonferenz: 0 %%$" }] });
    expect(outcome.error).toMatchObject({ code: "SICHTER_E_CANCELLED" });
    expect(outcome.log.slice(-3)).toEqual([
      { event: "close", id: "SichterWindow" },
      { event: "exit" },
      { event: "hide", id: "SichterWindow" },
    ]);
    // The engine stops the job at its next step: poll, generously on a loaded machine.
    await expect.poll(() => jobStates(media), { timeout: 60_000, interval: 100 }).toEqual(["cancelled"]);
  }, 170_000);

  it("prints the same progress and outcome in the console where there is no UI manager", async () => {
    const media = path.join(dir, "Konsole.mp4");
    await makeCutClip(media, [50, 50, 50]);
    const outcome = runMain(media, { ui: false });
    expect(outcome.error).toBeUndefined();
    expect(outcome.log).toEqual([]);
    expect(outcome.printed[0]).toBe("Pressekonferenz: 0 %");
    expect(outcome.printed.at(-2)).toBe("Pressekonferenz: 100 %");
    expect(outcome.printed.at(-1)).toMatch(/^Sichter: \d+ written, \d+ unchanged, \d+ skipped, 0 failed\.$/);
    expect(sichterMarkers(outcome).map((m) => m.frame)).toEqual([0, 50, 100]);
  }, 170_000);
});

import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import type { TagPlan } from "@sichter/shared/model";
import type { SimClipItem, TrackItemSpec } from "@sichter/premiere-simulator";
import { premiereWithAdapter, shot, tagPlan } from "./adapterTestSupport.ts";

const TICKS_25 = 10_160_640_000n;

/** 100 media files, each used twice: 200 instances of 200 frames on V1 and V2, none overlapping. */
function twoHundredClips() {
  const { sim, adapter } = premiereWithAdapter();
  const clips: SimClipItem[] = [];
  for (let i = 0; i < 100; i++) {
    clips.push(sim.addClip({ name: `C${i}`, mediaPath: `/media/C${i}.mov`, frameRate: "25/1", durationFrames: 1000 }));
  }
  const tracks: TrackItemSpec[][] = [[], []];
  for (let i = 0; i < 200; i++)
    tracks[i % 2]!.push({ clip: clips[i % 100]!, inFrame: 100, outFrame: 300, startFrame: i * 200 });
  const sequence = sim.addSequence({ name: "Sendung", frameRate: "25/1", tracks });
  sim.addUserMarker(sequence, {
    name: "Musik ab hier",
    comments: "",
    type: "Comment",
    start: 150n * TICKS_25,
    duration: 0n,
    colorIndex: 4,
  });
  return { sim, adapter, clips, sequence };
}

function plansEvery(step: number): Map<string, TagPlan> {
  const plans = new Map<string, TagPlan>();
  for (let i = 0; i < 100; i++) {
    const shots = Array.from({ length: 1000 / step }, (_, n) => shot(n + 1, n * step, step));
    plans.set(`/media/C${i}.mov`, tagPlan(`/media/C${i}.mov`, "25/1", shots));
  }
  return plans;
}

describe("PremiereUxpAdapter.markSequenceWith", () => {
  it("marks every shot start inside every used range of a 200-clip sequence in one undo step", async () => {
    const { sim, adapter, sequence } = twoHundredClips();
    const progress: number[] = [];
    const started = performance.now();
    const summary = await adapter.markSequenceWith(plansEvery(50), { onProgress: (done) => progress.push(done) });
    const elapsed = performance.now() - started;
    console.log(`markSequence: 200 instances, 800 markers in ${elapsed.toFixed(0)} ms (simulator)`);

    expect(summary).toMatchObject({ instances: 200, marked: 200, skipped: [], committed: true });
    expect(summary.markers).toEqual({ written: 800, unchanged: 0, removed: 0 });
    expect(progress.at(-1)).toBe(200);
    expect(sim.undo.labels).toEqual(["Sichter: Sequenz markieren"]);
    const markers = sim.markersOf(sequence);
    expect(markers).toHaveLength(801);
    // Instance 7 starts at sequence frame 1400 and shows media frames 100..299: shots at 100, 150, 200, 250.
    const seventh = markers
      .filter((m) => m.start >= 1400n * TICKS_25 && m.start < 1600n * TICKS_25)
      .map((m) => m.start / TICKS_25);
    expect(seventh).toEqual([1400n, 1450n, 1500n, 1550n]);
    expect(sim.gate.violations).toEqual([]);
  });

  it("re-marks only its own markers and leaves the editor's", async () => {
    const { sim, adapter, sequence } = twoHundredClips();
    await adapter.markSequenceWith(plansEvery(50), {});
    const summary = await adapter.markSequenceWith(plansEvery(100), {});
    expect(summary.markers).toEqual({ written: 400, unchanged: 0, removed: 400 });
    const markers = sim.markersOf(sequence);
    expect(markers).toHaveLength(401);
    expect(markers.find((m) => m.name === "Musik ab hier")).toMatchObject({ start: 150n * TICKS_25, colorIndex: 4 });
    expect(sim.undo.size).toBe(2);
  });

  it("skips instances without a plan or with a speed change, and stops when cancelled", async () => {
    const { sim, adapter } = premiereWithAdapter();
    const a = sim.addClip({ name: "A", mediaPath: "/media/A.mov", frameRate: "25/1", durationFrames: 500 });
    const b = sim.addClip({ name: "B", mediaPath: "/media/B.mov", frameRate: "25/1", durationFrames: 500 });
    const sequence = sim.addSequence({
      name: "S",
      frameRate: "25/1",
      tracks: [
        [
          { clip: a, inFrame: 0, outFrame: 100, startFrame: 0, speed: 2 },
          { clip: b, inFrame: 0, outFrame: 100, startFrame: 100 },
        ],
      ],
    });
    const plans = new Map([["/media/A.mov", tagPlan("/media/A.mov", "25/1", [shot(1, 0, 100)])]]);
    const summary = await adapter.markSequenceWith(plans, {});
    expect(summary.skipped).toEqual([
      { name: "A", reason: "speed" },
      { name: "B", reason: "no-plan" },
    ]);
    expect(sim.markersOf(sequence)).toHaveLength(0);

    const controller = new AbortController();
    controller.abort();
    const cancelled = await adapter.markSequenceWith(plans, { signal: controller.signal });
    expect(cancelled.committed).toBe(false);
    expect(sim.undo.size).toBe(0);
  });

  it("answers the panel's markSequence with a report per instance, in one undo step, and says which were skipped and why", async () => {
    const { sim, adapter } = premiereWithAdapter();
    const a = sim.addClip({ name: "A", mediaPath: "/media/A.mov", frameRate: "25/1", durationFrames: 500 });
    const b = sim.addClip({ name: "B", mediaPath: "/media/B.mov", frameRate: "25/1", durationFrames: 500 });
    const sequence = sim.addSequence({
      name: "Landtag",
      frameRate: "25/1",
      tracks: [
        [
          { clip: a, inFrame: 0, outFrame: 100, startFrame: 0 },
          { clip: b, inFrame: 0, outFrame: 100, startFrame: 100 },
          { clip: a, inFrame: 0, outFrame: 100, startFrame: 200, speed: 2 },
        ],
      ],
    });
    const plans = new Map([["/media/A.mov", tagPlan("/media/A.mov", "25/1", [shot(1, 0, 50), shot(2, 50, 50)])]]);
    const seen: [number, number][] = [];
    const report = await adapter.markSequence(plans, (done, total) => seen.push([done, total]));
    expect(report).toMatchObject({
      sequenceName: "Landtag",
      oneUndoStep: true,
      markers: { written: 2, unchanged: 0, removed: 0 },
    });
    expect(report.items.map((item) => [item.name, item.status, item.markers, item.reason ?? null])).toEqual([
      ["A", "written", 2, null],
      ["B", "skipped", 0, "no-plan"],
      ["A", "skipped", 0, "speed"],
    ]);
    expect(seen.at(-1)).toEqual([3, 3]);
    expect(sim.undo.labels).toEqual(["Sichter: Sequenz markieren"]);

    // Each new marker is coloured by its own action in the same transaction, on the first run.
    expect(
      sim
        .markersOf(sequence)
        .filter((m) => m.name.startsWith("Einstellung"))
        .map((m) => m.colorIndex),
    ).toEqual([sim.module.Constants.MarkerColor.BLUE, sim.module.Constants.MarkerColor.BLUE]);
    // The ledger got the new markers' guids in that same step: marking again changes nothing.
    const again = await adapter.markSequence(plans);
    expect(again.items[0]).toMatchObject({ status: "unchanged", markers: 2 });
    expect(sim.undo.labels).toEqual(["Sichter: Sequenz markieren"]);

    const token = new AbortController();
    token.abort();
    const cancelled = await adapter.markSequence(plans, undefined, token.signal);
    expect(cancelled.oneUndoStep).toBe(false);
    expect(
      cancelled.items.every((item) => item.status === "failed" && item.error?.code === "SICHTER_E_CANCELLED"),
    ).toBe(true);
    expect(sim.undo.size).toBe(1);
  });
});

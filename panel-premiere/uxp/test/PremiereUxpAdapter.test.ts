import { describe, expect, it } from "vitest";
import type { ClipReference } from "@sichter/ui/src/host/ClipReference.ts";
import { premiereWithAdapter } from "./adapterTestSupport.ts";

describe("PremiereUxpAdapter", () => {
  function world() {
    const { sim, adapter } = premiereWithAdapter();
    const a = sim.addClip({ name: "A001", mediaPath: "/media/A001.mov", frameRate: "25/1", durationFrames: 1000 });
    const b = sim.addClip({ name: "B001", mediaPath: "/media/B001.mov", frameRate: "50/1", durationFrames: 1000 });
    const sequence = sim.addSequence({
      name: "Beitrag",
      frameRate: "25/1",
      tracks: [
        [{ clip: a, inFrame: 0, outFrame: 100, startFrame: 0 }],
        [{ clip: b, inFrame: 100, outFrame: 200, startFrame: 50 }],
      ],
    });
    return { sim, adapter, a, b, sequence };
  }

  it("follows the Project panel selection, passing over sequences", async () => {
    const { sim, adapter, a, sequence } = world();
    sim.select([sequence.projectItem!, a]);
    expect(await adapter.currentClip()).toEqual({ mediaPath: "/media/A001.mov", name: "A001", hostItemId: a.id });
  });

  it("takes the clip on the highest track under the playhead when switched to it", async () => {
    const { adapter, sequence } = world();
    adapter.setSource("playhead");
    sequence.playerPosition = 60n * 10_160_640_000n;
    expect(await adapter.currentClip()).toMatchObject({
      mediaPath: "/media/B001.mov",
      source: { inFrame: 100, outFrame: 200 },
      sequence: { sequenceName: "Beitrag", frameRate: "25/1", startFrame: 50, endFrame: 100, track: 1 },
    });
    sequence.playerPosition = 10n * 10_160_640_000n;
    expect((await adapter.currentClip())?.mediaPath).toBe("/media/A001.mov");
    sequence.playerPosition = 200n * 10_160_640_000n;
    expect(await adapter.currentClip()).toBeNull();
  });

  it("tells the panel when the selection changes, until disposed", async () => {
    const { sim, adapter, a, b } = world();
    const seen: (ClipReference | null)[] = [];
    const subscription = adapter.onCurrentClipChange((clip) => seen.push(clip));
    await new Promise((resolve) => setTimeout(resolve, 5));
    sim.select([a]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    subscription.dispose();
    sim.select([b]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(seen.map((clip) => clip?.name)).toEqual(["A001"]);
    expect(sim.events.count(sim.module.Constants.ProjectEvent.PROJECT_ITEM_SELECTION_CHANGED)).toBe(0);
  });

  it("lists the active sequence's clips in timeline order", async () => {
    const { adapter } = world();
    expect((await adapter.sequenceClips()).map((c) => [c.name, c.sequence?.startFrame])).toEqual([
      ["A001", 0],
      ["B001", 50],
    ]);
  });

  it("moves the playhead instead when the active sequence shows the frame", async () => {
    const { sim, adapter, sequence } = world();
    await adapter.reveal({ mediaPath: "/media/B001.mov", name: "B001" }, 150);
    // B001's instance shows media frames 100..199 from sequence frame 50 (50 fps media in 25 fps).
    expect(sequence.playerPosition).toBe(75n * 10_160_640_000n);
    expect(sim.sourceMonitor.item).toBeNull();
    await adapter.reveal({ mediaPath: "/media/B001.mov", name: "B001" }, 500);
    expect(sim.sourceMonitor.item).not.toBeNull();
  });

  it("imports a file once and reveals it in the Source Monitor at a frame", async () => {
    const { sim, adapter } = world();
    sim.addFile({ name: "C001", mediaPath: "/media/C001.mov", frameRate: "30000/1001", durationFrames: 900 });
    const imported = await adapter.importMedia("/media/C001.mov");
    const again = await adapter.importMedia("/media/C001.mov");
    expect(again).toEqual(imported);
    expect(sim.allItems().filter((i) => i.name === "C001")).toHaveLength(1);
    await adapter.reveal(imported, 1800);
    expect(sim.sourceMonitor.position).toBe(1800n * 8_475_667_200n);
    await expect(adapter.importMedia("/media/missing.mov")).rejects.toThrow(/could not import/);

    // A search hit in a file the project does not have yet: imported, then shown.
    sim.addFile({ name: "D001", mediaPath: "/media/D001.mov", frameRate: "25/1", durationFrames: 100 });
    await adapter.reveal({ mediaPath: "/media/D001.mov", name: "D001" }, 10);
    expect(sim.allItems().filter((i) => i.name === "D001")).toHaveLength(1);
    expect(sim.sourceMonitor.position).toBe(10n * 10_160_640_000n);
  });
});

import { describe, expect, it } from "vitest";
import { MEDIA_PATH, resolveFixture, tagPlan } from "../test/resolveFixture.ts";
import { applyTagPlan } from "./applyTagPlan.ts";
import type { ResolveApp } from "./ResolveApi.ts";
import { ResolveHost } from "./ResolveHost.ts";

describe("ResolveHost: one call at a time", () => {
  it("never lets two Resolve calls overlap, though poll, apply and reveal are asked at once", async () => {
    const { sim, clip } = resolveFixture();
    const { resolve, monitor } = sim.promiseApi();
    const host = new ResolveHost(resolve as unknown as ResolveApp);
    const current = (await host.currentClip())!;
    const results = await Promise.all([
      host.applyTagPlan(tagPlan(), current),
      host.currentClip(),
      host.sequenceClips(),
      host.reveal(current, 150),
      host.currentClip(),
    ]);
    expect(monitor.overlaps).toBe(0);
    expect(monitor.calls).toBeGreaterThan(50);
    expect(results[0].items.every((i) => i.status === "written")).toBe(true);
    expect(Object.keys(clip.GetMarkers())).toEqual(["0.0", "120.0", "300.0"]);
  });

  it("(the simulator does catch overlapping calls made without the queue)", async () => {
    const { sim } = resolveFixture();
    const { resolve, monitor } = sim.promiseApi();
    const clip = { mediaPath: MEDIA_PATH, name: "Rathaus Köln" };
    await Promise.allSettled([
      applyTagPlan(resolve as unknown as ResolveApp, tagPlan(), clip),
      applyTagPlan(resolve as unknown as ResolveApp, tagPlan(), clip),
    ]);
    expect(monitor.overlaps).toBeGreaterThan(0);
  });
});

describe("ResolveHost.reveal", () => {
  it("moves the playhead to the matched frame of the clip on the timeline", async () => {
    const { sim, timeline } = resolveFixture();
    const host = new ResolveHost(sim.resolve);
    const clip = (await host.currentClip())!;
    expect(await host.reveal(clip, 150)).toBe("playhead");
    // Source frame 150 is 50 after the in point (100); the instance starts at record frame 250.
    expect(timeline.playhead).toBe(timeline.GetStartFrame() + 300);
    expect(timeline.GetCurrentTimecode()).toBe("01:00:12:00");
  });

  it("moves the playhead to a search hit's frame in the instance that shows it, though the hit names only the file", async () => {
    const { sim, timeline, clip } = resolveFixture();
    // A second instance later on: source frames [500, 700) from record frame 600.
    sim.place(timeline, { clip, inFrame: 500, outFrame: 700, recordFrame: 600 });
    const host = new ResolveHost(sim.resolve);
    const hit = { mediaPath: MEDIA_PATH, name: "Rathaus Köln.mov" };
    expect(await host.reveal(hit, 150)).toBe("playhead");
    expect(timeline.playhead).toBe(timeline.GetStartFrame() + 300);
    expect(await host.reveal(hit, 650)).toBe("playhead");
    expect(timeline.playhead).toBe(timeline.GetStartFrame() + 750);
    // Frame 450 is in no instance: the clip is shown in the media pool.
    expect(await host.reveal(hit, 450)).toBe("media-pool");
    expect(sim.mediaPool.selected).toEqual([clip]);
  });

  it("selects the clip in the media pool on the Media page when the frame is not on the timeline", async () => {
    const { sim, clip } = resolveFixture();
    const host = new ResolveHost(sim.resolve);
    const current = (await host.currentClip())!;
    expect(await host.reveal(current, 600)).toBe("media-pool");
    expect(sim.mediaPool.selected).toEqual([clip]);
    expect(sim.resolve.GetCurrentPage()).toBe("media");
  });
});

describe("ResolveHost.sequenceClips", () => {
  it("lists the timeline's video clips in timeline order with their places", async () => {
    const { sim } = resolveFixture();
    const clips = await new ResolveHost(sim.resolve).sequenceClips();
    expect(clips.map((c) => [c.name, c.source, c.sequence?.startFrame])).toEqual([
      ["Schnittbilder", { inFrame: 0, outFrame: 250 }, 0],
      ["Rathaus Köln", { inFrame: 100, outFrame: 400 }, 250],
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { MEDIA_PATH, resolveFixture, tagPlan } from "../test/resolveFixture.ts";
import { ResolveHost } from "./ResolveHost.ts";
import { ResolveHostAdapter } from "./ResolveHostAdapter.ts";
import { localResolveCalls } from "./localResolveCalls.ts";
import { SelectionPoller } from "./SelectionPoller.ts";

function adapterOn(sim: ReturnType<typeof resolveFixture>["sim"]) {
  const host = new ResolveHost(sim.resolve);
  const poller = new SelectionPoller(() => host.currentClip());
  return { host, poller, adapter: new ResolveHostAdapter(localResolveCalls(host, poller)) };
}

describe("ResolveHostAdapter.markSequence (auto-mark of the current timeline)", () => {
  it("puts timeline markers at the shot starts each instance shows, reports every instance, and leaves clip markers and the editor's alone", async () => {
    const { sim, timeline, clip } = resolveFixture();
    timeline.AddMarker(260, "Green", "Musik", "", 1, "");
    const { adapter } = adapterOn(sim);
    const seen: [number, number][] = [];
    const report = await adapter.markSequence(new Map([[MEDIA_PATH, tagPlan()]]), (done, total) =>
      seen.push([done, total]),
    );

    expect(report.sequenceName).toBe("Beitrag 18 Uhr");
    expect(report.oneUndoStep).toBe(false);
    expect(report.items.map((item) => [item.name, item.status, item.markers, item.reason ?? null])).toEqual([
      ["Schnittbilder", "skipped", 0, "no-plan"],
      // Source frames [100, 400) at record 250 show the shots starting at 120 and 300.
      ["Rathaus Köln", "written", 2, null],
    ]);
    expect(Object.keys(timeline.GetMarkers()).sort((a, b) => Number(a) - Number(b))).toEqual([
      "260.0",
      "270.0",
      "450.0",
    ]);
    expect(timeline.GetMarkers()["260.0"]).toMatchObject({ name: "Musik" });
    expect(Object.keys(clip.GetMarkers())).toEqual([]);
    expect(seen.at(-1)).toEqual([2, 2]);

    const again = await adapter.markSequence(new Map([[MEDIA_PATH, tagPlan()]]));
    expect(again.items[1]).toMatchObject({ status: "unchanged", markers: 2 });
    expect(again.markers).toEqual({ written: 0, unchanged: 2, removed: 0 });
  });

  it("skips an instance on a timeline at another rate and says why, and does nothing once cancelled", async () => {
    const { sim, timeline } = resolveFixture({ timelineFps: "24" });
    const { adapter } = adapterOn(sim);
    const report = await adapter.markSequence(new Map([[MEDIA_PATH, tagPlan()]]));
    expect(report.items[1]).toMatchObject({ name: "Rathaus Köln", status: "skipped", reason: "rate" });
    const token = new AbortController();
    token.abort();
    const cancelled = await adapter.markSequence(new Map([[MEDIA_PATH, tagPlan()]]), undefined, token.signal);
    expect(cancelled.items.map((item) => item.error?.code)).toEqual(["SICHTER_E_CANCELLED"]);
    expect(Object.keys(timeline.GetMarkers())).toEqual([]);
  });
});

describe("ResolveHostAdapter.markSequence progress and cancel", () => {
  it("tells the panel after each instance, and a cancel between two instances leaves the rest unmarked", async () => {
    const { sim, timeline } = resolveFixture();
    const { adapter } = adapterOn(sim);
    const plans = new Map([
      ["/media/Schnittbilder.mov", tagPlan({ clipPath: "/media/Schnittbilder.mov" })],
      [MEDIA_PATH, tagPlan()],
    ]);
    const seen: [number, number][] = [];
    const full = await adapter.markSequence(plans, (done, total) => seen.push([done, total]));
    expect(seen).toEqual([
      [0, 2],
      [1, 2],
      [2, 2],
    ]);
    expect(full.items.map((item) => item.status)).toEqual(["written", "written"]);

    for (const frame of Object.keys(timeline.GetMarkers())) timeline.DeleteMarkerAtFrame(Number(frame));
    const token = new AbortController();
    const told: number[] = [];
    const cancelled = await adapter.markSequence(
      plans,
      (done) => {
        told.push(done);
        // The editor cancels once the first instance is marked.
        if (done === 1) token.abort();
      },
      token.signal,
    );
    expect(told).toEqual([0, 1, 2]);
    expect(cancelled.items.map((item) => [item.name, item.status, item.error?.code ?? null])).toEqual([
      ["Schnittbilder", "written", null],
      ["Rathaus Köln", "failed", "SICHTER_E_CANCELLED"],
    ]);
    // Only the first instance (record frames [0, 250)) got its markers.
    expect(Object.keys(timeline.GetMarkers()).every((frame) => Number(frame) < 250)).toBe(true);
    expect(Object.keys(timeline.GetMarkers()).length).toBeGreaterThan(0);
  });
});

describe("ResolveHostAdapter.markSequence counts what it took away", () => {
  it("reports Sichter's markers of an instance that are no longer planned as removed, and the instance as changed", async () => {
    const { sim, timeline } = resolveFixture();
    const { adapter } = adapterOn(sim);
    await adapter.markSequence(new Map([[MEDIA_PATH, tagPlan()]]));
    expect(Object.keys(timeline.GetMarkers())).toEqual(["270.0", "450.0"]);
    // The third shot (source frame 300, record frame 450) is no longer in the plan.
    const fewer = tagPlan({ markers: tagPlan().markers.filter((marker) => marker.startFrame < 300) });
    const report = await adapter.markSequence(new Map([[MEDIA_PATH, fewer]]));
    expect(report.markers).toEqual({ written: 0, unchanged: 1, removed: 1 });
    expect(report.items[1]).toMatchObject({ name: "Rathaus Köln", status: "written", markers: 1 });
    expect(Object.keys(timeline.GetMarkers())).toEqual(["270.0"]);
  });
});

describe("markTimeline with Resolve's blocking API", () => {
  it("hears a cancel that comes as a later message, as IPC brings it, though every Resolve call answers at once", async () => {
    const { sim, timeline } = resolveFixture();
    const host = new ResolveHost(sim.resolve);
    const plans = new Map([
      ["/media/Schnittbilder.mov", tagPlan({ clipPath: "/media/Schnittbilder.mov" })],
      [MEDIA_PATH, tagPlan()],
    ]);
    const token = new AbortController();
    const report = await host.markTimeline(
      plans,
      (done) => {
        // The page's cancel reaches the main process as a message of its own, after this one.
        if (done === 1) setTimeout(() => token.abort(), 0);
      },
      token.signal,
    );
    expect(report.items.map((item) => item.status)).toEqual(["written", "failed"]);
    expect(Object.keys(timeline.GetMarkers()).every((frame) => Number(frame) < 250)).toBe(true);
  });
});

describe("ResolveHostAdapter.setClipSource", () => {
  it("follows the media pool selection or the clip under the playhead, whatever page Resolve shows", async () => {
    const { sim, other } = resolveFixture();
    sim.selectMediaPoolClips(other);
    const { adapter, poller } = adapterOn(sim);
    const heard: (string | null)[] = [];
    adapter.onCurrentClipChange((clip) => heard.push(clip?.name ?? null));
    expect(adapter.capabilities.clipSource).toBe(true);

    // Edit page, playhead over "Rathaus Köln": by default the timeline wins.
    expect((await adapter.currentClip())?.name).toBe("Rathaus Köln");
    adapter.setClipSource("selection");
    await poller.pollNow();
    expect(await adapter.currentClip()).toEqual({
      mediaPath: "/media/Schnittbilder.mov",
      name: "Schnittbilder",
      hostItemId: other.GetUniqueId(),
    });
    expect(heard.at(-1)).toBe("Schnittbilder");

    sim.resolve.OpenPage("media");
    adapter.setClipSource("playhead");
    await poller.pollNow();
    expect((await adapter.currentClip())?.sequence?.sequenceName).toBe("Beitrag 18 Uhr");
    expect(heard.at(-1)).toBe("Rathaus Köln");
    poller.dispose();
  });
});

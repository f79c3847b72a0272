import { describe, expect, it } from "vitest";
import { ErrorCode } from "@sichter/shared/protocol";
import { MEDIA_PATH, resolveFixture, tagPlan } from "../test/resolveFixture.ts";
import { ResolveHost } from "./ResolveHost.ts";

async function applyFromTimeline(fixture: ReturnType<typeof resolveFixture>, plan = tagPlan()) {
  const host = new ResolveHost(fixture.sim.resolve);
  const clip = await host.currentClip();
  return { host, clip: clip!, report: await host.applyTagPlan(plan, clip!) };
}

const CLIP_MARKERS = {
  "0.0": { color: "Blue", duration: 120, note: "10:00:00:00", name: "Einstellung 1", customData: "sichter:f0" },
  "120.0": {
    color: "Yellow",
    duration: 180,
    note: "Rathaus Köln\n10:00:04:20",
    name: "Rathaus Köln",
    customData: "sichter:f120",
  },
  "300.0": {
    color: "Red",
    duration: 450,
    note: "Schwarzbild\n10:00:12:00",
    name: "Schwarzbild",
    customData: "sichter:f300",
  },
};

describe("applyTagPlan: markers", () => {
  it("puts media pool markers at source frames, one per shot, coloured by tag source", async () => {
    const fixture = resolveFixture();
    const { report } = await applyFromTimeline(fixture);
    expect(fixture.clip.GetMarkers()).toEqual(CLIP_MARKERS);
    expect(report.items.filter((i) => i.status !== "written" && i.status !== "unchanged")).toEqual([]);
  });

  it.each([
    ["24", false, 86_400],
    ["25", false, 90_000],
    ["29.97", true, 107_892],
    ["29.97", false, 108_000],
  ])(
    "puts timeline markers relative to the start frame at %s fps (drop-frame %s, start %i)",
    async (fps, dropFrame, start) => {
      const fixture = resolveFixture({ timelineFps: fps, dropFrame });
      const plan = tagPlan({ frameRate: fps === "29.97" ? "30000/1001" : `${fps}/1` });
      const clip = fixture.sim.addClip({ name: "Same rate", filePath: "/media/same.mov", fps, frames: 750, dropFrame });
      fixture.sim.place(fixture.timeline, { clip, inFrame: 100, outFrame: 400, recordFrame: 600 });
      fixture.sim.setPlayhead(fixture.timeline, 650);
      const host = new ResolveHost(fixture.sim.resolve);
      const current = (await host.currentClip())!;
      await host.applyTagPlan({ ...plan, clipPath: "/media/same.mov" }, current);
      expect(fixture.timeline.GetStartFrame()).toBe(start);
      // Source frame 120 is 20 frames after the in point (100): record frame 600 + 20.
      const markers = fixture.timeline.markers.list();
      expect(markers.map((m) => [m.frame, m.info.name, m.info.duration, m.info.customData])).toEqual([
        [620, "Rathaus Köln", 180, `sichter:${clip.GetUniqueId()}@600/f120`],
        [800, "Schwarzbild", 100, `sichter:${clip.GetUniqueId()}@600/f300`],
      ]);
      const item = fixture.timeline.GetItemListInTrack("video", 1).find((i) => i.GetMediaPoolItem() === clip)!;
      expect(start + markers[0]!.frame).toBe(item.GetStart()! + (120 - item.GetLeftOffset()!));
    },
  );

  it("skips timeline markers when the timeline runs at another rate than the clip", async () => {
    const fixture = resolveFixture({ timelineFps: "24" });
    const { report } = await applyFromTimeline(fixture);
    expect(fixture.timeline.GetMarkers()).toEqual({});
    expect(report.items).toContainEqual({
      kind: "marker",
      status: "skipped",
      target: "Beitrag 18 Uhr: timeline at 24.000 fps, clip at 25.000 fps",
    });
    expect(fixture.clip.GetMarkers()).toEqual(CLIP_MARKERS);
  });

  it("re-applies by replacing exactly Sichter's own markers, never the editor's", async () => {
    const fixture = resolveFixture();
    fixture.clip.AddMarker(50, "Green", "Ton weg", "", 1, "");
    fixture.clip.AddMarker(200, "Pink", "O-Ton", "gut", 10, "my-tool:42");
    fixture.timeline.AddMarker(10, "Cyan", "Beitragsbeginn", "", 1, "");
    const first = await applyFromTimeline(fixture);
    const changed = tagPlan({
      markers: tagPlan().markers.map((m) =>
        m.startFrame === 300 ? { ...m, startFrame: 310, durationFrames: 440 } : m,
      ),
    });
    const second = await first.host.applyTagPlan(changed, first.clip);

    expect(fixture.clip.markers.list().map((m) => [m.frame, m.info.name, m.info.customData])).toEqual([
      [0, "Einstellung 1", "sichter:f0"],
      [50, "Ton weg", ""],
      [120, "Rathaus Köln", "sichter:f120"],
      [200, "O-Ton", "my-tool:42"],
      [310, "Schwarzbild", "sichter:f310"],
    ]);
    expect(fixture.timeline.markers.list().map((m) => [m.frame, m.info.name])).toEqual([
      [10, "Beitragsbeginn"],
      [270, "Rathaus Köln"],
      [460, "Schwarzbild"],
    ]);
    const statuses = second.items.filter((i) => i.kind === "marker").map((i) => [i.frame, i.status]);
    expect(statuses).toEqual([
      [0, "unchanged"],
      [120, "unchanged"],
      [310, "written"],
      [120, "unchanged"],
      [310, "written"],
    ]);
  });

  it("deletes every copy of a custom data value, though one delete removes only the first", async () => {
    const fixture = resolveFixture();
    for (const frame of [5, 6, 7]) fixture.clip.AddMarker(frame, "Blue", "old", "", 1, "sichter:f5");
    await applyFromTimeline(fixture);
    expect(fixture.clip.markers.list().map((m) => m.frame)).toEqual([0, 120, 300]);
  });

  it("moves a marker on by one frame where the editor's marker holds its frame, and leaves theirs alone", async () => {
    const fixture = resolveFixture();
    fixture.clip.AddMarker(120, "Green", "Ton weg", "", 1, "");
    fixture.clip.AddMarker(121, "Green", "Ton wieder da", "", 1, "");
    fixture.timeline.AddMarker(270, "Cyan", "Anfang O-Ton", "", 1, "");
    const { report } = await applyFromTimeline(fixture);
    expect(fixture.clip.GetMarkers()["122.0"]).toEqual({ ...CLIP_MARKERS["120.0"], duration: 178 });
    expect(fixture.clip.GetMarkers()["120.0"]).toEqual({
      color: "Green",
      duration: 1,
      note: "",
      name: "Ton weg",
      customData: "",
    });
    expect(fixture.timeline.GetMarkers()["271.0"]).toMatchObject({ name: "Rathaus Köln", duration: 179 });
    expect(fixture.timeline.GetMarkers()["270.0"]).toMatchObject({ name: "Anfang O-Ton", customData: "" });
    expect(report.items).toContainEqual({
      kind: "marker",
      status: "written",
      target: "Rathaus Köln: Rathaus Köln",
      frame: 122,
    });
  });

  it("leaves a marker it moved past the editor's as it is on a re-apply", async () => {
    const fixture = resolveFixture();
    fixture.clip.AddMarker(120, "Green", "Ton weg", "", 1, "");
    const { host, clip } = await applyFromTimeline(fixture);
    const again = await host.applyTagPlan(tagPlan(), clip);
    expect(again.items.filter((i) => i.kind === "marker").map((i) => [i.frame, i.status])).toEqual([
      [0, "unchanged"],
      [121, "unchanged"],
      [300, "unchanged"],
      [120, "unchanged"],
      [300, "unchanged"],
    ]);
    expect(fixture.clip.GetMarkers()["121.0"]).toEqual({ ...CLIP_MARKERS["120.0"], duration: 179 });
  });

  it("skips a marker whose every frame the editor's markers hold, naming the one in the way", async () => {
    const fixture = resolveFixture();
    const plan = tagPlan({
      markers: [{ name: "Blitz", comment: "", startFrame: 40, durationFrames: 2, kind: "cue.flash", color: "red" }],
    });
    fixture.clip.AddMarker(40, "Green", "Mein Marker", "", 1, "");
    fixture.clip.AddMarker(41, "Green", "Noch einer", "", 1, "");
    const { report } = await applyFromTimeline(fixture, plan);
    expect(fixture.clip.markers.list().map((m) => m.info.name)).toEqual(["Mein Marker", "Noch einer"]);
    expect(report.items[0]).toEqual({
      kind: "marker",
      status: "skipped",
      target: "Rathaus Köln: Blitz",
      frame: 40,
      error: {
        code: ErrorCode.MARKER_FRAME_OCCUPIED,
        params: { target: "Rathaus Köln", name: "Blitz", from: 40, to: 41, occupant: "Mein Marker" },
      },
    });
  });

  it("merges plan markers that start on the same frame into one (a plan without shots)", async () => {
    const fixture = resolveFixture();
    const plan = tagPlan({
      markers: [
        {
          name: "Schwarzbild",
          comment: "technical 100%",
          startFrame: 0,
          durationFrames: 10,
          kind: "cue.black",
          color: "red",
        },
        {
          name: "Stille",
          comment: "technical 90%",
          startFrame: 0,
          durationFrames: 25,
          kind: "cue.silence",
          color: "red",
        },
      ],
    });
    await applyFromTimeline(fixture, plan);
    expect(fixture.clip.GetMarkers()).toEqual({
      "0.0": {
        color: "Red",
        duration: 25,
        note: "Schwarzbild\n10:00:00:00\nStille\n10:00:00:00",
        name: "Schwarzbild, Stille",
        customData: "sichter:f0",
      },
    });
  });

  it("applies to a media pool clip without timeline markers", async () => {
    const fixture = resolveFixture();
    const host = new ResolveHost(fixture.sim.resolve);
    const report = await host.applyTagPlan(tagPlan(), { mediaPath: MEDIA_PATH, name: "Rathaus Köln" });
    expect(fixture.clip.GetMarkers()).toEqual(CLIP_MARKERS);
    expect(fixture.timeline.GetMarkers()).toEqual({});
    expect(report.items.every((i) => i.status === "written")).toBe(true);
  });

  it("reports a clip that is not in the media pool", async () => {
    const fixture = resolveFixture();
    const report = await new ResolveHost(fixture.sim.resolve).applyTagPlan(tagPlan(), {
      mediaPath: "/media/gone.mov",
      name: "gone",
    });
    expect(report.items).toEqual([
      {
        kind: "marker",
        status: "failed",
        target: "/media/gone.mov",
        error: { code: ErrorCode.FILE_NOT_FOUND, params: { path: "/media/gone.mov" } },
      },
    ]);
  });
});

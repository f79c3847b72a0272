import { describe, expect, it } from "vitest";
import { ResolveSimulator } from "./ResolveSimulator.ts";
import { SimulatorError } from "./SimulatorError.ts";

const CLIP = { filePath: "/media/Pressekonferenz.mov", fps: "25", frames: 500, startTimecode: "10:00:00:00" };

function timelineWithClip(fps = "25", options: { dropFrame?: boolean } = {}) {
  const sim = new ResolveSimulator();
  const clip = sim.addClip(CLIP);
  const timeline = sim.addTimeline({ name: "Beitrag", fps, ...options });
  const item = sim.place(timeline, { clip, inFrame: 100, outFrame: 300, recordFrame: 50 });
  return { sim, clip, timeline, item };
}

describe("ResolveSimulator: the object chain", () => {
  it("reaches the media pool and the current timeline from resolve", () => {
    const { sim, timeline } = timelineWithClip();
    const project = sim.resolve.GetProjectManager().GetCurrentProject();
    expect(
      project
        ?.GetMediaPool()
        .GetRootFolder()
        .GetClipList()
        .map((c) => c.GetClipProperty("File Path")),
    ).toEqual([CLIP.filePath]);
    expect(project?.GetCurrentTimeline()).toBe(timeline);
    sim.closeProject();
    expect(sim.resolve.GetProjectManager().GetCurrentProject()).toBeUndefined();
  });

  it("answers GetVersion as [major, minor, patch, build, suffix]", () => {
    expect(new ResolveSimulator({ version: "19.0.2" }).resolve.GetVersion()).toEqual([19, 0, 2, 0, ""]);
  });
});

describe("ResolveSimulator: timeline start frame", () => {
  it.each([
    ["24", false, 86_400],
    ["25", false, 90_000],
    ["29.97", false, 108_000],
    ["29.97", true, 107_892],
  ])("puts 01:00:00:00 at %s fps (drop-frame %s) on frame %i", (fps, dropFrame, frame) => {
    const sim = new ResolveSimulator();
    const timeline = sim.addTimeline({ name: "T", fps, dropFrame });
    expect(timeline.GetStartFrame()).toBe(frame);
    expect(timeline.GetStartTimecode()).toBe(dropFrame ? "01:00:00;00" : "01:00:00:00");
  });

  it("gives GetStart and GetEnd in absolute frames and GetLeftOffset as the source in point", () => {
    const { item } = timelineWithClip("24");
    expect(item.GetStart()).toBe(86_400 + 50);
    expect(item.GetEnd()).toBe(86_400 + 250);
    expect(item.GetLeftOffset()).toBe(100);
    expect(item.GetMediaPoolItem().GetClipProperty("File Path")).toBe(CLIP.filePath);
  });
});

describe("ResolveSimulator: current video item", () => {
  it("is the clip on the highest video track under the playhead, and none in a gap", () => {
    const { sim, timeline, item, clip } = timelineWithClip();
    const upper = sim.place(timeline, { clip, inFrame: 0, outFrame: 20, recordFrame: 60, track: 2 });
    sim.setPlayhead(timeline, 55);
    expect(timeline.GetCurrentVideoItem()).toBe(item);
    sim.setPlayhead(timeline, 65);
    expect(timeline.GetCurrentVideoItem()).toBe(upper);
    sim.setPlayhead(timeline, 10);
    expect(timeline.GetCurrentVideoItem()).toBeUndefined();
  });

  it("moves the playhead by timecode within the timeline only", () => {
    const { timeline } = timelineWithClip();
    expect(timeline.SetCurrentTimecode("01:00:04:00")).toBe(true);
    expect(timeline.GetCurrentTimecode()).toBe("01:00:04:00");
    expect(timeline.SetCurrentTimecode("00:59:59:00")).toBe(false);
    expect(timeline.SetCurrentTimecode("not a timecode")).toBe(false);
  });
});

describe("ResolveSimulator: markers", () => {
  it("keys GetMarkers by float frame numbers", () => {
    const { clip } = timelineWithClip();
    expect(clip.AddMarker(120, "Blue", "Einstellung 2", "", 1, "sichter:a")).toBe(true);
    const markers = clip.GetMarkers();
    expect(Object.keys(markers)).toEqual(["120.0"]);
    expect(markers["120.0"]).toEqual({
      color: "Blue",
      duration: 1,
      note: "",
      name: "Einstellung 2",
      customData: "sichter:a",
    });
  });

  it("refuses AddMarker on an occupied frame and keeps the marker there", () => {
    const { clip } = timelineWithClip();
    expect(clip.AddMarker(10, "Red", "mine", "", 1, "")).toBe(true);
    expect(clip.AddMarker(10, "Blue", "Sichter", "", 5, "sichter:x")).toBe(false);
    expect(clip.markers.list()).toEqual([
      { frame: 10, info: { color: "Red", duration: 1, note: "", name: "mine", customData: "" } },
    ]);
  });

  it("refuses unknown colours, fractions, zero durations and frames outside the clip", () => {
    const { clip } = timelineWithClip();
    expect(clip.AddMarker(1, "Orange", "n", "", 1)).toBe(false);
    expect(clip.AddMarker(1.5, "Blue", "n", "", 1)).toBe(false);
    expect(clip.AddMarker(1, "Blue", "n", "", 0)).toBe(false);
    expect(clip.AddMarker(500, "Blue", "n", "", 1)).toBe(false);
    expect(clip.AddMarker(499, "Cream", "n", "", 1)).toBe(true);
  });

  it("deletes only the FIRST marker with a custom data value per DeleteMarkerByCustomData call", () => {
    const { clip } = timelineWithClip();
    for (const frame of [30, 10, 20]) clip.AddMarker(frame, "Green", `m${frame}`, "", 1, "sichter:shot");
    clip.AddMarker(15, "Green", "user", "", 1, "");
    expect(clip.DeleteMarkerByCustomData("sichter:shot")).toBe(true);
    expect(clip.markers.list().map((m) => m.frame)).toEqual([15, 20, 30]);
    while (clip.DeleteMarkerByCustomData("sichter:shot"));
    expect(clip.markers.list().map((m) => m.info.name)).toEqual(["user"]);
    expect(clip.DeleteMarkerByCustomData("sichter:shot")).toBe(false);
  });

  it("counts timeline markers from the timeline's start frame", () => {
    const { timeline } = timelineWithClip("24");
    // The timeline runs to record frame 250 (GetEndFrame 86650): markers fit in [0, 250).
    expect(timeline.GetEndFrame()).toBe(86_650);
    expect(timeline.AddMarker(0, "Blue", "first frame", "", 1)).toBe(true);
    expect(timeline.AddMarker(249, "Blue", "last frame", "", 1)).toBe(true);
    expect(timeline.AddMarker(250, "Blue", "past the end", "", 1)).toBe(false);
    expect(timeline.AddMarker(86_400, "Blue", "absolute frame", "", 1)).toBe(false);
    expect(Object.keys(timeline.GetMarkers())).toEqual(["0.0", "249.0"]);
  });

  it("returns copies: changing what GetMarkers gave changes nothing", () => {
    const { clip } = timelineWithClip();
    clip.AddMarker(5, "Blue", "n", "", 1, "c");
    clip.GetMarkers()["5.0"]!.customData = "changed";
    expect(clip.GetMarkerByCustomData("c")).toEqual({
      "5.0": { color: "Blue", duration: 1, note: "", name: "n", customData: "c" },
    });
  });
});

describe("ResolveSimulator: metadata", () => {
  it("takes the 21.1 dict forms and the deprecated key/value forms", () => {
    const { clip } = timelineWithClip();
    expect(clip.SetMetadata({ Keywords: "Pressekonferenz, Rathaus" })).toBe(true);
    expect(clip.GetMetadata()).toEqual({ Keywords: "Pressekonferenz, Rathaus" });
    expect(clip.SetMetadata("Comments", "Ton schlecht")).toBe(true);
    expect(clip.GetMetadata("Comments")).toBe("Ton schlecht");
    expect(clip.GetMetadata("Description")).toBe("");
  });

  it("has no dict forms before 21.1", () => {
    const sim = new ResolveSimulator({ version: "20.3" });
    const clip = sim.addClip(CLIP);
    expect(clip.SetMetadata({ Keywords: "a" })).toBe(false);
    expect(clip.GetMetadata()).toBeUndefined();
    expect(clip.SetMetadata("Keywords", "a")).toBe(true);
    expect(clip.GetMetadata("Keywords")).toBe("a");
  });

  it("can drop the key/value forms, as a Resolve after their deprecation may", () => {
    const sim = new ResolveSimulator({ metadataForms: { keyValue: false } });
    const clip = sim.addClip(CLIP);
    expect(clip.SetMetadata("Keywords", "a")).toBe(false);
    expect(clip.GetMetadata("Keywords")).toBeUndefined();
    expect(clip.SetMetadata({ Keywords: "a" })).toBe(true);
  });

  it("answers true for a field that keeps nothing", () => {
    const sim = new ResolveSimulator({ fieldsNotKept: ["Description"] });
    const clip = sim.addClip(CLIP);
    expect(clip.SetMetadata({ Description: "3 Einstellungen." })).toBe(true);
    expect(clip.SetMetadata("Description", "3 Einstellungen.")).toBe(true);
    expect(clip.GetMetadata("Description")).toBe("");
    expect(clip.metadata.peek("Description")).toBe("");
  });

  it("never creates a field, and a dict with one unknown field writes nothing", () => {
    const { clip } = timelineWithClip();
    expect(clip.SetMetadata("Sichter", "x")).toBe(false);
    expect(clip.SetMetadata({ Keywords: "a", Sichter: "x" })).toBe(false);
    expect(clip.GetMetadata("Keywords")).toBe("");
  });
});

describe("ResolveSimulator: what each version has", () => {
  it("has no media pool selection before 19.0.2", () => {
    expect(new ResolveSimulator({ version: "18.6" }).mediaPool.GetSelectedClips).toBeUndefined();
    const sim = new ResolveSimulator({ version: "19.0.2" });
    const clip = sim.addClip(CLIP);
    sim.selectMediaPoolClips(clip);
    expect(sim.mediaPool.GetSelectedClips?.()).toEqual([clip]);
  });

  it("has timeline selection from 21.0.4 only", () => {
    const older = new ResolveSimulator({ version: "21.0.3" });
    expect(older.addTimeline({ name: "T", fps: "25" }).GetSelectedClips).toBeUndefined();
    const { sim, timeline, item } = timelineWithClip();
    sim.selectTimelineItems(timeline, item);
    expect(timeline.GetSelectedClips?.()).toEqual([item]);
  });

  it("takes the subframe argument of GetStart from 19.0.2 only", () => {
    const sim = new ResolveSimulator({ version: "18.6" });
    const clip = sim.addClip(CLIP);
    const item = sim.place(sim.addTimeline({ name: "T", fps: "25" }), {
      clip,
      inFrame: 0,
      outFrame: 10,
      recordFrame: 0,
    });
    expect(item.GetStart(true)).toBeUndefined();
    expect(item.GetStart()).toBe(90_000);
  });
});

describe("ResolveSimulator: the promise flavour", () => {
  it("answers every call with a promise and wraps the objects it gives", async () => {
    const { sim } = timelineWithClip();
    const { resolve, monitor } = sim.promiseApi();
    const manager = await resolve.GetProjectManager();
    const project = await manager.GetCurrentProject();
    const timeline = await project!.GetCurrentTimeline();
    expect(await timeline!.GetStartFrame()).toBe(90_000);
    expect(monitor.calls).toBe(4);
    expect(monitor.overlaps).toBe(0);
  });

  it("refuses a call that overlaps another, as the API is not thread-safe", async () => {
    const { sim } = timelineWithClip();
    const { resolve, monitor } = sim.promiseApi();
    const results = await Promise.allSettled([resolve.GetCurrentPage(), resolve.GetCurrentPage()]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected"]);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(SimulatorError);
    expect(monitor.overlaps).toBe(1);
  });
});

import { describe, expect, it } from "vitest";
import { MEDIA_PATH, resolveFixture } from "../test/resolveFixture.ts";
import { ResolveHost } from "./ResolveHost.ts";

describe("ResolveHost.currentClip", () => {
  it("takes the current video item: its media pool item's file, source in from GetLeftOffset, place from GetStart", async () => {
    const { sim, clip } = resolveFixture({ version: "20.3" });
    expect(await new ResolveHost(sim.resolve).currentClip()).toEqual({
      mediaPath: MEDIA_PATH,
      name: "Rathaus Köln",
      hostItemId: clip.GetUniqueId(),
      source: { inFrame: 100, outFrame: 400 },
      sequence: { sequenceName: "Beitrag 18 Uhr", frameRate: "25/1", startFrame: 250, endFrame: 550, track: 0 },
    });
  });

  it.each([
    ["24", false, "24/1"],
    ["25", false, "25/1"],
    ["29.97", true, "30000/1001"],
  ])("counts the place from the timeline's start frame at %s fps", async (fps, dropFrame, rate) => {
    const { sim, timeline, item } = resolveFixture({ timelineFps: fps, dropFrame });
    const clip = await new ResolveHost(sim.resolve).currentClip();
    expect(clip?.sequence).toMatchObject({ frameRate: rate, startFrame: 250, endFrame: 550 });
    expect(item.GetStart()).toBe(timeline.GetStartFrame() + 250);
  });

  it("names the track of a clip on V2", async () => {
    const { sim, timeline, other } = resolveFixture();
    sim.place(timeline, { clip: other, inFrame: 300, outFrame: 320, recordFrame: 290, track: 2 });
    sim.setPlayhead(timeline, 295);
    expect((await new ResolveHost(sim.resolve).currentClip())?.sequence).toMatchObject({ track: 1, startFrame: 290 });
  });

  it("takes the selected timeline clip where the version has Timeline.GetSelectedClips (21.0.4)", async () => {
    const { sim, timeline, lead } = resolveFixture({ version: "21.0.4" });
    sim.selectTimelineItems(timeline, lead);
    expect((await new ResolveHost(sim.resolve).currentClip())?.mediaPath).toBe("/media/Schnittbilder.mov");
  });

  it("takes the selected media pool clip on the Media page", async () => {
    const { sim, other } = resolveFixture();
    sim.selectMediaPoolClips(other);
    sim.resolve.OpenPage("media");
    const clip = await new ResolveHost(sim.resolve).currentClip();
    expect(clip).toEqual({
      mediaPath: "/media/Schnittbilder.mov",
      name: "Schnittbilder",
      hostItemId: other.GetUniqueId(),
    });
  });

  it("falls back to the media pool selection when the playhead is over a gap", async () => {
    const { sim, timeline, other } = resolveFixture();
    sim.setPlayhead(timeline, 600);
    expect(await new ResolveHost(sim.resolve).currentClip()).toBeNull();
    sim.selectMediaPoolClips(other);
    expect((await new ResolveHost(sim.resolve).currentClip())?.mediaPath).toBe("/media/Schnittbilder.mov");
  });

  it("does not ask for the media pool selection before 19.0.2, and answers null without a project", async () => {
    const { sim, other } = resolveFixture({ version: "18.6" });
    sim.resolve.OpenPage("media");
    sim.selectMediaPoolClips(other);
    expect((await new ResolveHost(sim.resolve).currentClip())?.mediaPath).toBe(MEDIA_PATH);
    sim.closeProject();
    expect(await new ResolveHost(sim.resolve).currentClip()).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { XMPConst, XMPMeta } from "@sichter/premiere-simulator";
import { SICHTER_XMP_NAMESPACE } from "@sichter/premiere-common";
import { createTimecodeContext, framesToTicks, parseFrameRate, ticksPerFrame } from "@sichter/shared/timecode";
import { premiereWithAdapter, shot, tag, tagPlan } from "./adapterTestSupport.ts";

const LABEL = "Sichter: Clip verschlagworten";

describe("PremiereUxpAdapter.applyTagPlan", () => {
  it.each([
    ["25/1", false, 0],
    ["30000/1001", true, 107_892], // media starting at 01:00:00;00 drop-frame
  ])(
    "puts clip and sequence markers on exact frames for a clip with an in point at %s",
    async (rate, dropFrame, startFrame) => {
      const { sim, adapter } = premiereWithAdapter();
      const exact = parseFrameRate(rate);
      const perFrame = ticksPerFrame(exact);
      const clip = sim.addClip({
        name: "A001",
        mediaPath: "/media/A001.mov",
        frameRate: rate,
        durationFrames: 30_000,
        startFrame,
      });
      // The instance shows media frames [17982, 21582) (from 10 min, drop-frame's exact minute) at sequence frame 250.
      const sequence = sim.addSequence({
        name: "Beitrag",
        frameRate: rate,
        tracks: [[{ clip, inFrame: 17_982, outFrame: 21_582, startFrame: 250 }]],
      });
      sequence.playerPosition = 300n * perFrame;
      adapter.setSource("playhead");
      const current = await adapter.currentClip();
      expect(current?.source).toEqual({ inFrame: 17_982, outFrame: 21_582 });
      expect(current?.sequence).toMatchObject({
        sequenceName: "Beitrag",
        startFrame: 250,
        endFrame: 250 + 3600,
        track: 0,
      });

      const shots = [
        shot(1, 0, 17_982),
        shot(2, 17_982, 1800),
        shot(3, 19_782, 1799),
        shot(4, 21_581, 100),
        shot(5, 21_681, 500),
      ];
      const plan = tagPlan(
        "/media/A001.mov",
        rate,
        [...shots, tag("ocr.line", "Rathaus", 19_800, "yellow")],
        ["Rathaus"],
      );
      const report = await adapter.applyTagPlan(plan, current!);
      expect(report.items.filter((i) => i.status === "failed")).toEqual([]);

      // Clip markers: every shot start, in clip ticks.
      expect(sim.markersOf(clip).map((m) => m.start)).toEqual(shots.map((s) => framesToTicks(s.startFrame, exact)));
      expect(sim.markersOf(clip).map((m) => m.duration)).toEqual(
        shots.map((s) => framesToTicks(s.durationFrames, exact)),
      );
      // Sequence markers: the shot starts the instance shows, through the in point and the position.
      expect(sim.markersOf(sequence).map((m) => m.start)).toEqual(
        [250n, 250n + 1800n, 250n + 3599n].map((f) => f * perFrame),
      );
      const third = sim.markersOf(sequence)[2]!;
      expect(third.name).toBe("Einstellung 4");
      // Shot 3 carries the keyword; its timecode is the media's own, drop-frame where the clip is.
      const timecode = createTimecodeContext({ rate: exact, dropFrame, start: startFrame });
      const marker = sim.markersOf(clip)[2]!;
      expect(marker.name).toBe("Rathaus");
      expect(marker.comments).toBe(`Rathaus\n${timecode.toTimecode(19_782)}`);
      if (dropFrame) expect(marker.comments).toBe("Rathaus\n01:11:00;02"); // 01:00:00;00 + 10 min + 1800 frames
      expect(sim.gate.violations).toEqual([]);
    },
  );

  it("still tags the clip when its timeline instance moved away, and says the sequence was left", async () => {
    const { sim, adapter } = premiereWithAdapter();
    const clip = sim.addClip({ name: "A001", mediaPath: "/media/A001.mov", frameRate: "25/1", durationFrames: 500 });
    const sequence = sim.addSequence({
      name: "Beitrag",
      frameRate: "25/1",
      tracks: [[{ clip, inFrame: 0, outFrame: 100, startFrame: 0 }]],
    });
    adapter.setSource("playhead");
    const current = (await adapter.currentClip())!;
    const moved = { ...current, sequence: { ...current.sequence!, startFrame: 75 } };
    const report = await adapter.applyTagPlan(tagPlan("/media/A001.mov", "25/1", [shot(1, 0, 500)]), moved);
    expect(sim.markersOf(clip)).toHaveLength(1);
    expect(sim.markersOf(sequence)).toHaveLength(0);
    expect(report.items).toContainEqual({ kind: "marker", status: "skipped", target: "Beitrag" });
  });

  it("writes everything as exactly one undo step and undoes it whole", async () => {
    const { sim, adapter } = premiereWithAdapter();
    const clip = sim.addClip({ name: "A001", mediaPath: "/media/A001.mov", frameRate: "25/1", durationFrames: 500 });
    sim.select([clip]);
    const current = (await adapter.currentClip())!;
    const before = clip.state.xmp;
    await adapter.applyTagPlan(
      tagPlan("/media/A001.mov", "25/1", [shot(1, 0, 100), shot(2, 100, 400)], ["Dom"]),
      current,
    );
    expect(sim.undo.labels).toEqual([LABEL]);
    await adapter.applyTagPlan(
      tagPlan("/media/A001.mov", "25/1", [shot(1, 0, 250), shot(2, 250, 250)], ["Dom", "Rhein"]),
      current,
    );
    expect(sim.undo.labels).toEqual([LABEL, LABEL]);
    const afterFirst = sim.markersOf(clip).length;
    sim.undo.undo();
    expect(sim.markersOf(clip).map((m) => m.start)).toEqual([0n, framesToTicks(100, parseFrameRate("25"))]);
    expect(afterFirst).toBe(2);
    sim.undo.undo();
    expect(sim.markersOf(clip)).toEqual([]);
    expect(clip.state.xmp).toBe(before);
  });

  it("re-applies only Sichter's markers and never touches the editor's", async () => {
    const { sim, adapter } = premiereWithAdapter();
    const clip = sim.addClip({ name: "A001", mediaPath: "/media/A001.mov", frameRate: "25/1", durationFrames: 500 });
    const user = {
      name: "Gutes Zitat",
      comments: "ab hier",
      type: "Comment",
      start: 40n * 10_160_640_000n,
      duration: 0n,
      colorIndex: 3,
    };
    sim.addUserMarker(clip, user);
    sim.select([clip]);
    const current = (await adapter.currentClip())!;
    await adapter.applyTagPlan(
      tagPlan("/media/A001.mov", "25/1", [shot(1, 0, 100), shot(2, 100, 200), shot(3, 300, 200)]),
      current,
    );
    expect(sim.markersOf(clip)).toHaveLength(4);
    // The editor renames one of Sichter's markers: from now on it is theirs.
    const adopted = sim.markersOf(clip).find((m) => m.name === "Einstellung 2")!;
    adopted.name = "Einstellung 2 (Schnitt hier)";

    await adapter.applyTagPlan(tagPlan("/media/A001.mov", "25/1", [shot(1, 0, 250), shot(2, 250, 250)]), current);
    const markers = sim.markersOf(clip);
    expect(markers.find((m) => m.name === "Gutes Zitat")).toMatchObject(user);
    expect(markers.find((m) => m.name === "Einstellung 2 (Schnitt hier)")?.start).toBe(100n * 10_160_640_000n);
    const ours = markers.filter((m) => m.name.startsWith("Einstellung ") && !m.name.includes("("));
    expect(ours.map((m) => [m.name, m.start])).toEqual([
      ["Einstellung 1", 0n],
      ["Einstellung 2", 250n * 10_160_640_000n],
    ]);
    expect(markers).toHaveLength(4);
  });

  it("colours markers it reuses and keeps their guids", async () => {
    const { sim, adapter } = premiereWithAdapter();
    const clip = sim.addClip({ name: "A001", mediaPath: "/media/A001.mov", frameRate: "25/1", durationFrames: 500 });
    sim.select([clip]);
    const current = (await adapter.currentClip())!;
    await adapter.applyTagPlan(tagPlan("/media/A001.mov", "25/1", [shot(1, 0, 500)]), current);
    const guid = sim.markersOf(clip)[0]!.guid;
    await adapter.applyTagPlan(
      tagPlan("/media/A001.mov", "25/1", [shot(1, 0, 500), tag("cue.black", "Schwarzbild", 5, "red")]),
      current,
    );
    const [marker] = sim.markersOf(clip);
    expect(marker).toMatchObject({ guid, name: "Schwarzbild", colorIndex: sim.module.Constants.MarkerColor.RED });
  });

  it("keeps foreign XMP and replaces only its own keywords", async () => {
    const { sim, adapter } = premiereWithAdapter();
    const foreign = new XMPMeta();
    foreign.setProperty("http://ns.adobe.com/xap/1.0/", "CreatorTool", "Kamera 7");
    foreign.appendArrayItem(XMPConst.NS_DC, "subject", "Interview", 0, XMPConst.PROP_IS_ARRAY);
    foreign.setLocalizedText(XMPConst.NS_DC, "description", null, "x-default", "Redaktion: Dreh am Dom");
    foreign.appendArrayItem("http://ns.example.invalid/newsroom/", "desks", "Politik", 0, XMPConst.ARRAY_IS_ORDERED);
    const clip = sim.addClip({
      name: "A001",
      mediaPath: "/media/A001.mov",
      frameRate: "25/1",
      durationFrames: 500,
      xmp: foreign.serialize(),
    });
    sim.select([clip]);
    const current = (await adapter.currentClip())!;
    await adapter.applyTagPlan(tagPlan("/media/A001.mov", "25/1", [shot(1, 0, 500)], ["Dom", "interview"]), current);
    await adapter.applyTagPlan(tagPlan("/media/A001.mov", "25/1", [shot(1, 0, 500)], ["Rhein"]), current);

    const written = new XMPMeta(clip.state.xmp);
    expect(written.getProperty("http://ns.adobe.com/xap/1.0/", "CreatorTool")?.value).toBe("Kamera 7");
    expect(written.getArrayItem("http://ns.example.invalid/newsroom/", "desks", 1)?.value).toBe("Politik");
    const subject = Array.from(
      { length: written.countArrayItems(XMPConst.NS_DC, "subject") },
      (_, i) => written.getArrayItem(XMPConst.NS_DC, "subject", i + 1)?.value,
    );
    expect(subject).toEqual(["Interview", "Rhein"]);
    expect(written.getLocalizedText(XMPConst.NS_DC, "description", null, "x-default")).toBe("Redaktion: Dreh am Dom");
    expect(written.getLocalizedText(XMPConst.NS_DC, "description", "de", "de")).toBe("1 Marker.");
    expect(written.countArrayItems(SICHTER_XMP_NAMESPACE, "keywords")).toBe(1);
    expect(clip.state.projectMetadata.get("SichterKeywords")).toBe("Interview, Rhein");
    expect(sim.metadata.schema.get("SichterKeywords")).toEqual({
      label: "Sichter Keywords",
      type: sim.module.Metadata.METADATA_TYPE_TEXT,
    });
  });

  it("writes the description in the language the panel asks for", async () => {
    const { sim, adapter } = premiereWithAdapter();
    const clip = sim.addClip({ name: "A001", mediaPath: "/media/A001.mov", frameRate: "25/1", durationFrames: 500 });
    sim.select([clip]);
    await adapter.applyTagPlan(tagPlan("/media/A001.mov", "25/1", [shot(1, 0, 500)]), (await adapter.currentClip())!, {
      language: "en",
    });
    const written = new XMPMeta(clip.state.xmp);
    expect(written.getQualifier(XMPConst.NS_DC, "description[2]", XMPConst.NS_XML, "lang")?.value).toBe("en");
  });

  it("takes out keywords the plan withdraws, also ones it wrote through the engine's sidecar", async () => {
    const { sim, adapter } = premiereWithAdapter();
    const sidecar = new XMPMeta();
    for (const keyword of ["Interview", "Demo"])
      sidecar.appendArrayItem(XMPConst.NS_DC, "subject", keyword, 0, XMPConst.PROP_IS_ARRAY);
    const clip = sim.addClip({
      name: "A001",
      mediaPath: "/media/A001.mov",
      frameRate: "25/1",
      durationFrames: 500,
      xmp: sidecar.serialize(),
    });
    sim.select([clip]);
    const plan = { ...tagPlan("/media/A001.mov", "25/1", [shot(1, 0, 500)], ["Rhein"]), withdrawnKeywords: ["Demo"] };
    const report = await adapter.applyTagPlan(plan, (await adapter.currentClip())!);
    const written = new XMPMeta(clip.state.xmp);
    expect([1, 2].map((i) => written.getArrayItem(XMPConst.NS_DC, "subject", i)?.value)).toEqual([
      "Interview",
      "Rhein",
    ]);
    expect(written.countArrayItems(XMPConst.NS_DC, "subject")).toBe(2);
    expect(report.items.find((i) => i.kind === "keywords")?.status).toBe("written");
  });

  it.each(["25.6", "26.3"] as const)(
    "colours every new marker on the first apply, inside its one undo step (%s)",
    async (version) => {
      const { sim, adapter } = premiereWithAdapter(version);
      const { MarkerColor } = sim.module.Constants;
      const clip = sim.addClip({ name: "A001", mediaPath: "/media/A001.mov", frameRate: "25/1", durationFrames: 500 });
      const sequence = sim.addSequence({
        name: "Beitrag",
        frameRate: "25/1",
        tracks: [[{ clip, inFrame: 0, outFrame: 500, startFrame: 100 }]],
      });
      sequence.playerPosition = 150n * 10_160_640_000n;
      adapter.setSource("playhead");
      const current = (await adapter.currentClip())!;
      const plan = tagPlan("/media/A001.mov", "25/1", [
        shot(1, 0, 200),
        tag("cue.black", "Schwarzbild", 150, "red"),
        shot(2, 200, 200),
        tag("user", "O-Ton", 250, "white"),
        shot(3, 400, 100),
      ]);
      await adapter.applyTagPlan(plan, current);
      const colours = (markers: readonly { name: string; colorIndex: number }[]) =>
        markers.map((m) => [m.name, m.colorIndex]);
      // A shot marker takes its first keyword's colour; white has no UXP constant and keeps the host's first colour.
      const expected = [
        ["Schwarzbild", MarkerColor.RED],
        ["O-Ton", MarkerColor.GREEN],
        ["Einstellung 3", MarkerColor.BLUE],
      ];
      expect(colours(sim.markersOf(clip))).toEqual(expected);
      expect(colours(sim.markersOf(sequence))).toEqual(expected);
      expect(sim.undo.labels).toEqual([LABEL]);
      sim.undo.undo();
      expect([...sim.markersOf(clip), ...sim.markersOf(sequence)]).toEqual([]);
      expect(sim.gate.violations).toEqual([]);
    },
  );

  it("records each new marker's guid in the same undo step, so applying the same plan again changes nothing", async () => {
    const { sim, adapter } = premiereWithAdapter("26.3");
    const clip = sim.addClip({ name: "A001", mediaPath: "/media/A001.mov", frameRate: "25/1", durationFrames: 500 });
    const sequence = sim.addSequence({
      name: "Beitrag",
      frameRate: "25/1",
      tracks: [[{ clip, inFrame: 0, outFrame: 500, startFrame: 100 }]],
    });
    sequence.playerPosition = 150n * 10_160_640_000n;
    adapter.setSource("playhead");
    const current = (await adapter.currentClip())!;
    const plan = tagPlan("/media/A001.mov", "25/1", [shot(1, 0, 200), shot(2, 200, 300)], ["Dom"]);
    await adapter.applyTagPlan(plan, current);
    expect(sim.undo.labels).toEqual([LABEL]);
    const ledger = (xmp: string) => {
      const meta = new XMPMeta(xmp);
      const count = meta.countArrayItems(SICHTER_XMP_NAMESPACE, "markers");
      return Array.from(
        { length: count },
        (_, i) =>
          JSON.parse(String(meta.getArrayItem(SICHTER_XMP_NAMESPACE, "markers", i + 1)?.value)) as { g?: string },
      );
    };
    expect(ledger(clip.state.xmp).map((e) => e.g)).toEqual(sim.markersOf(clip).map((m) => m.guid));
    expect(ledger(sequence.projectItem!.state.xmp).map((e) => e.g)).toEqual(sim.markersOf(sequence).map((m) => m.guid));
    const again = await adapter.applyTagPlan(plan, current);
    expect(again.items.filter((i) => i.status === "written")).toEqual([]);
    expect(sim.undo.labels).toEqual([LABEL]);
  });

  it("works without marker guids (Premiere before 26.3)", async () => {
    const { sim, adapter } = premiereWithAdapter("25.6");
    const clip = sim.addClip({ name: "A001", mediaPath: "/media/A001.mov", frameRate: "25/1", durationFrames: 500 });
    sim.addUserMarker(clip, {
      name: "Einstellung 1",
      comments: "",
      type: "Comment",
      start: 0n,
      duration: 0n,
      colorIndex: 0,
    });
    sim.select([clip]);
    const current = (await adapter.currentClip())!;
    const plan = tagPlan("/media/A001.mov", "25/1", [shot(1, 0, 100), shot(2, 100, 400)]);
    const first = await adapter.applyTagPlan(plan, current);
    // The editor already has "Einstellung 1" at frame 0: Sichter leaves it and adds nothing there.
    expect(first.items.filter((i) => i.kind === "marker").map((i) => i.status)).toEqual(["skipped", "written"]);
    const statuses = async () =>
      (await adapter.applyTagPlan(plan, current)).items.filter((i) => i.kind === "marker").map((i) => i.status);
    // The new marker got its colour in the same transaction: the plan is in place, nothing changes.
    expect(sim.markersOf(clip)[1]?.colorIndex).toBe(sim.module.Constants.MarkerColor.BLUE);
    expect(sim.undo.size).toBe(1);
    expect(await statuses()).toEqual(["skipped", "unchanged"]);
    expect(sim.markersOf(clip).map((m) => m.name)).toEqual(["Einstellung 1", "Einstellung 2"]);
    // Nothing to change: no transaction, no empty step in the editor's undo history.
    expect(sim.undo.size).toBe(1);
  });

  it("finds a clip inside a bin by its media path", async () => {
    const { sim, adapter } = premiereWithAdapter();
    const bin = sim.addBin("Drehtag 1");
    const clip = sim.addClip({
      name: "A001",
      mediaPath: "/media/A001.mov",
      frameRate: "25/1",
      durationFrames: 500,
      bin,
    });
    const report = await adapter.applyTagPlan(tagPlan("/media/A001.mov", "25/1", [shot(1, 0, 500)]), {
      mediaPath: "/media/A001.mov",
      name: "A001",
    });
    expect(report.items.filter((i) => i.status === "failed")).toEqual([]);
    expect(sim.markersOf(clip)).toHaveLength(1);
  });

  it("reports a clip that is not in the project", async () => {
    const { adapter } = premiereWithAdapter();
    const report = await adapter.applyTagPlan(tagPlan("/media/gone.mov", "25/1", [shot(1, 0, 10)]), {
      mediaPath: "/media/gone.mov",
      name: "gone",
    });
    expect(report.items).toEqual([
      {
        kind: "marker",
        status: "failed",
        target: "/media/gone.mov",
        error: { code: "SICHTER_E_FILE_NOT_FOUND", params: { path: "/media/gone.mov" } },
      },
    ]);
  });
});

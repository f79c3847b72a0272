import type { ClipProjectItem, Marker, premierepro } from "@adobe/premierepro";
import { describe, expect, it } from "vitest";
import { PremiereSimulator } from "./PremiereSimulator.ts";
import type { SimClipItem } from "./SimProjectItem.ts";
import { SimulatorError } from "./SimulatorError.ts";

const EMPTY =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF></x:xmpmeta>';

function world(version: "25.6" | "26.3" = "26.3") {
  const sim = new PremiereSimulator(version);
  const clip = sim.addClip({
    name: "A001",
    mediaPath: "/media/A001.mov",
    frameRate: "30000/1001",
    durationFrames: 3000,
  });
  const sequence = sim.addSequence({
    name: "Beitrag",
    frameRate: "25/1",
    tracks: [[{ clip, inFrame: 100, outFrame: 200, startFrame: 50 }]],
  });
  return { sim, ppro: sim.module, clip, sequence };
}

async function markersOf(ppro: premierepro, clip: SimClipItem) {
  return ppro.Markers.getMarkers(clip as unknown as ClipProjectItem);
}

describe("PremiereSimulator", () => {
  it("counts time in ticks, 254016000000 per second, handed out as strings", () => {
    const { ppro } = world();
    expect(ppro.TickTime.TIME_ONE_SECOND.ticks).toBe("254016000000");
    const ntsc = ppro.FrameRate.createWithValue(30000 / 1001);
    expect(ntsc.ticksPerFrame).toBe(8_475_667_200);
    expect(ppro.TickTime.createWithFrameAndFrameRate(1800, ntsc).ticks).toBe(String(1800n * 8_475_667_200n));
    expect(ppro.TickTime.createWithTicks("10160640000").seconds).toBe(0.04);
  });

  it("answers the project, the selection and media paths with promises", async () => {
    const { sim, ppro, clip } = world();
    sim.select([clip]);
    const project = await ppro.Project.getActiveProject();
    const selection = await ppro.ProjectUtils.getSelection(project);
    const items = await selection.getItems();
    expect(items).toHaveLength(1);
    const cast = ppro.ClipProjectItem.cast(items[0]!);
    await expect(cast.getMediaFilePath()).resolves.toBe("/media/A001.mov");
  });

  it("hands out plain ProjectItems that need a cast for clip and bin calls", async () => {
    const { sim, ppro, clip } = world();
    const bin = sim.addBin("Drehtag 1");
    sim.addClip({ name: "B001", mediaPath: "/media/B001.mov", frameRate: "25/1", durationFrames: 10, bin });
    const project = await ppro.Project.getActiveProject();
    const root = await project.getRootItem();
    const items = await root.getItems();
    const plainBin = items.find((i) => i.type === ppro.ProjectItem.TYPE_BIN)!;
    expect((plainBin as unknown as { getItems?: unknown }).getItems).toBeUndefined();
    const inBin = await ppro.FolderItem.cast(plainBin).getItems();
    expect(inBin.map((i) => i.name)).toEqual(["B001"]);
    const plainClip = items.find((i) => i.getId() === clip.id)!;
    expect((plainClip as unknown as { getMediaFilePath?: unknown }).getMediaFilePath).toBeUndefined();
    await expect(ppro.ClipProjectItem.cast(plainClip).getMediaFilePath()).resolves.toBe("/media/A001.mov");
    expect(() => ppro.ClipProjectItem.cast(plainBin)).toThrow(SimulatorError);
  });

  it("returns track items as an array whose getters are async", async () => {
    const { ppro } = world();
    const project = await ppro.Project.getActiveProject();
    const sequence = await project.getActiveSequence();
    const track = await sequence.getVideoTrack(0);
    const items = track.getTrackItems(ppro.Constants.TrackItemType.CLIP, false);
    expect(Array.isArray(items)).toBe(true);
    const item = items[0]!;
    expect(item.getStartTime()).toBeInstanceOf(Promise);
    expect((await item.getStartTime()).ticks).toBe(String(50n * 10_160_640_000n));
    expect((await item.getInPoint()).ticks).toBe(String(100n * 8_475_667_200n));
    expect((await item.getEndTime()).ticks).toBe(String(50n * 10_160_640_000n + 100n * 8_475_667_200n));
  });

  it("refuses to create an action outside lockedAccess", async () => {
    const { ppro, clip } = world();
    const markers = await markersOf(ppro, clip);
    expect(() => markers.createAddMarkerAction("x")).toThrow(SimulatorError);
  });

  it("refuses an await inside the locked callback", async () => {
    const { ppro, clip } = world();
    const project = await ppro.Project.getActiveProject();
    const markers = await markersOf(ppro, clip);
    let rest: Promise<void> | undefined;
    const callback = async () => {
      await Promise.resolve();
      markers.createAddMarkerAction("late");
    };
    expect(() => project.lockedAccess(() => (rest = callback()) as unknown as void)).toThrow(/await inside the lock/);
    // What ran after the await ran unlocked, as in Premiere: its action was refused too.
    await expect(rest).rejects.toThrow(/outside project.lockedAccess/);
  });

  it("refuses an action created in a lock that has ended", async () => {
    const { ppro, clip } = world();
    const project = await ppro.Project.getActiveProject();
    const markers = await markersOf(ppro, clip);
    let action: unknown;
    project.lockedAccess(() => {
      action = markers.createAddMarkerAction("stale");
    });
    expect(() =>
      project.lockedAccess(() => project.executeTransaction((c) => c.addAction(action as never), "x")),
    ).toThrow(/ended/);
  });

  it("commits a transaction as one undo step and undoes it whole", async () => {
    const { sim, ppro, clip } = world();
    const project = await ppro.Project.getActiveProject();
    const markers = await markersOf(ppro, clip);
    project.lockedAccess(() => {
      const first = markers.createAddMarkerAction(
        "A",
        ppro.Marker.MARKER_TYPE_COMMENT,
        ppro.TickTime.createWithTicks("100"),
        ppro.TickTime.TIME_ZERO,
        "a",
      );
      const second = markers.createAddMarkerAction(
        "B",
        ppro.Marker.MARKER_TYPE_COMMENT,
        ppro.TickTime.createWithTicks("200"),
        ppro.TickTime.createWithTicks("50"),
        "b",
      );
      expect(sim.markersOf(clip)).toHaveLength(0); // deferred until committed
      expect(project.executeTransaction((c) => [first, second].forEach((a) => c.addAction(a)), "Two markers")).toBe(
        true,
      );
    });
    expect(sim.undo.labels).toEqual(["Two markers"]);
    expect(sim.markersOf(clip).map((m) => [m.name, m.start, m.duration, m.comments, m.type, m.colorIndex])).toEqual([
      ["A", 100n, 0n, "a", "Comment", 0],
      ["B", 200n, 50n, "b", "Comment", 0],
    ]);
    sim.undo.undo();
    expect(sim.markersOf(clip)).toHaveLength(0);
  });

  it("colours a marker added in a transaction by the marker's own action in that transaction: one undo step", async () => {
    const { sim, ppro, clip } = world();
    const project = await ppro.Project.getActiveProject();
    const markers = await markersOf(ppro, clip);
    project.lockedAccess(() => {
      const add = markers.createAddMarkerAction(
        "A",
        ppro.Marker.MARKER_TYPE_COMMENT,
        ppro.TickTime.createWithTicks("100"),
        ppro.TickTime.TIME_ZERO,
        "a",
      );
      const ok = project.executeTransaction((c) => {
        c.addAction(add);
        // Inside the transaction the project is as changed so far: the new marker is there.
        const added = markers.getMarkers().find((m) => m.getName() === "A");
        expect(added?.getColorIndex()).toBe(ppro.Constants.MarkerColor.GREEN);
        c.addAction(added!.createSetColorByIndexAction(ppro.Constants.MarkerColor.CYAN));
      }, "Coloured marker");
      expect(ok).toBe(true);
    });
    expect(sim.markersOf(clip).map((m) => [m.name, m.colorIndex])).toEqual([["A", ppro.Constants.MarkerColor.CYAN]]);
    expect(sim.undo.labels).toEqual(["Coloured marker"]);
    sim.undo.undo();
    expect(sim.markersOf(clip)).toHaveLength(0);
    expect(sim.gate.violations).toEqual([]);
  });

  it("changes markers only through setter actions, and gives them a guid from 26.3 on", async () => {
    for (const version of ["25.6", "26.3"] as const) {
      const { sim, ppro, clip } = world(version);
      sim.addUserMarker(clip, { name: "U", comments: "", type: "Comment", start: 0n, duration: 0n, colorIndex: 0 });
      const project = await ppro.Project.getActiveProject();
      const markers = await markersOf(ppro, clip);
      const marker: Marker = markers.getMarkers()[0]!;
      expect(marker.guid === undefined).toBe(version === "25.6");
      project.lockedAccess(() => {
        const recolour = marker.createSetColorByIndexAction(ppro.Constants.MarkerColor.MAGNETA);
        const rename = marker.createSetNameAction("V");
        project.executeTransaction((c) => {
          c.addAction(recolour);
          c.addAction(rename);
        }, "edit");
      });
      expect(marker.getColorIndex()).toBe(2);
      expect(marker.getName()).toBe("V");
    }
  });

  it("reverts a failing transaction and records no undo step", async () => {
    const { sim, ppro, clip } = world();
    const project = await ppro.Project.getActiveProject();
    const markers = await markersOf(ppro, clip);
    let ok: boolean | undefined;
    project.lockedAccess(() => {
      const add = markers.createAddMarkerAction("A");
      const broken = ppro.Metadata.createSetXMPMetadataAction(clip as never, "<not-xmp");
      ok = project.executeTransaction((c) => {
        c.addAction(add);
        c.addAction(broken);
      }, "broken");
    });
    expect(ok).toBe(false);
    expect(sim.markersOf(clip)).toHaveLength(0);
    expect(sim.undo.size).toBe(0);
  });

  it("replaces the whole XMP packet", async () => {
    const { ppro, clip } = world();
    const project = await ppro.Project.getActiveProject();
    clip.state.xmp = EMPTY.replace("</rdf:RDF>", '<rdf:Description rdf:about="" xmlns:a="urn:a#" a:b="c"/></rdf:RDF>');
    project.lockedAccess(() => {
      const action = ppro.Metadata.createSetXMPMetadataAction(clip as never, EMPTY);
      project.executeTransaction((c) => c.addAction(action), "xmp");
    });
    await expect(ppro.Metadata.getXMPMetadata(clip as never)).resolves.toBe(EMPTY);
  });

  it("writes only registered project metadata fields", async () => {
    const { sim, ppro, clip } = world();
    const project = await ppro.Project.getActiveProject();
    const packet = (value: string) =>
      EMPTY.replace(
        "</rdf:RDF>",
        `<rdf:Description rdf:about="" xmlns:p="http://ns.adobe.com/premierePrivateProjectMetaData/1.0/"><p:Kw>${value}</p:Kw></rdf:Description></rdf:RDF>`,
      );
    const write = (value: string) =>
      project.lockedAccess(() => {
        const action = ppro.Metadata.createSetProjectMetadataAction(clip as never, packet(value), ["Kw"]);
        project.executeTransaction((c) => c.addAction(action), "column");
      });
    write("before");
    expect(clip.state.projectMetadata.has("Kw")).toBe(false);
    expect(sim.metadata.ignoredFields).toEqual(["Kw"]);
    await expect(
      ppro.Metadata.addPropertyToProjectMetadataSchema("Kw", "Keywords", ppro.Metadata.METADATA_TYPE_TEXT),
    ).resolves.toBe(true);
    write("after");
    expect(clip.state.projectMetadata.get("Kw")).toBe("after");
    await expect(ppro.Metadata.getProjectMetadata(clip as never)).resolves.toContain(">after<");
  });

  it("tells listeners when the Project panel selection changes", async () => {
    const { sim, ppro, clip } = world();
    const project = await ppro.Project.getActiveProject();
    const seen: unknown[] = [];
    const handler = (event?: object) => seen.push(event);
    ppro.EventManager.addEventListener(project, ppro.Constants.ProjectEvent.PROJECT_ITEM_SELECTION_CHANGED, handler);
    sim.select([clip]);
    ppro.EventManager.removeEventListener(project, ppro.Constants.ProjectEvent.PROJECT_ITEM_SELECTION_CHANGED, handler);
    sim.select([]);
    expect(seen).toHaveLength(1);
  });

  it("has a playhead per sequence", async () => {
    const { ppro, sequence } = world();
    sequence.playerPosition = 1234n;
    const active = await (await ppro.Project.getActiveProject()).getActiveSequence();
    expect((await active.getPlayerPosition()).ticks).toBe("1234");
    await active.setPlayerPosition(ppro.TickTime.createWithTicks("99"));
    expect(sequence.playerPosition).toBe(99n);
  });

  it("opens items and existing files in the Source Monitor; setPosition from 26.3 on", async () => {
    const { sim, ppro, clip } = world();
    await expect(ppro.SourceMonitor.openFilePath("/nowhere.mov")).resolves.toBe(false);
    await expect(ppro.SourceMonitor.openProjectItem(clip as never)).resolves.toBe(true);
    await expect(ppro.SourceMonitor.setPosition(ppro.TickTime.createWithTicks("42"))).resolves.toBe(true);
    expect(sim.sourceMonitor).toMatchObject({ item: clip, position: 42n });
    expect((world("25.6").ppro.SourceMonitor as { setPosition?: unknown }).setPosition).toBeUndefined();
  });

  it("imports files that exist into the root bin", async () => {
    const { sim, ppro } = world();
    sim.addFile({ name: "B002", mediaPath: "/media/B002.mxf", frameRate: "25/1", durationFrames: 250 });
    const project = await ppro.Project.getActiveProject();
    await expect(project.importFiles(["/media/missing.mov"], true)).resolves.toBe(false);
    await expect(project.importFiles(["/media/B002.mxf"], true)).resolves.toBe(true);
    const imported = sim.project.root.children.filter((i) => i.name === "B002");
    expect(imported).toHaveLength(1);
  });
});

import { describe, expect, it } from "vitest";
import { XMPConst, XMPMeta } from "@sichter/premiere-simulator";
import type { PlannedMarker, TagPlan } from "@sichter/shared/model";
import { framesToTicks, parseFrameRate } from "@sichter/shared/timecode";
import { applyTagPlanCep } from "../src/applyTagPlanCep.ts";
import { premiereWithCepBridge } from "./cepTestSupport.ts";

function shot(index: number, startFrame: number, durationFrames: number): PlannedMarker {
  return { kind: "shot", name: `Einstellung ${index}`, comment: "Schnitt", startFrame, durationFrames, color: "blue" };
}

function plan(markers: PlannedMarker[], keywords: string[], frameRate = "30000/1001"): TagPlan {
  return { clipPath: "/media/A001.mov", frameRate, markers, keywords, description: "2 Einstellungen.", logComment: "" };
}

const clipRef = { mediaPath: "/media/A001.mov", name: "A001" };

describe("applyTagPlanCep", () => {
  it("writes frame-exact, coloured clip markers at 29.97 drop-frame and merges XMP", async () => {
    const { premiere, bridge } = premiereWithCepBridge();
    const foreign = new XMPMeta();
    foreign.appendArrayItem(XMPConst.NS_DC, "subject", "Interview", 0, XMPConst.PROP_IS_ARRAY);
    foreign.setProperty("http://ns.adobe.com/xap/1.0/", "CreatorTool", "Kamera 7");
    const clip = premiere.addClip({
      name: "A001",
      mediaPath: "/media/A001.mov",
      frameRate: "30000/1001",
      startFrame: 107_892,
      xmp: foreign.serialize(),
    });
    const rate = parseFrameRate("30000/1001");
    const red = {
      kind: "cue.black",
      name: "Schwarzbild",
      comment: "",
      startFrame: 17_990,
      durationFrames: 5,
      color: "red",
    } as const;
    const report = await applyTagPlanCep(
      bridge,
      plan([shot(1, 0, 17_982), shot(2, 17_982, 1800), red], ["Dom"]),
      clipRef,
      { language: "de" },
    );
    expect(report.items.filter((i) => i.status === "failed")).toEqual([]);

    const markers = clip.markerCollection.markers;
    expect(markers.map((m) => m.startTicks)).toEqual([0n, framesToTicks(17_982, rate)]);
    expect(markers.map((m) => m.endTicksValue - m.startTicks)).toEqual([
      framesToTicks(17_982, rate),
      framesToTicks(1800, rate),
    ]);
    expect(markers[1]).toMatchObject({
      name: "Schwarzbild",
      comments: "Schwarzbild\n01:10:00;00",
      colorIndex: 1,
      type: "Comment",
    });
    expect(markers[0]?.colorIndex).toBe(6); // blue in ExtendScript's eight colours

    const written = new XMPMeta(clip.xmp);
    expect([1, 2].map((i) => written.getArrayItem(XMPConst.NS_DC, "subject", i)?.value)).toEqual(["Interview", "Dom"]);
    expect(written.getProperty("http://ns.adobe.com/xap/1.0/", "CreatorTool")?.value).toBe("Kamera 7");
    expect(clip.projectMetadata.get("SichterKeywords")).toBe("Interview, Dom");
    expect(premiere.loadedLibraries).toContain("lib:AdobeXMPScript");
  });

  it("re-applies only its own markers, knowing them by guid from the first apply on", async () => {
    const { premiere, bridge } = premiereWithCepBridge();
    const clip = premiere.addClip({ name: "A001", mediaPath: "/media/A001.mov", frameRate: "25/1" });
    const user = clip.markerCollection.createMarker(4);
    user.name = "Gutes Zitat";
    await applyTagPlanCep(bridge, plan([shot(1, 0, 100), shot(2, 100, 400)], [], "25/1"), clipRef, { language: "de" });
    // The editor makes an exact copy of one of Sichter's markers: the guid tells them apart.
    const copy = clip.markerCollection.createMarker(4);
    copy.name = "Einstellung 2";
    // Listed before Sichter's own at the same time, so start and name alone would pick the copy.
    clip.markerCollection.markers.unshift(clip.markerCollection.markers.pop()!);
    await applyTagPlanCep(bridge, plan([shot(1, 0, 500)], [], "25/1"), clipRef, { language: "de" });
    expect(clip.markerCollection.markers.map((m) => [m.name, m.startTicks])).toEqual([
      ["Einstellung 2", 100n * 10_160_640_000n],
      ["Gutes Zitat", 100n * 10_160_640_000n],
      ["Einstellung 1", 0n],
    ]);
    expect(clip.markerCollection.markers[0]?.guid).toBe(copy.guid);
    const again = await applyTagPlanCep(bridge, plan([shot(1, 0, 500)], [], "25/1"), clipRef, { language: "de" });
    expect(again.items.filter((i) => i.status !== "unchanged")).toEqual([]);
  });

  it("reports a clip that is not in the project", async () => {
    const { bridge } = premiereWithCepBridge();
    const report = await applyTagPlanCep(bridge, plan([shot(1, 0, 10)], []), clipRef, { language: "de" });
    expect(report.items).toEqual([
      {
        kind: "marker",
        status: "failed",
        target: "/media/A001.mov",
        error: { code: "SICHTER_E_FILE_NOT_FOUND", message: "/media/A001.mov" },
      },
    ]);
  });

  it("keeps a moved marker its own: the re-added marker's new guid goes into the ledger", async () => {
    const { premiere, bridge } = premiereWithCepBridge();
    const clip = premiere.addClip({ name: "A001", mediaPath: "/media/A001.mov", frameRate: "25/1" });
    const frames = () =>
      clip.markerCollection.markers.map((m) => m.startTicks / 10_160_640_000n).sort((a, b) => Number(a - b));
    const apply = (second: number) =>
      applyTagPlanCep(bridge, plan([shot(1, 0, second), shot(2, second, 500 - second)], [], "25/1"), clipRef, {
        language: "de",
      });
    await apply(100);
    // Shot 2 moves: ExtendScript cannot move a marker, so it is removed and added again.
    await apply(150);
    expect(frames()).toEqual([0n, 150n]);
    // Moved once more: the marker at 150 is still Sichter's and goes, none is left behind.
    const report = await apply(200);
    expect(frames()).toEqual([0n, 200n]);
    // Shot 1 got longer and shot 2 moved: both written.
    expect(report.items.filter((i) => i.kind === "marker").map((i) => i.status)).toEqual(["written", "written"]);
  });
});

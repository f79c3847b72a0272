import { describe, expect, it } from "vitest";
import { EXTENDSCRIPT_MARKER_COLOR_INDEX, type PaletteColor, UXP_MARKER_COLOR } from "@sichter/premiere-common";
import { PremiereSimulator, XMPConst, XMPMeta, xmpToolkitDouble } from "@sichter/premiere-simulator";
import { PremiereUxpAdapter } from "@sichter/premiere-uxp";
import type { PlannedMarker, TagPlan } from "@sichter/shared/model";
import { applyTagPlanCep } from "../src/applyTagPlanCep.ts";
import { premiereWithCepBridge } from "./cepTestSupport.ts";

const PATH = "/media/A001.mxf";

function foreignXmp(): string {
  const meta = new XMPMeta();
  meta.appendArrayItem(XMPConst.NS_DC, "subject", "Interview", 0, XMPConst.PROP_IS_ARRAY);
  meta.setLocalizedText(XMPConst.NS_DC, "description", null, "x-default", "Redaktion: Dreh am Rathaus");
  return meta.serialize();
}

function plan(): TagPlan {
  const marker = (
    kind: string,
    name: string,
    startFrame: number,
    durationFrames: number,
    color: PlannedMarker["color"],
  ): PlannedMarker => ({
    kind,
    name,
    comment: kind === "shot" ? "Schnitt" : "",
    startFrame,
    durationFrames,
    color,
  });
  return {
    clipPath: PATH,
    frameRate: "30000/1001",
    markers: [
      marker("shot", "Einstellung 1", 0, 1800, "blue"),
      marker("shot", "Einstellung 2", 1800, 16_182, "blue"),
      marker("ocr.line", "Rathaus", 1900, 60, "yellow"),
      marker("motion.pan-left", "Schwenk links", 2000, 90, "purple"),
      marker("shot", "Einstellung 3", 17_982, 600, "blue"),
      marker("user", "O-Ton Bürgermeisterin", 18_000, 300, "orange"),
    ],
    keywords: ["Rathaus", "Stadtrat", "interview"],
    description: "3 Einstellungen, 10.3 min.",
    logComment: "",
    withdrawnKeywords: ["Karneval"],
  };
}

interface Seen {
  markers: { start: bigint; duration: bigint; name: string; comments: string; color: PaletteColor | undefined }[];
  subject: (string | undefined)[];
  descriptions: (string | undefined)[];
  column: string | undefined;
}

function xmpFacts(packet: string): Pick<Seen, "subject" | "descriptions"> {
  const meta = new XMPMeta(packet);
  const count = meta.countArrayItems(XMPConst.NS_DC, "subject");
  return {
    subject: Array.from(
      { length: count },
      (_, i) => meta.getArrayItem(XMPConst.NS_DC, "subject", i + 1)?.value as string | undefined,
    ),
    descriptions: ["x-default", "de"].map((lang) => meta.getLocalizedText(XMPConst.NS_DC, "description", lang, lang)),
  };
}

async function throughUxp(): Promise<Seen> {
  const sim = new PremiereSimulator("26.3");
  const adapter = new PremiereUxpAdapter({ ppro: sim.module, xmp: xmpToolkitDouble, locale: () => "de" });
  const clip = sim.addClip({
    name: "A001",
    mediaPath: PATH,
    frameRate: "30000/1001",
    durationFrames: 20_000,
    startFrame: 107_892,
    xmp: foreignXmp(),
  });
  sim.select([clip]);
  const current = (await adapter.currentClip())!;
  // Once: each new marker is coloured by its own action inside the apply's transaction.
  await adapter.applyTagPlan(plan(), current);
  const byIndex = new Map<number, PaletteColor>();
  for (const [palette, name] of Object.entries(UXP_MARKER_COLOR))
    if (name) byIndex.set(sim.module.Constants.MarkerColor[name], palette as PaletteColor);
  return {
    markers: sim.markersOf(clip).map((m) => ({
      start: m.start,
      duration: m.duration,
      name: m.name,
      comments: m.comments,
      color: byIndex.get(m.colorIndex),
    })),
    ...xmpFacts(clip.state.xmp),
    column: clip.state.projectMetadata.get("SichterKeywords"),
  };
}

async function throughCep(): Promise<Seen> {
  const { premiere, bridge } = premiereWithCepBridge();
  const clip = premiere.addClip({
    name: "A001",
    mediaPath: PATH,
    frameRate: "30000/1001",
    startFrame: 107_892,
    xmp: foreignXmp(),
  });
  await applyTagPlanCep(bridge, plan(), { mediaPath: PATH, name: "A001" }, { language: "de" });
  const byIndex = new Map(
    Object.entries(EXTENDSCRIPT_MARKER_COLOR_INDEX).map(([palette, index]) => [index, palette as PaletteColor]),
  );
  return {
    markers: [...clip.markerCollection.markers]
      .sort((a, b) => (a.startTicks < b.startTicks ? -1 : 1))
      .map((m) => ({
        start: m.startTicks,
        duration: m.endTicksValue - m.startTicks,
        name: m.name,
        comments: m.comments,
        color: byIndex.get(m.colorIndex),
      })),
    ...xmpFacts(clip.xmp),
    column: clip.projectMetadata.get("SichterKeywords"),
  };
}

describe("CEP and UXP write the same", () => {
  it("markers, keywords, description and column for the same plan", async () => {
    const [uxp, cep] = await Promise.all([throughUxp(), throughCep()]);
    expect(cep).toEqual(uxp);
    expect(uxp.markers.map((m) => m.name)).toEqual([
      "Einstellung 1",
      "Rathaus, Schwenk links",
      "O-Ton Bürgermeisterin",
    ]);
    expect(uxp.markers[1]?.color).toBe("yellow");
    expect(uxp.subject).toEqual(["Interview", "Rathaus", "Stadtrat"]);
  });
});

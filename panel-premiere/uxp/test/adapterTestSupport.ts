import type { PlannedMarker, TagPlan } from "@sichter/shared/model";
import { PremiereSimulator, xmpToolkitDouble } from "@sichter/premiere-simulator";
import { PremiereUxpAdapter } from "../src/PremiereUxpAdapter.ts";

export function shot(index: number, startFrame: number, durationFrames: number): PlannedMarker {
  return { kind: "shot", name: `Einstellung ${index}`, comment: "Schnitt", startFrame, durationFrames, color: "blue" };
}

export function tag(kind: string, name: string, startFrame: number, color: PlannedMarker["color"]): PlannedMarker {
  return { kind, name, comment: "", startFrame, durationFrames: 10, color };
}

export function tagPlan(
  clipPath: string,
  frameRate: string,
  markers: PlannedMarker[],
  keywords: string[] = [],
): TagPlan {
  return { clipPath, frameRate, markers, keywords, description: `${markers.length} Marker.`, logComment: "" };
}

/** A simulated Premiere with the adapter wired to it the way the UXP panel wires the real one. */
export function premiereWithAdapter(version: "25.6" | "26.3" = "26.3") {
  const sim = new PremiereSimulator(version);
  const adapter = new PremiereUxpAdapter({
    ppro: sim.module,
    xmp: xmpToolkitDouble,
    locale: () => "de",
    playheadPollMs: 20,
  });
  return { sim, adapter };
}

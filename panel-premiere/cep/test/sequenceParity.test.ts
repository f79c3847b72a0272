import { describe, expect, it } from "vitest";
import { EXTENDSCRIPT_MARKER_COLOR_INDEX, type PaletteColor, UXP_MARKER_COLOR } from "@sichter/premiere-common";
import { PremiereSimulator, xmpToolkitDouble } from "@sichter/premiere-simulator";
import { PremiereUxpAdapter } from "@sichter/premiere-uxp";
import type { PlannedMarker, TagPlan } from "@sichter/shared/model";
import { framesToTicks, parseFrameRate } from "@sichter/shared/timecode";
import type { SequenceMarkReport } from "@sichter/ui/src/host/HostAdapter.ts";
import { evalScriptOf } from "../src/cepSurroundings.ts";
import { PremiereCepAdapter } from "../src/PremiereCepAdapter.ts";
import { simulatedCepRuntime } from "./cepRuntimeTestSupport.ts";

/**
 * The CEP panel's timeline side (sequence markers of an apply from the timeline, and the sequence's
 * auto-mark) against the ExtendScript simulator with the compiled JSX in an ES3 VM, compared with
 * what the UXP panel writes into the UXP simulator for the same project and plans.
 */
interface Use {
  readonly media: string;
  readonly track: number;
  /** First sequence frame, media in frame and media frames shown. */
  readonly startFrame: number;
  readonly inFrame: number;
  readonly frames: number;
  readonly disabled?: boolean;
}

interface Project {
  readonly rate: string;
  readonly clips: readonly { name: string; mediaPath: string; startFrame?: number }[];
  readonly uses: readonly Use[];
}

interface SeenMarker {
  start: bigint;
  duration: bigint;
  name: string;
  comments: string;
  color: PaletteColor | undefined;
}

const shot = (
  index: number,
  startFrame: number,
  durationFrames: number,
  color: PlannedMarker["color"] = "blue",
): PlannedMarker => ({
  kind: "shot",
  name: `Einstellung ${index}`,
  comment: "Schnitt",
  startFrame,
  durationFrames,
  color,
});
const tag = (kind: string, name: string, startFrame: number, color: PlannedMarker["color"]): PlannedMarker => ({
  kind,
  name,
  comment: "",
  startFrame,
  durationFrames: 10,
  color,
});

function tagPlan(clipPath: string, frameRate: string, markers: PlannedMarker[]): TagPlan {
  return {
    clipPath,
    frameRate,
    markers,
    keywords: ["Landtag"],
    description: `${markers.length} Marker.`,
    logComment: "",
  };
}

const uxpPalette = (sim: PremiereSimulator) => {
  const byIndex = new Map<number, PaletteColor>();
  for (const [palette, name] of Object.entries(UXP_MARKER_COLOR))
    if (name) byIndex.set(sim.module.Constants.MarkerColor[name], palette as PaletteColor);
  return byIndex;
};
/** Markers in time order (then by name): the two hosts list markers at the same time in their own orders. */
const inOrder = (markers: SeenMarker[]): SeenMarker[] =>
  markers.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.name.localeCompare(b.name)));
const cepPalette = new Map(
  Object.entries(EXTENDSCRIPT_MARKER_COLOR_INDEX).map(([palette, index]) => [index, palette as PaletteColor]),
);

function uxpWorld(project: Project) {
  const sim = new PremiereSimulator("26.3");
  const adapter = new PremiereUxpAdapter({ ppro: sim.module, xmp: xmpToolkitDouble, locale: () => "de" });
  const clips = new Map(
    project.clips.map((c) => [c.mediaPath, sim.addClip({ ...c, frameRate: project.rate, durationFrames: 100_000 })]),
  );
  const tracks = Math.max(...project.uses.map((u) => u.track)) + 1;
  const sequence = sim.addSequence({
    name: "Beitrag",
    frameRate: project.rate,
    tracks: Array.from({ length: tracks }, (_, track) =>
      project.uses
        .filter((u) => u.track === track)
        .map((u) => ({
          clip: clips.get(u.media)!,
          inFrame: u.inFrame,
          outFrame: u.inFrame + u.frames,
          startFrame: u.startFrame,
        })),
    ),
  });
  const palette = uxpPalette(sim);
  const markers = (): SeenMarker[] =>
    inOrder(
      sim.markersOf(sequence).map((m) => ({
        start: m.start,
        duration: m.duration,
        name: m.name,
        comments: m.comments,
        color: palette.get(m.colorIndex),
      })),
    );
  return { sim, adapter, sequence, markers };
}

function cepWorld(project: Project) {
  const cep = simulatedCepRuntime();
  const adapter = new PremiereCepAdapter({ evalScript: evalScriptOf(cep.runtime), locale: () => "de", pollMs: 5 });
  const clips = new Map(
    project.clips.map((c) => [c.mediaPath, cep.premiere.addClip({ ...c, frameRate: project.rate })]),
  );
  const sequence = cep.premiere.addSequence(
    "Beitrag",
    project.rate,
    project.uses.map((u) => ({
      item: clips.get(u.media)!,
      track: u.track,
      startFrame: u.startFrame,
      inFrame: u.inFrame,
      durationFrames: u.frames,
      ...(u.disabled ? { disabled: true } : {}),
    })),
  );
  const markers = (): SeenMarker[] =>
    inOrder(
      sequence.markers.markers.map((m) => ({
        start: m.startTicks,
        duration: m.endTicksValue - m.startTicks,
        name: m.name,
        comments: m.comments,
        color: cepPalette.get(m.colorIndex),
      })),
    );
  return { cep, adapter, sequence, markers };
}

describe("CEP sequence markers match the UXP panel's", () => {
  it.each([
    ["24000/1001", 0],
    ["25/1", 0],
    ["30000/1001", 107_892], // media starting at 01:00:00;00 drop-frame
    ["60000/1001", 0],
  ])("applying from the timeline at %s puts them on the same exact frames", async (rate, mediaStart) => {
    const project: Project = {
      rate,
      clips: [{ name: "A001", mediaPath: "/media/A001.mov", startFrame: mediaStart }],
      // The instance shows media frames from 17982 (drop-frame's exact 10th minute) at sequence frame 250.
      uses: [{ media: "/media/A001.mov", track: 0, startFrame: 250, inFrame: 17_982, frames: 3600 }],
    };
    const plan = tagPlan("/media/A001.mov", rate, [
      shot(1, 0, 17_982),
      shot(2, 17_982, 1800),
      tag("ocr.line", "Rathaus", 19_800, "yellow"),
      shot(3, 19_782, 1799),
      shot(4, 21_581, 100),
      shot(5, 21_681, 500),
    ]);
    const perFrame = framesToTicks(1, parseFrameRate(rate));

    const uxp = uxpWorld(project);
    uxp.sequence.playerPosition = 300n * perFrame;
    uxp.adapter.setSource("playhead");
    await uxp.adapter.applyTagPlan(plan, (await uxp.adapter.currentClip())!);

    const cep = cepWorld(project);
    cep.sequence.playerTicks = 300n * perFrame;
    cep.adapter.setSource("playhead");
    const current = (await cep.adapter.currentClip())!;
    expect(current.sequence).toMatchObject({ sequenceName: "Beitrag", startFrame: 250, track: 0 });
    const report = await cep.adapter.applyTagPlan(plan, current);
    expect(report.items.filter((i) => i.status === "failed")).toEqual([]);

    // The shot starts the instance shows (10:00 in, 1800 and 3599 frames later), through in point and position.
    expect(cep.markers().map((m) => m.start)).toEqual([250n, 250n + 1800n, 250n + 3599n].map((f) => f * perFrame));
    expect(cep.markers()[1]).toMatchObject({ name: "Rathaus", color: "yellow" });
    expect(cep.markers()).toEqual(uxp.markers());
    expect(
      report.items.filter((i) => i.kind === "marker" && i.target.startsWith("Beitrag: ")).map((i) => i.status),
    ).toEqual(["written", "written", "written"]);
  });

  it("re-applies only Sichter's sequence markers and never touches the editor's", async () => {
    const project: Project = {
      rate: "25/1",
      clips: [{ name: "A001", mediaPath: "/media/A001.mov" }],
      uses: [{ media: "/media/A001.mov", track: 0, startFrame: 100, inFrame: 0, frames: 500 }],
    };
    const cep = cepWorld(project);
    const user = cep.sequence.markers.createMarker(6); // sequence frame 150
    user.name = "Musik ab hier";
    user.colorIndex = 4;
    cep.sequence.playerTicks = 120n * framesToTicks(1, parseFrameRate("25/1"));
    cep.adapter.setSource("playhead");
    const current = (await cep.adapter.currentClip())!;
    await cep.adapter.applyTagPlan(tagPlan("/media/A001.mov", "25/1", [shot(1, 0, 200), shot(2, 200, 300)]), current);
    expect(cep.markers().map((m) => m.name)).toEqual(["Einstellung 1", "Musik ab hier", "Einstellung 2"]);
    const again = await cep.adapter.applyTagPlan(
      tagPlan("/media/A001.mov", "25/1", [shot(1, 0, 50), shot(2, 50, 450)]),
      current,
    );
    expect(cep.markers().map((m) => [m.name, m.start / 10_160_640_000n])).toEqual([
      ["Einstellung 1", 100n],
      ["Einstellung 2", 150n],
      ["Musik ab hier", 150n],
    ]);
    expect(cep.markers().find((m) => m.name === "Musik ab hier")?.color).toBe("yellow");
    expect(again.items.filter((i) => i.status === "failed")).toEqual([]);
    // Applied once more unchanged: nothing is written.
    const count = cep.cep.evaluated.length;
    const third = await cep.adapter.applyTagPlan(
      tagPlan("/media/A001.mov", "25/1", [shot(1, 0, 50), shot(2, 50, 450)]),
      current,
    );
    expect(third.items.filter((i) => i.target.startsWith("Beitrag: ")).map((i) => i.status)).toEqual([
      "unchanged",
      "unchanged",
    ]);
    expect(cep.cep.evaluated.slice(count).some((code) => code.includes("writeSequence"))).toBe(false);
  });

  it("auto-marks the active sequence with the UXP panel's markers and report, each media laid out once", async () => {
    const project: Project = {
      rate: "30000/1001",
      clips: [
        { name: "A001", mediaPath: "/media/A001.mov", startFrame: 107_892 },
        { name: "B002", mediaPath: "/media/B002.mov" },
      ],
      uses: [
        { media: "/media/A001.mov", track: 0, startFrame: 0, inFrame: 0, frames: 300 },
        { media: "/media/B002.mov", track: 0, startFrame: 300, inFrame: 0, frames: 300 },
        { media: "/media/A001.mov", track: 0, startFrame: 600, inFrame: 250, frames: 200 },
        { media: "/media/A001.mov", track: 1, startFrame: 100, inFrame: 80, frames: 40 },
      ],
    };
    const plans = new Map([
      [
        "/media/A001.mov",
        tagPlan("/media/A001.mov", "30000/1001", [
          shot(1, 0, 100),
          tag("cue.black", "Schwarzbild", 120, "red"),
          shot(2, 100, 200),
          shot(3, 300, 200),
        ]),
      ],
    ]);
    const uxp = uxpWorld(project);
    const uxpReport = await uxp.adapter.markSequence(plans);
    const cep = cepWorld(project);
    const seen: [number, number][] = [];
    const cepReport = await cep.adapter.markSequence(plans, (done, total) => seen.push([done, total]));

    expect(cep.markers()).toEqual(uxp.markers());
    expect(cep.markers().length).toBeGreaterThan(3);
    const lines = (report: SequenceMarkReport) =>
      report.items.map((i) => [i.name, i.status, i.markers, i.reason ?? null]);
    expect(lines(cepReport)).toEqual(lines(uxpReport));
    expect(lines(cepReport)).toEqual([
      ["A001", "written", 2, null],
      ["B002", "skipped", 0, "no-plan"],
      ["A001", "written", 1, null],
      ["A001", "written", 1, null],
    ]);
    expect(cepReport.markers).toEqual(uxpReport.markers);
    expect(cepReport.oneUndoStep).toBe(false);
    expect(seen.at(-1)).toEqual([4, 4]);
    expect(cep.adapter.capabilities.markSequence).toBe(true);

    // Marked again: everything is in place, nothing is written.
    const again = await cep.adapter.markSequence(plans);
    expect(again.items.filter((i) => i.status === "written")).toEqual([]);
    expect(again.markers).toMatchObject({ written: 0, removed: 0 });

    const token = new AbortController();
    token.abort();
    const cancelled = await cep.adapter.markSequence(plans, undefined, token.signal);
    expect(cancelled.items.every((i) => i.status === "failed" && i.error?.code === "SICHTER_E_CANCELLED")).toBe(true);
    expect(cep.markers()).toEqual(uxp.markers());
  });
});

import { describe, expect, it } from "vitest";
import { ResolveHost } from "@sichter/resolve-adapter";
import { ResolveSimulator, type ResolveSimulatorOptions } from "@sichter/resolve-simulator";
import type { TagPlan } from "@sichter/shared/model";
import { MEDIA_PATH, tagPlan } from "../../adapter/test/resolveFixture.ts";
import { luajit } from "./luajitTestSupport.ts";

/**
 * The Lua script applies a plan by the plugin adapter's rules in every case the issue names, not
 * only the common one: the older metadata calls, a field that keeps nothing, an editor's marker on
 * every frame of a shot, drop-frame 29.97, a timeline at another rate, a clip picked in the
 * media pool. Each scene is built in both simulators; the plan is applied twice by each; reports,
 * markers and fields must be the same.
 */
type Marker = [number, string, string, string, number, string];
interface Scene {
  version?: string;
  metadataForms?: { dict?: boolean; keyValue?: boolean };
  fieldsNotKept?: string[];
  clip: {
    fps: string;
    frames: number;
    startTimecode: string;
    dropFrame?: boolean;
    markers?: Marker[];
    metadata?: Record<string, string>;
  };
  timeline?: {
    fps: string;
    dropFrame?: boolean;
    inFrame: number;
    outFrame: number;
    recordFrame: number;
    playhead: number;
    markers?: Marker[];
  };
  page?: string;
  select?: boolean;
}
interface MarkerState {
  frame: number;
  color: string;
  duration: number;
  note: string;
  name: string;
  customData: string;
}
interface ReportItem {
  kind: string;
  status: string;
  target: string;
  error?: { code: string };
}
interface Outcome {
  reports: readonly { readonly items: readonly ReportItem[] }[];
  clipMarkers: MarkerState[];
  timelineMarkers: MarkerState[];
  metadata: Record<string, string>;
}

const NAME = "Rathaus Köln";
const everyFrame = (from: number, to: number): Marker[] =>
  Array.from({ length: to - from }, (_, i) => [from + i, "Cocoa", `Ton ${from + i}`, "", 1, ""]);

const SCENES: Record<string, { scene: Scene; plan: TagPlan }> = {
  "Resolve 20.3: the key/value metadata calls only": {
    scene: {
      version: "20.3",
      clip: { fps: "25", frames: 750, startTimecode: "10:00:00:00", metadata: { Keywords: "Interview, Dom" } },
      timeline: { fps: "25", inFrame: 100, outFrame: 400, recordFrame: 250, playhead: 300 },
    },
    plan: tagPlan(),
  },
  "21.1 without the key/value calls, Description keeping nothing": {
    scene: {
      metadataForms: { keyValue: false },
      fieldsNotKept: ["Description"],
      clip: { fps: "25", frames: 750, startTimecode: "10:00:00:00" },
      timeline: { fps: "25", inFrame: 100, outFrame: 400, recordFrame: 250, playhead: 300 },
    },
    plan: tagPlan(),
  },
  "the editor's markers on frame 0 and on every frame of the second shot": {
    scene: {
      clip: {
        fps: "25",
        frames: 750,
        startTimecode: "10:00:00:00",
        markers: [[0, "Green", "Ton weg", "", 1, ""], ...everyFrame(120, 300)],
      },
      page: "media",
      select: true,
    },
    plan: tagPlan(),
  },
  "29.97 drop-frame clip on a 29.97 drop-frame timeline": {
    scene: {
      clip: { fps: "29.97", frames: 750, startTimecode: "00:59:59;00", dropFrame: true },
      timeline: { fps: "29.97", dropFrame: true, inFrame: 90, outFrame: 600, recordFrame: 31, playhead: 40 },
    },
    plan: tagPlan({ frameRate: "30000/1001" }),
  },
  "a 25 fps clip on a 24 fps timeline": {
    scene: {
      clip: { fps: "25", frames: 750, startTimecode: "10:00:00:00" },
      timeline: { fps: "24", inFrame: 100, outFrame: 400, recordFrame: 250, playhead: 300 },
    },
    plan: tagPlan(),
  },
  "the clip picked in the media pool on the Media page": {
    scene: {
      clip: {
        fps: "25",
        frames: 750,
        startTimecode: "10:00:00:00",
        metadata: { Description: "Drehort: Rathausplatz" },
      },
      timeline: { fps: "25", inFrame: 100, outFrame: 400, recordFrame: 250, playhead: 300 },
      page: "media",
      select: true,
    },
    plan: tagPlan(),
  },
};

function luaOutcome(scene: Scene, plan: TagPlan): Outcome {
  const input = {
    scene: {
      version: scene.version ?? "21.1",
      metadataForms: scene.metadataForms,
      fieldsNotKept: scene.fieldsNotKept,
      clips: [{ name: NAME, filePath: MEDIA_PATH, ...scene.clip }],
      timeline: scene.timeline && {
        name: "Beitrag 18 Uhr",
        fps: scene.timeline.fps,
        dropFrame: scene.timeline.dropFrame,
        placements: [
          {
            clip: NAME,
            inFrame: scene.timeline.inFrame,
            outFrame: scene.timeline.outFrame,
            recordFrame: scene.timeline.recordFrame,
          },
        ],
        playhead: scene.timeline.playhead,
        markers: scene.timeline.markers,
      },
      page: scene.page,
      select: scene.select ? [NAME] : undefined,
    },
    plan,
    runs: 2,
  };
  const out = luajit("./apply_scene.lua", input) as {
    reports: Outcome["reports"];
    state: {
      clips: Record<string, { markers: MarkerState[]; metadata: Record<string, string> }>;
      timeline: MarkerState[];
    };
  };
  const clip = out.state.clips[NAME]!;
  return {
    reports: out.reports,
    clipMarkers: clip.markers,
    timelineMarkers: out.state.timeline,
    metadata: clip.metadata,
  };
}

async function pluginOutcome(scene: Scene, plan: TagPlan): Promise<Outcome> {
  const options: ResolveSimulatorOptions = {
    version: scene.version ?? "21.1",
    metadataForms: scene.metadataForms,
    fieldsNotKept: scene.fieldsNotKept,
  };
  const sim = new ResolveSimulator(options);
  const { markers = [], metadata = {}, ...clipSpec } = scene.clip;
  const clip = sim.addClip({ name: NAME, filePath: MEDIA_PATH, ...clipSpec });
  for (const marker of markers) clip.AddMarker(...marker);
  for (const [field, value] of Object.entries(metadata)) clip.metadata.type(field, value);
  const timeline = scene.timeline
    ? sim.addTimeline({ name: "Beitrag 18 Uhr", fps: scene.timeline.fps, dropFrame: scene.timeline.dropFrame ?? false })
    : null;
  if (timeline && scene.timeline) {
    sim.place(timeline, {
      clip,
      inFrame: scene.timeline.inFrame,
      outFrame: scene.timeline.outFrame,
      recordFrame: scene.timeline.recordFrame,
    });
    sim.setPlayhead(timeline, scene.timeline.playhead);
    for (const marker of scene.timeline.markers ?? []) timeline.AddMarker(...marker);
  }
  if (scene.page) sim.resolve.OpenPage(scene.page);
  if (scene.select) sim.selectMediaPoolClips(clip);
  const host = new ResolveHost(sim.resolve);
  const current = (await host.currentClip())!;
  const reports = [await host.applyTagPlan(plan, current), await host.applyTagPlan(plan, current)];
  const list = (owner: { markers: { list(): { frame: number; info: Omit<MarkerState, "frame"> }[] } }) =>
    owner.markers.list().map((m) => ({ frame: m.frame, ...m.info }));
  const fields = Object.fromEntries(
    ["Keywords", "Description", "Comments"]
      .map((field) => [field, clip.metadata.peek(field)] as const)
      .filter(([, value]) => value !== ""),
  );
  return { reports, clipMarkers: list(clip), timelineMarkers: timeline ? list(timeline) : [], metadata: fields };
}

const comparable = (reports: Outcome["reports"]) =>
  reports.map((report) => report.items.map((i) => [i.kind, i.status, i.target, i.error?.code ?? null]));

describe("Sichter.lua applies a plan by the plugin adapter's rules", () => {
  for (const [name, { scene, plan }] of Object.entries(SCENES)) {
    it(name, async () => {
      const lua = luaOutcome(scene, plan);
      const plugin = await pluginOutcome(scene, plan);
      expect(comparable(lua.reports)).toEqual(comparable(plugin.reports));
      expect(lua.clipMarkers).toEqual(plugin.clipMarkers);
      expect(lua.timelineMarkers).toEqual(plugin.timelineMarkers);
      expect(lua.metadata).toEqual(plugin.metadata);
      // Each scene shows its rule at work in the plugin's own report.
      expect(plugin.reports[0]!.items.length).toBeGreaterThan(0);
    });
  }

  it("shows each scene's rule in what both wrote", async () => {
    const oldCalls = await pluginOutcome(SCENES["Resolve 20.3: the key/value metadata calls only"]!.scene, tagPlan());
    expect(oldCalls.metadata.Keywords).toBe("Interview, Rathaus, Köln");
    const notKept = await pluginOutcome(
      SCENES["21.1 without the key/value calls, Description keeping nothing"]!.scene,
      tagPlan(),
    );
    expect(notKept.reports[0]!.items.find((i) => i.target === `${NAME}: Description`)).toMatchObject({
      status: "failed",
      error: { code: "SICHTER_E_HOST_WRITE_NOT_KEPT" },
    });
    const occupied = await pluginOutcome(
      SCENES["the editor's markers on frame 0 and on every frame of the second shot"]!.scene,
      tagPlan(),
    );
    expect(occupied.clipMarkers.filter((m) => m.customData.startsWith("sichter:")).map((m) => m.frame)).toEqual([
      1, 300,
    ]);
    expect(occupied.reports[0]!.items.filter((i) => i.status === "skipped").map((i) => i.error?.code)).toEqual([
      expect.stringMatching(/^SICHTER_E_/),
    ]);
    const otherRate = await pluginOutcome(SCENES["a 25 fps clip on a 24 fps timeline"]!.scene, tagPlan());
    expect(otherRate.timelineMarkers).toEqual([]);
    const pool = await pluginOutcome(SCENES["the clip picked in the media pool on the Media page"]!.scene, tagPlan());
    expect(pool.timelineMarkers).toEqual([]);
    expect(pool.metadata.Description).toBe(
      "Drehort: Rathausplatz\nSichter: 3 Einstellungen, 30 s; Text im Bild: Rathaus Köln.",
    );
  });
});

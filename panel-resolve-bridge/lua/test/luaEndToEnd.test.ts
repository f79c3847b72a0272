import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ResolveHost } from "@sichter/resolve-adapter";
import { ResolveSimulator } from "@sichter/resolve-simulator";
import type { SichterClient } from "@sichter/shared/protocol";
import { type EngineProcess, startEngineWithClient, stopEngineWithClient } from "../../../engine/test/engineProcess.ts";
import { makeCutClip, makeTempDir } from "../../../engine/test/fixtures.ts";
import { luajit } from "./luajitTestSupport.ts";

/**
 * The free edition's route end to end: Sichter.lua in a real LuaJIT against the Lua Resolve
 * simulator, talking to a real engine over a real loopback socket (POST /rpc through ffi). It
 * analyses the clip under the playhead, and after a review applies the same markers and keywords
 * the Studio plugin's adapter writes for the same clip.
 */
interface MarkerState {
  frame: number;
  color: string;
  duration: number;
  note: string;
  name: string;
  customData: string;
}
interface LuaOutcome {
  runs: {
    report?: { items: { status: string; kind: string; target: string }[] };
    error?: { code: string; message: string };
  }[];
  state: {
    clips: Record<string, { markers: MarkerState[]; metadata: Record<string, string> }>;
    timeline: MarkerState[];
  };
}

let dir: string;
let home: string;
let media: string;
let engine: EngineProcess;
let client: SichterClient;

const USER_CLIP_MARKERS: [number, string, string, string, number, string][] = [
  [10, "Green", "Ton weg", "", 1, ""],
  [100, "Pink", "Bürgermeister kommt", "wichtig", 5, ""],
];
const USER_TIMELINE_MARKERS: [number, string, string, string, number, string][] = [
  [5, "Cyan", "Beitragsbeginn", "", 1, ""],
];

function scene(runs: number) {
  return {
    version: "21.1",
    runs,
    clips: [
      {
        name: "Pressekonferenz",
        filePath: media,
        fps: "25",
        frames: 150,
        startTimecode: "00:00:00:00",
        markers: USER_CLIP_MARKERS,
        metadata: { Keywords: "Interview, Dom" },
      },
    ],
    timeline: {
      name: "Beitrag 18 Uhr",
      fps: "25",
      placements: [{ clip: "Pressekonferenz", inFrame: 20, outFrame: 140, recordFrame: 100 }],
      playhead: 110,
      markers: USER_TIMELINE_MARKERS,
    },
  };
}

function runLua(runs: number): LuaOutcome {
  return luajit("./run_scene.lua", scene(runs), { ...process.env, SICHTER_HOME: home }) as LuaOutcome;
}

/** The same scene in the TypeScript simulator, with the plugin's adapter applying the plan. */
async function pluginOutcome() {
  const sim = new ResolveSimulator({ version: "21.1" });
  const clip = sim.addClip({
    name: "Pressekonferenz",
    filePath: media,
    fps: "25",
    frames: 150,
    startTimecode: "00:00:00:00",
  });
  for (const m of USER_CLIP_MARKERS) clip.AddMarker(...m);
  clip.metadata.type("Keywords", "Interview, Dom");
  const timeline = sim.addTimeline({ name: "Beitrag 18 Uhr", fps: "25" });
  sim.place(timeline, { clip, inFrame: 20, outFrame: 140, recordFrame: 100 });
  sim.setPlayhead(timeline, 110);
  for (const m of USER_TIMELINE_MARKERS) timeline.AddMarker(...m);
  const host = new ResolveHost(sim.resolve);
  const current = (await host.currentClip())!;
  const { plan } = await client.request("tags.plan", { path: media, language: "de" });
  const report = await host.applyTagPlan(plan, current);
  const markers = (owner: { markers: { list(): { frame: number; info: Omit<MarkerState, "frame"> }[] } }) =>
    owner.markers.list().map((m) => ({ frame: m.frame, ...m.info }));
  return {
    report,
    clipMarkers: markers(clip),
    timelineMarkers: markers(timeline),
    metadata: {
      Keywords: clip.metadata.peek("Keywords"),
      Description: clip.metadata.peek("Description"),
      Comments: clip.metadata.peek("Comments"),
    },
  };
}

beforeAll(async () => {
  dir = fs.realpathSync(makeTempDir("sichter-lua-e2e-"));
  home = path.join(dir, "home");
  media = path.join(dir, "Pressekonferenz Rathaus.mp4");
  await makeCutClip(media, [50, 50, 50]);
  ({ engine, client } = await startEngineWithClient(home));
}, 60_000);
afterAll(async () => {
  await stopEngineWithClient(engine, client);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("Sichter.lua against a real engine", () => {
  it("has the engine analyse the clip under the playhead and writes its shot markers", async () => {
    const outcome = runLua(1);
    expect(outcome.runs[0]?.error).toBeUndefined();
    const { shots } = await client.request("catalog.clip", { path: media });
    expect(shots.map((s) => s.startFrame)).toEqual([0, 50, 100]);
    const markers = outcome.state.clips["Pressekonferenz"]!.markers;
    expect(markers.map((m) => [m.frame, m.name, m.customData])).toEqual([
      [0, "Einstellung 1", "sichter:f0"],
      [10, "Ton weg", ""],
      [50, "Einstellung 2", "sichter:f50"],
      [100, "Bürgermeister kommt", ""],
      [101, "Einstellung 3", "sichter:f100"],
    ]);
  }, 100_000);

  it("applies the reviewed plan exactly as the Studio plugin does, and a second run changes nothing", async () => {
    const { clip } = await client.request("catalog.clip", { path: media });
    await client.request("tags.review", { clipId: clip.id, add: { label: "Rathaus", startFrame: 0, endFrame: 150 } });
    await client.request("tags.review", {
      clipId: clip.id,
      add: { label: "Pressekonferenz", startFrame: 0, endFrame: 150 },
    });
    const dom = await client.request("tags.review", {
      clipId: clip.id,
      add: { label: "Dom", startFrame: 0, endFrame: 150 },
    });
    await client.request("tags.review", { tagId: dom.id, action: "reject" });

    const lua = runLua(2);
    const plugin = await pluginOutcome();
    const written = lua.state.clips["Pressekonferenz"]!;
    expect(written.markers).toEqual(plugin.clipMarkers);
    expect(lua.state.timeline).toEqual(plugin.timelineMarkers);
    expect(written.metadata).toEqual(Object.fromEntries(Object.entries(plugin.metadata).filter(([, v]) => v !== "")));
    expect(written.metadata.Keywords).toBe("Interview, Rathaus, Pressekonferenz");
    expect(lua.runs[0]!.report!.items.map((i) => [i.kind, i.status, i.target])).toEqual(
      plugin.report.items.map((i) => [i.kind, i.status, i.target]),
    );
    expect(lua.runs[1]!.report!.items.every((i) => i.status === "unchanged")).toBe(true);
  }, 100_000);

  it("says what to do when no engine has run for this user", () => {
    const outcome = luajit("./run_scene.lua", scene(1), {
      ...process.env,
      SICHTER_HOME: path.join(dir, "nobody"),
    }) as LuaOutcome;
    expect(outcome.runs[0]?.error).toMatchObject({ code: "SICHTER_E_CONNECTION_CLOSED" });
  });
});

import { describe, expect, it } from "vitest";
import type { TagPlan } from "@sichter/shared/model";
import { framesToTicks, parseFrameRate } from "@sichter/shared/timecode";
import type { ClipReference } from "@sichter/ui/src/host/ClipReference.ts";
import type { HostTheme } from "@sichter/ui/src/host/HostAdapter.ts";
import { PremiereCepAdapter } from "../src/PremiereCepAdapter.ts";
import { ExtendScriptError } from "../src/ExtendScriptBridge.ts";
import { cepSurroundings, evalScriptOf } from "../src/cepSurroundings.ts";
import { simulatedCepRuntime } from "./cepRuntimeTestSupport.ts";

const DF = "30000/1001";

function cepPanel(options: Parameters<typeof simulatedCepRuntime>[0] = {}) {
  const cep = simulatedCepRuntime(options);
  const adapter = new PremiereCepAdapter({
    evalScript: evalScriptOf(cep.runtime),
    ...cepSurroundings(cep.runtime),
    pollMs: 5,
  });
  return { ...cep, adapter };
}

/** A 29.97 DF sequence: A001 (29.97) on V1 from sequence frame 100 showing media frames 300-499, B002 (25) on V2 over part of it, a disabled clip on V3. */
function timeline(cep: ReturnType<typeof cepPanel>) {
  const a = cep.premiere.addClip({ name: "A001", mediaPath: "/media/A001.mov", frameRate: DF });
  const b = cep.premiere.addClip({ name: "B002", mediaPath: "/media/B002.mov", frameRate: "25/1" });
  const c = cep.premiere.addClip({ name: "C003", mediaPath: "/media/C003.mov", frameRate: DF });
  const sequence = cep.premiere.addSequence("Beitrag", DF, [
    { item: a, track: 0, startFrame: 100, inFrame: 300, durationFrames: 200 },
    { item: b, track: 1, startFrame: 20, inFrame: 0, durationFrames: 100 },
    { item: c, track: 2, startFrame: 0, inFrame: 0, durationFrames: 1000, disabled: true },
  ]);
  return { a, b, c, sequence };
}

const tpf = framesToTicks(1, parseFrameRate(DF));

describe("PremiereCepAdapter over the ExtendScript simulator", () => {
  it("takes the current clip from the Project panel selection, passing over what is no media clip", async () => {
    const cep = cepPanel();
    expect(await cep.adapter.currentClip()).toBeNull();
    cep.premiere.addClip({ name: "A001", mediaPath: "/media/A001.mov", frameRate: "25/1" });
    const b = cep.premiere.addClip({
      name: "B002",
      mediaPath: 'C:\\Medien\\Köln\\B002 "final".mov',
      frameRate: "25/1",
    });
    cep.premiere.selection = [cep.premiere.root, b];
    expect(await cep.adapter.currentClip()).toEqual({
      mediaPath: 'C:\\Medien\\Köln\\B002 "final".mov',
      name: "B002",
      hostItemId: b.nodeId,
    });
  });

  it("takes the clip under the playhead on the highest enabled track, with its used range and position", async () => {
    const cep = cepPanel();
    const { a, b, sequence } = timeline(cep);
    cep.adapter.setSource("playhead");
    sequence.playerTicks = 200n * tpf;
    expect(await cep.adapter.currentClip()).toEqual({
      mediaPath: "/media/A001.mov",
      name: "A001",
      hostItemId: a.nodeId,
      source: { inFrame: 300, outFrame: 500 },
      sequence: { sequenceName: "Beitrag", frameRate: DF, startFrame: 100, endFrame: 300, track: 0 },
    });
    // B002's 100 frames at 25 fps last 120 frames of the 29.97 sequence (20 up to 140), above A001.
    sequence.playerTicks = 120n * tpf;
    expect(await cep.adapter.currentClip()).toMatchObject({
      hostItemId: b.nodeId,
      source: { inFrame: 0, outFrame: 100 },
      sequence: { startFrame: 20, endFrame: 140, track: 1 },
    });
    sequence.playerTicks = 5000n * tpf;
    expect(await cep.adapter.currentClip()).toBeNull();
  });

  it("lists the sequence's clips in timeline order", async () => {
    const cep = cepPanel();
    timeline(cep);
    expect(
      (await cep.adapter.sequenceClips()).map((clip) => [clip.name, clip.sequence?.startFrame, clip.sequence?.track]),
    ).toEqual([
      ["C003", 0, 2],
      ["B002", 20, 1],
      ["A001", 100, 0],
    ]);
  });

  it("tells the panel of a new selection without an event, once per change", async () => {
    const cep = cepPanel();
    const a = cep.premiere.addClip({ name: "A001", mediaPath: "/media/A001.mov", frameRate: "25/1" });
    const seen: (string | null)[] = [];
    const subscription = cep.adapter.onCurrentClipChange((clip) => seen.push(clip?.name ?? null));
    await until(() => seen.length === 1);
    cep.premiere.selection = [a];
    await until(() => seen.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    subscription.dispose();
    cep.premiere.selection = [];
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(seen).toEqual([null, "A001"]);
  });

  it("reveals a frame the active sequence shows by moving the playhead there, frame-exact", async () => {
    const cep = cepPanel();
    const { sequence } = timeline(cep);
    const clip: ClipReference = { mediaPath: "/media/A001.mov", name: "A001" };
    await cep.adapter.reveal(clip, 350);
    expect(sequence.playerTicks).toBe(150n * tpf);
    expect(cep.premiere.sourceMonitor.item).toBeNull();
  });

  it("opens a clip the sequence does not show in the Source Monitor, importing it first when the project lacks it", async () => {
    const cep = cepPanel();
    const { a, sequence } = timeline(cep);
    // Frame 10 of A001 is before its in point: not on the timeline.
    await cep.adapter.reveal({ mediaPath: "/media/A001.mov", name: "A001" }, 10);
    expect(cep.premiere.sourceMonitor.item).toBe(a);
    expect(sequence.playerTicks).toBe(0n);

    const windowsPath = 'D:\\Archiv\\2024\\Flut "Ahr".mxf';
    cep.premiere.disk.set(windowsPath, { frameRate: "25/1" });
    await cep.adapter.reveal({ mediaPath: windowsPath, name: "Flut" }, 0);
    expect(cep.premiere.sourceMonitor.item?.mediaPath).toBe(windowsPath);
    expect(cep.premiere.root.childItems.filter((item) => item.mediaPath === windowsPath)).toHaveLength(1);

    const missing = cep.adapter.reveal({ mediaPath: "/media/gone.mov", name: "gone" }, 0);
    await expect(missing).rejects.toBeInstanceOf(ExtendScriptError);
    await expect(missing).rejects.toMatchObject({ code: "SICHTER_E_FILE_NOT_FOUND" });
  });

  it("imports a file once and answers with the project's clip", async () => {
    const cep = cepPanel();
    cep.premiere.disk.set("/media/N001.mov", { frameRate: "25/1" });
    const first = await cep.adapter.importMedia("/media/N001.mov");
    const again = await cep.adapter.importMedia("/media/N001.mov");
    expect(first).toEqual({ mediaPath: "/media/N001.mov", name: "N001.mov", hostItemId: expect.any(String) });
    expect(again).toEqual(first);
    expect(cep.premiere.root.childItems).toHaveLength(1);
  });

  it("JSON-encodes every argument into the evalScript code", async () => {
    const cep = cepPanel();
    const path = "C:\\Medien\\a'b\"c\u2028.mov";
    cep.premiere.disk.set(path, { frameRate: "25/1" });
    await cep.adapter.importMedia(path);
    const code = cep.evaluated.at(-1)!;
    expect(code).toBe(
      `Sichter.call("importFile", ${JSON.stringify(JSON.stringify({ mediaPath: path })).replace("\u2028", "\\u2028")})`,
    );
    expect(cep.premiere.root.childItems[0]?.mediaPath).toBe(path);
  });

  it("applies a tag plan through the JSX and says undo grouping is not available", async () => {
    const cep = cepPanel();
    const clip = cep.premiere.addClip({ name: "A001", mediaPath: "/media/A001.mov", frameRate: "25/1" });
    const plan: TagPlan = {
      clipPath: "/media/A001.mov",
      frameRate: "25/1",
      markers: [
        { kind: "shot", name: "Einstellung 1", comment: "", startFrame: 25, durationFrames: 50, color: "blue" },
      ],
      keywords: ["Dom"],
      description: "Eine Einstellung.",
      logComment: "",
    };
    const report = await cep.adapter.applyTagPlan(plan, {
      mediaPath: "/media/A001.mov",
      name: "A001",
      hostItemId: clip.nodeId,
    });
    expect(report.items.filter((item) => item.status === "failed")).toEqual([]);
    expect(clip.markerCollection.markers.map((m) => [m.name, m.startTicks])).toEqual([
      ["Einstellung 1", 25n * 10_160_640_000n],
    ]);
    expect(clip.projectMetadata.get("SichterKeywords")).toBe("Dom");
    expect(cep.adapter.capabilities.undoGrouping).toBe(false);
  });

  it("follows Premiere's language and brightness", () => {
    const cep = cepPanel({ locale: "en_US", background: { red: 184, green: 184, blue: 184 } });
    expect(cep.adapter.locale()).toBe("en");
    expect(cep.adapter.theme()).toBe("light");
    const seen: HostTheme[] = [];
    const subscription = cep.adapter.onThemeChange((theme) => seen.push(theme));
    cep.setBackground({ red: 29, green: 29, blue: 29 });
    subscription.dispose();
    cep.setBackground({ red: 240, green: 240, blue: 240 });
    expect(seen).toEqual(["dark"]);
    expect(cepPanel({ locale: "de_DE" }).adapter.locale()).toBe("de");
  });
});

async function until(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

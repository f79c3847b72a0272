import { ErrorCode, SichterClient, SichterRpcError, type WebSocketConstructor } from "@sichter/shared/protocol";
import type { TagPlan } from "@sichter/shared/model";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { fakeBrowserEnvironment } from "../../../test/fakeBrowserEnvironment.ts";
import { FakeEngineServer } from "../../../test/FakeEngineServer.ts";
import { clipFromPath, type ClipReference } from "../ClipReference.ts";
import { BrowserHostAdapter } from "./BrowserHostAdapter.ts";

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const plan: TagPlan = {
  clipPath: "/media/A001.mov",
  frameRate: "25/1",
  markers: [],
  keywords: [],
  description: "",
  logComment: "",
};
const catalogClip = {
  path: "/media/A001.mov",
  fingerprint: "f",
  frameRate: "25/1",
  dropFrame: false,
  startTimecode: "10:00:00:00",
  frameCount: 750,
  durationSeconds: 30,
  width: 1920,
  height: 1080,
  id: 3,
  sizeBytes: 1,
  mtime: null,
  description: null,
  firstSeen: "2025-03-01T10:00:00.000Z",
  lastAnalysed: "2025-03-01T10:00:00.000Z",
};

function connectedClient(server: FakeEngineServer): SichterClient {
  const client = new SichterClient({
    url: server.address.ws,
    token: server.token,
    WebSocket: WebSocket as unknown as WebSocketConstructor,
    reconnect: false,
  });
  cleanup.push(() => client.dispose());
  return client;
}

const noEngine = (): never => {
  throw SichterRpcError.of(ErrorCode.CONNECTION_CLOSED);
};

describe("BrowserHostAdapter", () => {
  it("follows prefers-color-scheme and stops when disposed", () => {
    const environment = fakeBrowserEnvironment("en-US", false);
    const host = new BrowserHostAdapter(environment, noEngine);
    expect(host.theme()).toBe("light");
    const seen: string[] = [];
    const subscription = host.onThemeChange((theme) => seen.push(theme));
    environment.setDark(true);
    expect(host.theme()).toBe("dark");
    subscription.dispose();
    environment.setDark(false);
    expect(seen).toEqual(["dark"]);
    expect(environment.listeners()).toBe(0);
  });

  it.each([
    ["de-DE", "de"],
    ["de", "de"],
    ["DE-at", "de"],
    ["en-GB", "en"],
    ["fr-FR", "en"],
    ["", "en"],
  ])("takes the UI language from navigator.language %j -> %s", (language, locale) => {
    expect(new BrowserHostAdapter(fakeBrowserEnvironment(language, false), noEngine).locale()).toBe(locale);
  });

  it("makes the clip picked in the media browser the current clip and tells listeners once", async () => {
    const host = new BrowserHostAdapter(fakeBrowserEnvironment("de", false), noEngine);
    expect(await host.currentClip()).toBeNull();
    const seen: (ClipReference | null)[] = [];
    host.onCurrentClipChange((clip) => seen.push(clip));
    const clip = clipFromPath("/media/Landtag/A001.mov");
    host.selectClip(clip);
    host.selectClip(clipFromPath("/media/Landtag/A001.mov"));
    expect(await host.currentClip()).toEqual({ mediaPath: "/media/Landtag/A001.mov", name: "A001.mov" });
    expect(seen).toEqual([clip]);
    expect(host.capabilities.mediaBrowser).toBe(true);
    await expect(host.importMedia()).rejects.toMatchObject({ code: ErrorCode.USAGE });
  });

  it("remembers the picked clip across page loads", async () => {
    const map = new Map<string, string>();
    const storage = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      removeItem: (k: string) => void map.delete(k),
    };
    new BrowserHostAdapter(fakeBrowserEnvironment("de", false), noEngine, storage).selectClip(
      clipFromPath("/media/B002.mxf"),
    );
    const reloaded = new BrowserHostAdapter(fakeBrowserEnvironment("de", false), noEngine, storage);
    expect(await reloaded.currentClip()).toEqual({ mediaPath: "/media/B002.mxf", name: "B002.mxf" });
    reloaded.selectClip(null);
    expect(
      await new BrowserHostAdapter(fakeBrowserEnvironment("de", false), noEngine, storage).currentClip(),
    ).toBeNull();
  });

  it("applies through the engine's tags.apply for the catalogued clip and reports the sidecar and keywords", async () => {
    const server = await FakeEngineServer.start();
    cleanup.push(() => server.stop());
    server.handlers.set("catalog.clip", (params) => {
      if (params.path !== "/media/A001.mov")
        throw SichterRpcError.of(ErrorCode.NOT_IN_CATALOG, { what: String(params.path) });
      return { clip: catalogClip, shots: [], keyframes: [], tags: [] };
    });
    server.handlers.set("tags.apply", () => ({
      files: [
        {
          clipId: 3,
          path: "/media/A001.mov",
          status: "written",
          sidecar: "/media/A001.xmp",
          embedded: false,
          keywords: ["Landtag", "Rathaus Köln, Ratssaal"],
          markers: 2,
          error: null,
        },
      ],
    }));
    const written = [
      { name: "Shot 1", comment: "", startFrame: 0, durationFrames: 100, kind: "shot", color: "blue" },
      { name: "Black", comment: "technical 90%", startFrame: 40, durationFrames: 5, kind: "cue.black", color: "red" },
    ];
    server.handlers.set("tags.plan", (params) => ({
      clipId: 3,
      plan: { ...plan, markers: params.language === "en" ? written : [] },
    }));
    const host = new BrowserHostAdapter(fakeBrowserEnvironment("de", false), () => connectedClient(server));

    const report = await host.applyTagPlan(plan, clipFromPath("/media/A001.mov"), { language: "en" });

    // One item per keyword (a keyword may hold a comma) and per marker the engine wrote.
    expect(report).toEqual({
      clipPath: "/media/A001.mov",
      items: [
        { kind: "xmp-sidecar", status: "written", target: "/media/A001.xmp" },
        { kind: "keywords", status: "written", target: "Landtag" },
        { kind: "keywords", status: "written", target: "Rathaus Köln, Ratssaal" },
        { kind: "marker", status: "written", target: "Shot 1", frame: 0 },
        { kind: "marker", status: "written", target: "Black", frame: 40 },
      ],
    });
    expect(server.received.find((r) => r.method === "tags.apply")?.params).toEqual({
      clipIds: [3],
      write: "sidecar",
      language: "en",
    });
    expect(host.capabilities.apply.embed).toBe(true);
  });

  it("says how many markers were written when the plan no longer matches them, and that no keyword is", async () => {
    const server = await FakeEngineServer.start();
    cleanup.push(() => server.stop());
    server.handlers.set("catalog.clip", () => ({ clip: catalogClip, shots: [], keyframes: [], tags: [] }));
    server.handlers.set("tags.apply", () => ({
      files: [
        {
          clipId: 3,
          path: "/media/A001.mov",
          status: "written",
          sidecar: "/media/A001.xmp",
          embedded: false,
          keywords: [],
          markers: 3,
          error: null,
        },
      ],
    }));
    server.handlers.set("tags.plan", () => ({ clipId: 3, plan }));
    const host = new BrowserHostAdapter(fakeBrowserEnvironment("de", false), () => connectedClient(server));

    expect((await host.applyTagPlan(plan, clipFromPath("/media/A001.mov"))).items).toEqual([
      { kind: "xmp-sidecar", status: "written", target: "/media/A001.xmp" },
      { kind: "keywords", status: "written", target: "" },
      { kind: "marker", status: "written", target: "Sichter: 3" },
    ]);
  });

  it("reports a refused write, and a clip not analysed yet, with their codes", async () => {
    const server = await FakeEngineServer.start();
    cleanup.push(() => server.stop());
    server.handlers.set("catalog.clip", (params) => {
      if (params.path !== "/media/A001.mov")
        throw SichterRpcError.of(ErrorCode.NOT_IN_CATALOG, { what: String(params.path) });
      return { clip: catalogClip, shots: [], keyframes: [], tags: [] };
    });
    const readOnly = { code: ErrorCode.XMP_SIDECAR_READ_ONLY, message: "The sidecar /media/A001.xmp is read-only" };
    server.handlers.set("tags.apply", () => ({
      files: [
        {
          clipId: 3,
          path: "/media/A001.mov",
          status: "failed",
          sidecar: null,
          embedded: false,
          keywords: [],
          markers: 0,
          error: readOnly,
        },
      ],
    }));
    const host = new BrowserHostAdapter(fakeBrowserEnvironment("de", false), () => connectedClient(server));

    expect((await host.applyTagPlan(plan, clipFromPath("/media/A001.mov"))).items).toEqual([
      { kind: "xmp-sidecar", status: "failed", target: "/media/A001.mov", error: readOnly },
    ]);
    expect(
      (await host.applyTagPlan({ ...plan, clipPath: "/media/new.mov" }, clipFromPath("/media/new.mov"))).items,
    ).toEqual([
      {
        kind: "xmp-sidecar",
        status: "failed",
        target: "/media/new.mov",
        error: {
          code: ErrorCode.NOT_IN_CATALOG,
          params: { what: "/media/new.mov" },
          message: "Not in the catalog: /media/new.mov",
        },
      },
    ]);
  });
});

import { ErrorCode, SichterClient, SichterRpcError, type WebSocketConstructor } from "@sichter/shared/protocol";
import type { TagPlan } from "@sichter/shared/model";
import { jobFixture } from "../../../../protocol/rpc/methods/wireFixtures.ts";
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
    expect(host.capabilities.reveal).toBe(false);
    await expect(host.reveal()).rejects.toMatchObject({ code: ErrorCode.USAGE });
  });

  it("remembers the picked clip across page loads", async () => {
    const map = new Map<string, string>();
    const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k) };
    new BrowserHostAdapter(fakeBrowserEnvironment("de", false), noEngine, storage).selectClip(clipFromPath("/media/B002.mxf"));
    const reloaded = new BrowserHostAdapter(fakeBrowserEnvironment("de", false), noEngine, storage);
    expect(await reloaded.currentClip()).toEqual({ mediaPath: "/media/B002.mxf", name: "B002.mxf" });
    reloaded.selectClip(null);
    expect(await new BrowserHostAdapter(fakeBrowserEnvironment("de", false), noEngine, storage).currentClip()).toBeNull();
  });

  it("applies a plan by having the engine write the sidecar, and reports the file", async () => {
    const server = await FakeEngineServer.start();
    cleanup.push(() => server.stop());
    const jobs = new Map<string, typeof jobFixture>();
    server.handlers.set("clip.analyze", (params) => {
      const job = { ...jobFixture, id: "job-apply", clipPath: String(params.path), state: "completed" as const, stage: null, fraction: 1 };
      jobs.set(job.id, job);
      return { jobId: job.id, joined: false };
    });
    server.handlers.set("job.subscribe", (params) => jobs.get(String(params.jobId)));
    server.handlers.set("job.result", () => ({
      job: jobs.get("job-apply"),
      result: {
        clip: { path: "/media/A001.mov", fingerprint: "f", frameRate: "25/1", dropFrame: false, startTimecode: "10:00:00:00", frameCount: 750, durationSeconds: 30, width: 1920, height: 1080 },
        shots: [],
        keyframes: [],
        tags: [],
        written: { sidecar: "/media/A001.xmp", embedded: false },
        failures: [],
      },
    }));
    const client = new SichterClient({ url: server.address.ws, token: server.token, WebSocket: WebSocket as unknown as WebSocketConstructor, reconnect: false });
    cleanup.push(() => client.dispose());
    const host = new BrowserHostAdapter(fakeBrowserEnvironment("de", false), () => client);
    const plan: TagPlan = { clipPath: "/media/A001.mov", frameRate: "25/1", markers: [], keywords: ["Landtag"], description: "", logComment: "" };

    const report = await host.applyTagPlan(plan, clipFromPath("/media/A001.mov"));

    expect(report).toEqual({ clipPath: "/media/A001.mov", items: [{ kind: "xmp-sidecar", status: "written", target: "/media/A001.xmp" }] });
    expect(server.received.find((r) => r.method === "clip.analyze")?.params).toEqual({ path: "/media/A001.mov", options: { write: "sidecar" } });
  });

  it("reports a failed write with the job's error code", async () => {
    const server = await FakeEngineServer.start();
    cleanup.push(() => server.stop());
    const failed = {
      ...jobFixture,
      id: "job-fail",
      state: "failed" as const,
      stage: null,
      error: { code: ErrorCode.XMP_WRITE_FAILED, message: "Writing metadata failed" },
    };
    server.handlers.set("clip.analyze", () => ({ jobId: failed.id, joined: false }));
    server.handlers.set("job.subscribe", () => failed);
    const client = new SichterClient({ url: server.address.ws, token: server.token, WebSocket: WebSocket as unknown as WebSocketConstructor, reconnect: false });
    cleanup.push(() => client.dispose());
    const host = new BrowserHostAdapter(fakeBrowserEnvironment("de", false), () => client);
    const plan: TagPlan = { clipPath: "/media/A001.mov", frameRate: "25/1", markers: [], keywords: [], description: "", logComment: "" };

    const report = await host.applyTagPlan(plan, clipFromPath("/media/A001.mov"));

    expect(report.items).toEqual([
      { kind: "xmp-sidecar", status: "failed", target: "/media/A001.mov", error: { code: ErrorCode.XMP_WRITE_FAILED, message: "Writing metadata failed" } },
    ]);
  });
});

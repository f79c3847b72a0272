import { ErrorCode, SichterClient, SichterRpcError, type WebSocketConstructor } from "@sichter/shared/protocol";
import type { TagPlan } from "@sichter/shared/model";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { fakeBrowserEnvironment } from "../../../test/fakeBrowserEnvironment.ts";
import { FakeEngineServer } from "../../../test/FakeEngineServer.ts";
import { BrowserHostAdapter } from "../../host/browser/BrowserHostAdapter.ts";
import { clipFromPath } from "../../host/ClipReference.ts";
import { ApplyController } from "./ApplyController.ts";
import { summarizeApply } from "./applySummary.ts";

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

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
const plan: TagPlan = {
  clipPath: "/media/A001.mov",
  frameRate: "25/1",
  markers: [{ name: "Shot 1", comment: "", startFrame: 0, durationFrames: 750, kind: "shot", color: "blue" }],
  keywords: ["Landtag", "Potsdam"],
  description: "1 shots, 30 s.",
  logComment: "",
};

async function setup(): Promise<{ server: FakeEngineServer; apply: ApplyController }> {
  const server = await FakeEngineServer.start();
  cleanup.push(() => server.stop());
  server.handlers.set("catalog.clip", (params) => {
    if (params.path !== catalogClip.path)
      throw SichterRpcError.of(ErrorCode.NOT_IN_CATALOG, { what: String(params.path) });
    return { clip: catalogClip, shots: [], keyframes: [], tags: [] };
  });
  server.handlers.set("tags.plan", (params) => {
    if (params.path !== catalogClip.path)
      throw SichterRpcError.of(ErrorCode.NOT_IN_CATALOG, { what: String(params.path) });
    return { clipId: 3, plan };
  });
  let applied = 0;
  server.handlers.set("tags.apply", (params) => ({
    files: [
      applied++ === 0 || params.write === "embed"
        ? {
            clipId: 3,
            path: catalogClip.path,
            status: "written",
            sidecar: params.write === "embed" ? null : "/media/A001.xmp",
            embedded: params.write === "embed",
            keywords: plan.keywords,
            markers: 1,
            error: null,
          }
        : {
            clipId: 3,
            path: catalogClip.path,
            status: "failed",
            sidecar: null,
            embedded: false,
            keywords: [],
            markers: 0,
            error: { code: ErrorCode.XMP_SIDECAR_READ_ONLY, message: "read-only: /media/A001.xmp" },
          },
    ],
  }));
  const client = new SichterClient({
    url: server.address.ws,
    token: server.token,
    WebSocket: WebSocket as unknown as WebSocketConstructor,
    reconnect: false,
  });
  cleanup.push(() => client.dispose());
  const host = new BrowserHostAdapter(fakeBrowserEnvironment("de", false), () => client);
  return { server, apply: new ApplyController(client, host) };
}

describe("ApplyController", () => {
  it("gets the engine's plan in the user's language, has the host write it, and keeps the report per clip", async () => {
    const { server, apply } = await setup();
    await apply.apply(clipFromPath(catalogClip.path), { language: "en" }, true);
    expect(server.received.find((r) => r.method === "tags.plan")?.params).toEqual({
      path: catalogClip.path,
      language: "en",
    });
    expect(server.received.find((r) => r.method === "tags.apply")?.params).toEqual({
      clipIds: [3],
      write: "sidecar",
      language: "en",
    });
    const run = apply.state.get().runs[catalogClip.path]!;
    expect(run).toMatchObject({ phase: "done", embed: false, error: null });
    expect(summarizeApply(run.report!).done["xmp-sidecar"]).toEqual([
      { kind: "xmp-sidecar", status: "written", target: "/media/A001.xmp" },
    ]);
  });

  it("applies again, and keeps a refused write's code in the report", async () => {
    const { apply } = await setup();
    await apply.apply(clipFromPath(catalogClip.path), { language: "de" }, true);
    await apply.apply(clipFromPath(catalogClip.path), { language: "de" }, true);
    const summary = summarizeApply(apply.state.get().runs[catalogClip.path]!.report!);
    expect(summary.failed).toEqual([
      {
        kind: "xmp-sidecar",
        status: "failed",
        target: catalogClip.path,
        error: { code: ErrorCode.XMP_SIDECAR_READ_ONLY, message: "read-only: /media/A001.xmp" },
      },
    ]);
    expect(summary.done).toEqual({});
  });

  it("embeds when chosen, the host can and the file allows it; a sidecar otherwise", async () => {
    const { server, apply } = await setup();
    apply.setEmbed(true);
    await apply.apply(clipFromPath(catalogClip.path), { language: "de" }, false);
    await apply.apply(clipFromPath(catalogClip.path), { language: "de" }, true);
    expect(server.received.filter((r) => r.method === "tags.apply").map((r) => r.params.write)).toEqual([
      "sidecar",
      "embed",
    ]);
    expect(apply.state.get().runs[catalogClip.path]).toMatchObject({ phase: "done", embed: true });
  });

  it("hands the host the plan as the settings want it", async () => {
    const { apply } = await setup();
    const seen: TagPlan[] = [];
    await apply.apply(
      clipFromPath(catalogClip.path),
      { language: "de", preparePlan: (p) => (seen.push(p), { ...p, markers: [] }) },
      true,
    );
    expect(seen).toEqual([plan]);
  });

  it("says why there is no report for a clip the catalog does not know", async () => {
    const { apply } = await setup();
    await apply.apply(clipFromPath("/media/new.mov"), { language: "de" }, true);
    expect(apply.state.get().runs["/media/new.mov"]).toMatchObject({
      phase: "failed",
      report: null,
      error: { code: ErrorCode.NOT_IN_CATALOG },
    });
  });
});

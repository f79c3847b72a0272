import { ErrorCode, SichterClient, SichterRpcError, type WebSocketConstructor } from "@sichter/shared/protocol";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { FakeEngineServer } from "../../../test/FakeEngineServer.ts";
import { waitUntil } from "../../../test/waitUntil.ts";
import { MediaBrowserController } from "./MediaBrowserController.ts";

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const probe = {
  container: "mov,mp4,m4a,3gp,3g2,mj2",
  codec: "h264",
  width: 1920,
  height: 1080,
  frameRate: "25/1",
  dropFrame: false,
  durationSeconds: 30,
  frameCount: 750,
  startTimecode: "10:00:00:00",
  endTimecode: "10:00:29:24",
  browserPlayable: true,
  playbackIssue: null,
};
const file = (name: string, probed: boolean) => ({
  name,
  path: `/media/Landtag/${name}`,
  sizeBytes: 1000,
  modified: "2025-03-01T10:00:00.000Z",
  stream: `/media/${name}`,
  probe: probed ? probe : null,
  analysis: null,
});

async function setup(): Promise<{ server: FakeEngineServer; media: MediaBrowserController }> {
  const server = await FakeEngineServer.start();
  cleanup.push(() => server.stop());
  const client = new SichterClient({
    url: server.address.ws,
    token: server.token,
    WebSocket: WebSocket as unknown as WebSocketConstructor,
    reconnect: false,
  });
  cleanup.push(() => client.dispose());
  return { server, media: new MediaBrowserController(client) };
}

describe("MediaBrowserController", () => {
  it("lists the allowed folders, then a folder, and probes only the files not probed before", async () => {
    const { server, media } = await setup();
    server.handlers.set("media.list", (params) =>
      params.folder === undefined
        ? {
            folder: null,
            parent: null,
            folders: [{ name: "Landtag", path: "/media/Landtag", available: true }],
            files: [],
            truncated: false,
          }
        : {
            folder: "/media/Landtag",
            parent: null,
            folders: [],
            files: [file("A001.mov", true), file("A002.mov", false)],
            truncated: false,
          },
    );
    server.handlers.set("media.probe", (params) => ({
      items: (params.paths as string[]).map((path) => ({ path, clipId: null, stream: "/media/x", probe, error: null })),
    }));

    await media.open(null);
    expect(media.state.get()).toMatchObject({
      load: "loaded",
      folder: null,
      folders: [{ name: "Landtag" }],
      files: [],
    });
    await media.open("/media/Landtag");
    await waitUntil(() => media.state.get().files.every((f) => f.probe !== null), "the probe");
    expect(server.received.filter((r) => r.method === "media.probe").map((r) => r.params)).toEqual([
      { paths: ["/media/Landtag/A002.mov"] },
    ]);
    expect(server.received.filter((r) => r.method === "media.list").map((r) => r.params)).toEqual([
      {},
      { folder: "/media/Landtag" },
    ]);
  });

  it("keeps the engine's code when a folder is not allowed", async () => {
    const { server, media } = await setup();
    server.handlers.set("media.list", (params) => {
      throw SichterRpcError.of(ErrorCode.MEDIA_NOT_ALLOWED, { path: String(params.folder) });
    });
    await media.open("/etc");
    expect(media.state.get()).toMatchObject({
      load: "failed",
      error: { code: ErrorCode.MEDIA_NOT_ALLOWED, params: { path: "/etc" } },
    });
  });
});

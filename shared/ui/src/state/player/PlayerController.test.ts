import { ErrorCode, SichterClient, type WebSocketConstructor } from "@sichter/shared/protocol";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { FakeEngineServer } from "../../../test/FakeEngineServer.ts";
import { PlayerController } from "./PlayerController.ts";

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const probe = (
  container: string,
  codec: string,
  browserPlayable: boolean,
  playbackIssue: "container" | "codec" | "pixelFormat" | null,
) => ({
  container,
  codec,
  width: 1920,
  height: 1080,
  frameRate: "25/1",
  dropFrame: false,
  durationSeconds: 20,
  frameCount: 500,
  startTimecode: "00:00:00:00",
  endTimecode: "00:00:19:24",
  browserPlayable,
  playbackIssue,
});

async function setup(): Promise<{ server: FakeEngineServer; player: PlayerController }> {
  const server = await FakeEngineServer.start();
  cleanup.push(() => server.stop());
  server.handlers.set("media.probe", (params) => {
    const byId = params.clipIds as number[] | undefined;
    if (byId)
      return {
        items: [
          {
            path: "/m/news.mp4",
            clipId: byId[0],
            stream: `/media/${byId[0]}`,
            probe: probe("mov", "h264", true, null),
            error: null,
          },
        ],
      };
    const [path] = params.paths as string[];
    if (path === "/m/prores.mov")
      return {
        items: [
          {
            path,
            clipId: null,
            stream: "/media/%2Fm%2Fprores.mov",
            probe: probe("mov", "prores", false, "codec"),
            error: null,
          },
        ],
      };
    return {
      items: [
        {
          path,
          clipId: null,
          stream: "/media/x",
          probe: null,
          error: { code: ErrorCode.MEDIA_NOT_ALLOWED, message: `not allowed: ${path}` },
        },
      ],
    };
  });
  const client = new SichterClient({
    url: server.address.ws,
    token: server.token,
    WebSocket: WebSocket as unknown as WebSocketConstructor,
    reconnect: false,
  });
  cleanup.push(() => client.dispose());
  return { server, player: new PlayerController(client) };
}

describe("PlayerController", () => {
  it("streams a catalogued clip by its id, and keeps it when asked again", async () => {
    const { server, player } = await setup();
    await player.load({ path: "/m/news.mp4", clipId: 3 });
    expect(player.state.get()).toMatchObject({
      load: "ready",
      stream: "/media/3",
      fallback: null,
      container: "mov",
      codec: "h264",
      timing: { frameRate: "25/1", frameCount: 500 },
    });
    await player.load({ path: "/m/news.mp4", clipId: 3 });
    expect(server.received.filter((r) => r.method === "media.probe")).toHaveLength(1);
  });

  it("falls back to the filmstrip with the probe's reason, or when the browser fails to decode", async () => {
    const { player } = await setup();
    await player.load({ path: "/m/prores.mov", clipId: null });
    expect(player.state.get()).toMatchObject({ load: "ready", fallback: "codec", codec: "prores" });
    await player.load({ path: "/m/news.mp4", clipId: 3 });
    player.decodeFailed("/m/prores.mov");
    expect(player.state.get().fallback).toBeNull();
    player.decodeFailed("/m/news.mp4");
    expect(player.state.get().fallback).toBe("decode");
  });

  it("keeps the engine's code for a file it will not stream", async () => {
    const { player } = await setup();
    await player.load({ path: "/etc/passwd", clipId: null });
    expect(player.state.get()).toMatchObject({ load: "failed", error: { code: ErrorCode.MEDIA_NOT_ALLOWED } });
  });

  it("takes a seek before the clip has loaded, and each seek again even to the same frame", async () => {
    const { player } = await setup();
    player.seek("/m/news.mp4", 103.4);
    await player.load({ path: "/m/news.mp4", clipId: 3 });
    const first = player.state.get();
    expect(first).toMatchObject({ seek: { path: "/m/news.mp4", frame: 103 }, frame: 103 });
    player.shown("/m/news.mp4", 150);
    player.seek("/m/news.mp4", 103);
    expect(player.state.get().seek!.serial).toBeGreaterThan(first.seek!.serial);
    expect(player.state.get().frame).toBe(103);
    // The frame a video of another clip reports does not move this one.
    player.shown("/m/other.mp4", 7);
    expect(player.state.get().frame).toBe(103);
  });
});

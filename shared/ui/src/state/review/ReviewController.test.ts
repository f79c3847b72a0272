import { ErrorCode, SichterClient, SichterRpcError, type WebSocketConstructor } from "@sichter/shared/protocol";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { clipAnalysisFixture, storedTagFixture } from "../../../../protocol/test/wireFixtures.ts";
import { FakeEngineServer } from "../../../test/FakeEngineServer.ts";
import { ReviewController } from "./ReviewController.ts";

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const clip = {
  ...clipAnalysisFixture.clip,
  id: 3,
  sizeBytes: 1000,
  mtime: null,
  description: null,
  firstSeen: "2025-03-01T10:00:00.000Z",
  lastAnalysed: "2025-03-01T10:00:00.000Z",
};

const shot = { index: 0, startFrame: 0, endFrame: 750, transition: null };
const keyframe = { frame: 100, timecode: "10:00:04:00", thumbnail: "/thumbnails/3/1-0000100.jpg" };

async function setup(): Promise<{ server: FakeEngineServer; review: ReviewController }> {
  const server = await FakeEngineServer.start();
  cleanup.push(() => server.stop());
  server.handlers.set("catalog.clip", (params) => {
    if (params.path !== clip.path) throw SichterRpcError.of(ErrorCode.NOT_IN_CATALOG, { what: String(params.path) });
    return { clip, shots: [shot], keyframes: [keyframe], tags: [storedTagFixture] };
  });
  const client = new SichterClient({
    url: server.address.ws,
    token: server.token,
    WebSocket: WebSocket as unknown as WebSocketConstructor,
    reconnect: false,
  });
  cleanup.push(() => client.dispose());
  return { server, review: new ReviewController(client) };
}

describe("ReviewController", () => {
  it("loads a catalogued clip's tags, and says when a clip was not analysed", async () => {
    const { review } = await setup();
    await review.load(clip.path);
    expect(review.state.get()).toMatchObject({
      load: "loaded",
      clip: { id: 3 },
      shots: [shot],
      keyframes: [keyframe],
      focusedId: 7,
    });
    await review.load("/m/new.mov");
    expect(review.state.get()).toMatchObject({
      load: "not-analysed",
      path: "/m/new.mov",
      shots: [],
      keyframes: [],
      tags: [],
    });
  });

  it("sends a rejection to tags.review and keeps what the engine stored", async () => {
    const { server, review } = await setup();
    server.handlers.set("tags.review", (params) => ({
      ...storedTagFixture,
      status: "rejected",
      decidedAt: "2025-03-01T11:00:00.000Z",
      label: `${params.action}` === "reject" ? storedTagFixture.label : "?",
    }));
    await review.load(clip.path);
    await review.decide(7, "reject");
    expect(server.received.filter((r) => r.method === "tags.review").map((r) => r.params)).toEqual([
      { tagId: 7, action: "reject" },
    ]);
    expect(review.state.get().tags[0]).toMatchObject({ status: "rejected", decidedAt: "2025-03-01T11:00:00.000Z" });
    expect(review.state.get().pending).toEqual([]);
  });

  it("takes a refused decision back and keeps the engine's error code", async () => {
    const { server, review } = await setup();
    server.handlers.set("tags.review", () => {
      throw SichterRpcError.of(ErrorCode.NOT_IN_CATALOG, { what: "tag 7" });
    });
    await review.load(clip.path);
    await review.decide(7, "accept");
    expect(review.state.get().tags[0]?.status).toBe("suggested");
    expect(review.state.get().error).toMatchObject({ code: ErrorCode.NOT_IN_CATALOG, params: { what: "tag 7" } });
  });

  it("edits a label and adds a tag for the whole clip", async () => {
    const { server, review } = await setup();
    server.handlers.set("tags.review", (params) =>
      "add" in params
        ? {
            ...storedTagFixture,
            id: 8,
            source: "user",
            status: "accepted",
            label: (params.add as { label: string }).label,
            startFrame: 0,
            endFrame: clip.frameCount,
          }
        : { ...storedTagFixture, status: "accepted", label: String(params.label) },
    );
    await review.load(clip.path);
    review.dispatch({ type: "editStart", target: 7 });
    review.dispatch({ type: "editChange", label: "Landtag Potsdam " });
    await review.commitEdit();
    review.dispatch({ type: "editStart", target: "new" });
    review.dispatch({ type: "editChange", label: "Plenarsaal" });
    await review.commitEdit();

    expect(server.received.filter((r) => r.method === "tags.review").map((r) => r.params)).toEqual([
      { tagId: 7, action: "edit", label: "Landtag Potsdam" },
      { clipId: 3, add: { label: "Plenarsaal", startFrame: 0, endFrame: 750 } },
    ]);
    expect(review.state.get().tags.map((t) => [t.id, t.label, t.status])).toEqual([
      [7, "Landtag Potsdam", "accepted"],
      [8, "Plenarsaal", "accepted"],
    ]);
    expect(review.state.get().focusedId).toBe(8);
  });
});

import {
  ErrorCode,
  SichterClient,
  SichterRpcError,
  type SearchResultItem,
  type WebSocketConstructor,
} from "@sichter/shared/protocol";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { FakeEngineServer } from "../../../test/FakeEngineServer.ts";
import { waitUntil } from "../../../test/waitUntil.ts";
import { SearchController, type RevealClip } from "./SearchController.ts";

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const result = (file: string): SearchResultItem => ({
  clipId: 1,
  file,
  score: 1,
  hits: [
    {
      kind: "tag",
      tagId: 7,
      label: "Schäfer",
      source: "ocr",
      status: "suggested",
      startFrame: 100,
      endFrame: 200,
      startTimecode: "10:00:04:00",
    },
  ],
});

/** A catalogued clip as catalog.clip answers, with the given shots and keyframes. */
const catalogued = (id: number, shots: object[], keyframes: object[]) => ({
  clip: {
    path: `/m/${id}.mov`,
    fingerprint: "f",
    frameRate: "25/1",
    dropFrame: false,
    startTimecode: "10:00:00:00",
    frameCount: 750,
    durationSeconds: 30,
    width: 1920,
    height: 1080,
    id,
    sizeBytes: 1,
    mtime: null,
    description: null,
    firstSeen: "2025-03-01T10:00:00.000Z",
    lastAnalysed: "2025-03-01T10:00:00.000Z",
  },
  shots,
  keyframes,
  tags: [],
});

async function setup(
  reveal: RevealClip | null = null,
): Promise<{ server: FakeEngineServer; search: SearchController }> {
  const server = await FakeEngineServer.start();
  cleanup.push(() => server.stop());
  const client = new SichterClient({
    url: server.address.ws,
    token: server.token,
    WebSocket: WebSocket as unknown as WebSocketConstructor,
    reconnect: false,
  });
  cleanup.push(() => client.dispose());
  return { server, search: new SearchController(client, reveal) };
}

describe("SearchController", () => {
  it("sends the typed query as it is and shows the results", async () => {
    const { server, search } = await setup();
    server.handlers.set("catalog.search", () => ({ results: [result("/m/a.mov")] }));
    await search.search("  schafer ");
    expect(server.received.find((r) => r.method === "catalog.search")?.params).toEqual({ query: "schafer" });
    expect(search.state.get()).toMatchObject({ status: "done", answered: "schafer", results: [{ file: "/m/a.mov" }] });
  });

  it("drops the answer of an older search that arrives last", async () => {
    const { server, search } = await setup();
    server.handlers.set("catalog.search", async (params) => {
      if (params.query === "slow") await new Promise((resolve) => setTimeout(resolve, 100));
      return { results: [result(`/m/${String(params.query)}.mov`)] };
    });
    const slow = search.search("slow");
    await search.search("fast");
    await slow;
    expect(search.state.get()).toMatchObject({ answered: "fast", results: [{ file: "/m/fast.mov" }] });
  });

  it("keeps the error code of a query the engine cannot read", async () => {
    const { server, search } = await setup();
    server.handlers.set("catalog.search", () => {
      throw SichterRpcError.of(ErrorCode.QUERY_INVALID, { detail: "unbalanced quote" });
    });
    await search.search('"Landtag');
    expect(search.state.get()).toMatchObject({
      status: "failed",
      error: { code: ErrorCode.QUERY_INVALID, params: { detail: "unbalanced quote" } },
    });
  });

  it("gives each result the picture of the keyframe nearest its best hit, in that hit's shot", async () => {
    const { server, search } = await setup();
    server.handlers.set("catalog.search", () => ({
      results: [
        { ...result("/m/a.mov"), clipId: 1 },
        { ...result("/m/b.mov"), clipId: 2 },
      ],
    }));
    server.handlers.set("catalog.clip", (params) =>
      params.clipId === 1
        ? catalogued(
            1,
            [
              { index: 0, startFrame: 0, endFrame: 90, transition: null },
              { index: 1, startFrame: 90, endFrame: 300, transition: null },
            ],
            [
              { frame: 85, timecode: "10:00:03:10", thumbnail: "/thumbnails/1/85.jpg" },
              { frame: 150, timecode: "10:00:06:00", thumbnail: "/thumbnails/1/150.jpg" },
            ],
          )
        : catalogued(2, [], [{ frame: 0, timecode: "10:00:00:00", thumbnail: null }]),
    );
    await search.search("schafer");
    expect(search.state.get().previews).toEqual({ 1: "/thumbnails/1/150.jpg", 2: null });
    expect(server.received.filter((r) => r.method === "catalog.clip").map((r) => r.params)).toEqual(
      expect.arrayContaining([{ clipId: 1 }, { clipId: 2 }]),
    );
  });

  it("shows the results before their pictures, and a failed picture lookup leaves the result without one", async () => {
    const { server, search } = await setup();
    let answer: () => void = () => {};
    server.handlers.set("catalog.search", () => ({ results: [result("/m/a.mov")] }));
    server.handlers.set("catalog.clip", async () => {
      await new Promise<void>((resolve) => (answer = resolve));
      throw SichterRpcError.of(ErrorCode.NOT_IN_CATALOG, { path: "/m/a.mov" });
    });
    const searching = search.search("schafer");
    await waitUntil(() => search.state.get().status === "done", "results");
    expect(search.state.get().previews).toEqual({});
    await waitUntil(() => server.received.some((r) => r.method === "catalog.clip"), "picture lookup");
    answer();
    await searching;
    expect(search.state.get()).toMatchObject({ status: "done", previews: { 1: null }, error: null });
  });

  it("drops pictures that arrive for an older search", async () => {
    const { server, search } = await setup();
    server.handlers.set("catalog.search", (params) => ({
      results: [{ ...result(`/m/${String(params.query)}.mov`), clipId: params.query === "old" ? 1 : 2 }],
    }));
    server.handlers.set("catalog.clip", async (params) => {
      if (params.clipId === 1) await new Promise((resolve) => setTimeout(resolve, 100));
      return catalogued(
        Number(params.clipId),
        [],
        [{ frame: 0, timecode: "10:00:00:00", thumbnail: `/thumbnails/${String(params.clipId)}/0.jpg` }],
      );
    });
    const old = search.search("old");
    await waitUntil(() => server.received.some((r) => r.method === "catalog.clip"), "old picture lookup");
    await search.search("new");
    await old;
    expect(search.state.get().previews).toEqual({ 2: "/thumbnails/2/0.jpg" });
  });

  it("opens a result's clip at its best hit's frame, or at the hit chosen", async () => {
    const revealed: [string, number][] = [];
    const { search } = await setup(async (clip, frame) => void revealed.push([clip.mediaPath, frame]));
    const item = {
      ...result("/m/a.mov"),
      hits: [result("/m/a.mov").hits[0]!, { ...result("/m/a.mov").hits[0]!, startFrame: 400 }],
    };
    expect(await search.open(item)).toBe(true);
    expect(await search.open(item, 1)).toBe(true);
    expect(revealed).toEqual([
      ["/m/a.mov", 100],
      ["/m/a.mov", 400],
    ]);
  });

  it("keeps the host's refusal to show a clip, in its code, until the next open", async () => {
    let refuse = true;
    const { search } = await setup(async () => {
      if (refuse) throw SichterRpcError.of(ErrorCode.HOST_NOT_AVAILABLE);
    });
    expect(await search.open(result("/m/a.mov"))).toBe(false);
    expect(search.state.get().openError?.code).toBe(ErrorCode.HOST_NOT_AVAILABLE);
    refuse = false;
    expect(await search.open(result("/m/a.mov"))).toBe(true);
    expect(search.state.get().openError).toBeNull();
  });
});

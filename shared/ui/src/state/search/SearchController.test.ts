import { ErrorCode, SichterClient, SichterRpcError, type WebSocketConstructor } from "@sichter/shared/protocol";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { FakeEngineServer } from "../../../test/FakeEngineServer.ts";
import { SearchController } from "./SearchController.ts";

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const result = (file: string) => ({
  clipId: 1,
  file,
  score: 1,
  hits: [{ kind: "tag", tagId: 7, label: "Schäfer", source: "ocr", status: "suggested", startFrame: 100, endFrame: 200, startTimecode: "10:00:04:00" }],
});

async function setup(): Promise<{ server: FakeEngineServer; search: SearchController }> {
  const server = await FakeEngineServer.start();
  cleanup.push(() => server.stop());
  const client = new SichterClient({ url: server.address.ws, token: server.token, WebSocket: WebSocket as unknown as WebSocketConstructor, reconnect: false });
  cleanup.push(() => client.dispose());
  return { server, search: new SearchController(client) };
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
    expect(search.state.get()).toMatchObject({ status: "failed", error: { code: ErrorCode.QUERY_INVALID, params: { detail: "unbalanced quote" } } });
  });
});

import { ErrorCode, PROTOCOL_VERSION, type SichterRpcError, type WebSocketConstructor } from "@sichter/shared/protocol";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { FakeEngineServer } from "../../test/FakeEngineServer.ts";
import { waitUntil } from "../../test/waitUntil.ts";
import type { ConnectionKind } from "./ConnectionStatus.ts";
import { EngineConnection } from "./EngineConnection.ts";
import { engineReachable } from "./engineReachable.ts";
import type { EngineAddress } from "./engineAddress.ts";
import { storageTokenStore, type TokenStore } from "./TokenStore.ts";

const open: { dispose(): void }[] = [];
const servers: FakeEngineServer[] = [];

afterEach(async () => {
  for (const item of open.splice(0)) item.dispose();
  for (const server of servers.splice(0)) await server.stop().catch(() => {});
});

async function startServer(port = 0): Promise<FakeEngineServer> {
  const server = await FakeEngineServer.start(port);
  servers.push(server);
  return server;
}

function memoryTokens(token: string | null): TokenStore {
  const tokens = storageTokenStore(null);
  if (token !== null) tokens.set(token);
  return tokens;
}

function connect(address: EngineAddress, tokens: TokenStore): { connection: EngineConnection; seen: ConnectionKind[] } {
  const connection = new EngineConnection({
    address,
    tokens,
    WebSocket: WebSocket as unknown as WebSocketConstructor,
    reachable: () => engineReachable(fetch, address.http),
    retry: { initialDelayMs: 10, maxDelayMs: 40 },
  });
  const seen: ConnectionKind[] = [connection.status.get().kind];
  connection.status.subscribe(() => seen.push(connection.status.get().kind));
  open.push(connection);
  connection.start();
  return { connection, seen };
}

const kind = (connection: EngineConnection): ConnectionKind => connection.status.get().kind;

/** A loopback port nothing listens on (taken from a server that is closed again). */
async function freePort(): Promise<number> {
  const server = await FakeEngineServer.start();
  const port = server.port;
  await server.stop();
  return port;
}

describe("EngineConnection", () => {
  it("waits for a token when none is stored, and connects once one is given", async () => {
    const server = await startServer();
    const tokens = memoryTokens(null);
    const { connection } = connect(server.address, tokens);
    expect(kind(connection)).toBe("needs-token");
    connection.setToken(`  ${server.token}\n`);
    await waitUntil(() => kind(connection) === "connected", "connected");
    expect(tokens.get()).toBe(server.token);
  });

  it("shows connecting, then connected with what engine.info said", async () => {
    const server = await startServer();
    const { connection, seen } = connect(server.address, memoryTokens(server.token));
    await waitUntil(() => kind(connection) === "connected", "connected");
    expect(seen).toEqual(["connecting", "connected"]);
    const status = connection.status.get();
    expect(status.kind === "connected" && status.engine.version).toBe("0.1.0-test");
    await expect(connection.request("engine.info", {})).resolves.toMatchObject({ protocolVersion: PROTOCOL_VERSION });
  });

  it("says not running while nothing answers, and connects by itself when the engine starts", async () => {
    const port = await freePort();
    const address = { ws: `ws://127.0.0.1:${port}`, http: `http://127.0.0.1:${port}` };
    const { connection } = connect(address, memoryTokens("good-token"));
    await waitUntil(() => kind(connection) === "not-running", "not-running");
    const error = (await connection.request("engine.info", {}).catch((e: unknown) => e)) as SichterRpcError;
    expect(error.code).toBe(ErrorCode.CONNECTION_CLOSED);
    await startServer(port);
    await waitUntil(() => kind(connection) === "connected", "connected after the engine started");
  });

  it("blames the token when the engine answers but refuses the upgrade, and stops retrying", async () => {
    const server = await startServer();
    const { connection } = connect(server.address, memoryTokens("stale-token"));
    await waitUntil(() => kind(connection) === "wrong-token", "wrong-token");
    const refusals = server.refused;
    expect(refusals).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(server.refused).toBe(refusals);
    connection.setToken(server.token);
    await waitUntil(() => kind(connection) === "connected", "connected with the new token");
  });

  it("refuses an engine that speaks another protocol version and names both versions", async () => {
    const server = await startServer();
    server.protocolVersion = PROTOCOL_VERSION + 1;
    const { connection } = connect(server.address, memoryTokens(server.token));
    await waitUntil(() => kind(connection) === "incompatible", "incompatible");
    expect(connection.status.get()).toEqual({
      kind: "incompatible",
      engineVersion: "0.1.0-test",
      engineProtocol: PROTOCOL_VERSION + 1,
      panelProtocol: PROTOCOL_VERSION,
    });
    await waitUntil(() => server.connections === 0, "the socket closed");
  });

  it("reconnects after a drop and keeps delivering notifications subscribed before it", async () => {
    const server = await startServer();
    const { connection, seen } = connect(server.address, memoryTokens(server.token));
    const progress: number[] = [];
    connection.onNotification("job.progress", (p) => progress.push(p.fraction));
    let connectedCount = 0;
    connection.onConnected(() => connectedCount++);
    await waitUntil(() => kind(connection) === "connected", "connected");
    server.notifyAll("job.progress", { jobId: "j1", stage: "shots", fraction: 0.25 });
    await waitUntil(() => progress.length === 1, "first notification");

    server.dropAll();
    await waitUntil(() => seen.includes("reconnecting"), "reconnecting");
    await waitUntil(() => kind(connection) === "connected", "connected again");
    server.notifyAll("job.progress", { jobId: "j1", stage: "ocr", fraction: 0.5 });
    await waitUntil(() => progress.length === 2, "notification after the reconnect");
    expect(progress).toEqual([0.25, 0.5]);
    expect(connectedCount).toBe(2);
  });

  it("goes from reconnecting to not running when the engine stays away", async () => {
    const server = await startServer();
    const { connection, seen } = connect(server.address, memoryTokens(server.token));
    await waitUntil(() => kind(connection) === "connected", "connected");
    await server.stop();
    await waitUntil(() => kind(connection) === "not-running", "not-running");
    expect(seen.slice(seen.indexOf("connected"))).toEqual(["connected", "reconnecting", "not-running"]);
  });

  it("gives the engine's files with the stored token, and nothing while there is no token", async () => {
    const server = await startServer();
    const tokens = memoryTokens(null);
    const { connection } = connect(server.address, tokens);
    expect(connection.fileUrl("/thumbnails/3/1-0000100.jpg")).toBeNull();
    connection.setToken(server.token);
    expect(connection.fileUrl("/media/3")).toBe(`${server.address.http}/media/3?token=${server.token}`);
  });
});

import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EngineProcess, startEngine } from "../../../engine/test/engineProcess.ts";
import { makeTempDir } from "../../../engine/test/fixtures.ts";
import { luajit } from "./luajitTestSupport.ts";

/**
 * macOS cannot run here either, so Sichter.lua's macOS sockets are loaded in a real LuaJIT as on
 * macOS (ffi.os "OSX"): its declarations go through the real ffi.cdef and are compared with the
 * macOS prototypes, its calls go through C callbacks of those types that translate macOS's
 * sockaddr_in (length byte), SOL_SOCKET and timeval to this machine's and reach a real engine.
 */
interface Call {
  fn: string;
  [key: string]: unknown;
}
interface Outcome {
  types: Record<string, string>;
  documented: Record<string, string>;
  info: { version?: string; error?: { code: string } };
  calls: Call[];
  request: string;
  closed: [null, string];
  closedCalls: Call[];
  sleep: Call[];
  folders: { config: string; data: string };
}

/** The macOS prototypes (sys/socket.h, unistd.h, string.h) on 64-bit: socklen_t and useconds_t are uint32_t, ssize_t long. */
const POSIX = {
  socket: "int socket(int domain, int type, int protocol);",
  connect: "int connect(int socket, const void *address, uint32_t address_len);",
  send: "long send(int socket, const void *buffer, size_t length, int flags);",
  recv: "long recv(int socket, void *buffer, size_t length, int flags);",
  close: "int close(int fildes);",
  setsockopt: "int setsockopt(int socket, int level, int option_name, const void *option_value, uint32_t option_len);",
  usleep: "int usleep(uint32_t microseconds);",
  strerror: "char *strerror(int errnum);",
};

let dir: string;
let engine: EngineProcess;
let outcome: Outcome;

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  dir = fs.realpathSync(makeTempDir("sichter-lua-macos-"));
  engine = await startEngine(path.join(dir, "home"));
  outcome = luajit("./macos_sockets.lua", {
    port: engine.port,
    token: engine.token,
    closedPort: await closedPort(),
    posix: POSIX,
  }) as Outcome;
}, 60_000);
afterAll(async () => {
  engine?.child.kill("SIGTERM");
  await engine?.exited;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("Sichter.lua's macOS sockets (BSD calls through LuaJIT's ffi)", () => {
  it("declares the socket calls with macOS's types and asks a real engine over loopback", () => {
    expect(outcome.types).toEqual(outcome.documented);
    expect(Object.keys(outcome.types).sort()).toEqual(Object.keys(POSIX).sort());
    expect(outcome.info).toEqual({ version: expect.any(String) });
    const port = engine.port;
    expect(outcome.calls.filter((c) => c.fn !== "recv")).toEqual([
      { fn: "socket", domain: 2, type: 1, protocol: 0 },
      // SOL_SOCKET, SO_RCVTIMEO and SO_SNDTIMEO with macOS's timeval, then SO_NOSIGPIPE.
      { fn: "setsockopt", level: 0xffff, name: 0x1006, sec: 30, usec: 0, length: 16 },
      { fn: "setsockopt", level: 0xffff, name: 0x1005, sec: 30, usec: 0, length: 16 },
      { fn: "setsockopt", level: 0xffff, name: 0x1022, value: 1, length: 4 },
      // sin_len 16, AF_INET, the port in network order, 127.0.0.1, eight zero bytes.
      { fn: "connect", sockaddr: [16, 2, port >> 8, port & 0xff, 127, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0], length: 16 },
      { fn: "send", length: Buffer.byteLength(outcome.request), flags: 0 },
      { fn: "close" },
    ]);
    expect(outcome.calls.filter((c) => c.fn === "recv").at(-1)).toEqual({
      fn: "recv",
      length: 65_536,
      flags: 0,
      got: false,
    });
    expect(outcome.request).toContain(`\r\nAuthorization: Bearer ${engine.token}\r\n`);
  });

  it("says why a connection failed in macOS's words and closes the socket; sleeps with usleep", () => {
    expect(outcome.closed).toEqual([null, "connect failed: Connection refused"]);
    expect(outcome.closedCalls.find((c) => c.name === 0x1006)).toMatchObject({ sec: 1, usec: 500_000 });
    expect(outcome.closedCalls.map((c) => c.fn)).toEqual([
      "socket",
      "setsockopt",
      "setsockopt",
      "setsockopt",
      "connect",
      "close",
    ]);
    expect(outcome.sleep).toEqual([{ fn: "usleep", usec: 250_000 }]);
  });

  it("finds the engine's token and port where the engine keeps them on macOS", () => {
    expect(outcome.folders).toEqual({
      config: "/Users/redaktion/Library/Application Support/Sichter/config",
      data: "/Users/redaktion/Library/Application Support/Sichter/data",
    });
  });
});

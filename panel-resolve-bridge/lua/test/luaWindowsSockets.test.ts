import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EngineProcess, startEngine } from "../../../engine/test/engineProcess.ts";
import { makeTempDir } from "../../../engine/test/fixtures.ts";
import { luajit } from "./luajitTestSupport.ts";

/**
 * Windows cannot run here, so Sichter.lua's Winsock route is loaded in a real LuaJIT as on Windows
 * (ffi.os "Windows"): its declarations go through the real ffi.cdef, its ws2_32 calls into C
 * callbacks of Winsock's signatures, which hand them to this machine's sockets. The call sequence,
 * the sockaddr bytes and the timeouts are checked, and the exchange reaches a real engine.
 */
interface Call {
  fn: string;
  [key: string]: unknown;
}
interface Outcome {
  loaded: string[];
  types: Record<string, string>;
  documented: Record<string, string>;
  info: { version?: string; error?: { code: string } };
  again: { version?: string; error?: { code: string } };
  first: Call[];
  second: Call[];
  request: string;
  unauthorized: { code: string; message: string };
  closed: [null, string];
  closedCalls: Call[];
  noSocket: [null, string];
  sleep: Call[];
  folders: { config: string; data: string };
  locales: string[];
  uiLanguageCalls: Call[];
}

/**
 * Winsock's prototypes as Microsoft documents them (winsock2.h, synchapi.h; and winnls.h for the
 * user's UI language, the script's words), with the Windows types spelled out for 64-bit Windows:
 * SOCKET is UINT_PTR, WORD and LANGID uint16_t, DWORD uint32_t, a sockaddr pointer const void * to
 * the script. Resolve runs 64-bit only, where WSAAPI/WINAPI add nothing.
 */
const WINSOCK = {
  WSAStartup: "int WSAStartup(uint16_t wVersionRequested, void *lpWSAData);",
  socket: "uintptr_t socket(int af, int type, int protocol);",
  connect: "int connect(uintptr_t s, const void *name, int namelen);",
  send: "int send(uintptr_t s, const char *buf, int len, int flags);",
  recv: "int recv(uintptr_t s, char *buf, int len, int flags);",
  closesocket: "int closesocket(uintptr_t s);",
  setsockopt: "int setsockopt(uintptr_t s, int level, int optname, const char *optval, int optlen);",
  WSAGetLastError: "int WSAGetLastError(void);",
  Sleep: "void Sleep(uint32_t dwMilliseconds);",
  GetUserDefaultUILanguage: "uint16_t GetUserDefaultUILanguage(void);",
};

let dir: string;
let engine: EngineProcess;
let outcome: Outcome;

/** A loopback port nobody listens on: taken, then given back. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  dir = fs.realpathSync(makeTempDir("sichter-lua-winsock-"));
  engine = await startEngine(path.join(dir, "home"));
  outcome = luajit("./windows_sockets.lua", {
    port: engine.port,
    token: engine.token,
    closedPort: await closedPort(),
    winsock: WINSOCK,
  }) as Outcome;
}, 60_000);
afterAll(async () => {
  engine?.child.kill("SIGTERM");
  await engine?.exited;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("Sichter.lua's Windows sockets (ws2_32 through LuaJIT's ffi)", () => {
  it("declares Winsock through ffi.cdef, loads ws2_32 and asks a real engine over loopback", () => {
    expect(outcome.loaded).toEqual(["ws2_32"]);
    // Every function the script calls is declared with Winsock's types, as LuaJIT reads them.
    expect(outcome.types).toEqual(outcome.documented);
    expect(Object.keys(outcome.types).sort()).toEqual(Object.keys(WINSOCK).sort());
    expect(outcome.info).toEqual({ version: expect.any(String) });
    const port = engine.port;
    expect(outcome.first.filter((c) => c.fn !== "recv")).toEqual([
      { fn: "WSAStartup", version: 0x0202, data: true },
      { fn: "socket", af: 2, type: 1, protocol: 6 },
      // SOL_SOCKET, SO_RCVTIMEO and SO_SNDTIMEO: a DWORD of milliseconds.
      { fn: "setsockopt", level: 0xffff, name: 0x1006, ms: 30_000, length: 4 },
      { fn: "setsockopt", level: 0xffff, name: 0x1005, ms: 30_000, length: 4 },
      // AF_INET, the port in network order, 127.0.0.1, eight zero bytes.
      { fn: "connect", sockaddr: [2, 0, port >> 8, port & 0xff, 127, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0], length: 16 },
      { fn: "send", length: Buffer.byteLength(outcome.request), flags: 0 },
      { fn: "closesocket" },
    ]);
    const reads = outcome.first.filter((c) => c.fn === "recv");
    // Read until the engine closes the connection: the last read gets nothing.
    expect(reads.at(-1)).toEqual({ fn: "recv", length: 65_536, flags: 0, got: false });
    expect(reads.slice(0, -1).every((c) => c.got === true)).toBe(true);
    expect(outcome.request).toMatch(new RegExp(`^POST /rpc HTTP/1\\.1\\r\\nHost: 127\\.0\\.0\\.1:${port}\\r\\n`));
    expect(outcome.request).toContain(`\r\nAuthorization: Bearer ${engine.token}\r\n`);
  });

  it("starts Winsock once, and reports a refused token with the engine's code", () => {
    expect(outcome.again).toEqual({ version: outcome.info.version });
    expect(outcome.second.filter((c) => c.fn === "WSAStartup")).toEqual([]);
    expect(outcome.second.filter((c) => c.fn === "socket")).toHaveLength(2);
    expect(outcome.unauthorized.code).toBe("SICHTER_E_UNAUTHORIZED");
  });

  it("says why a socket could not be had or connected, and closes what it opened", () => {
    expect(outcome.closed).toEqual([null, "connect failed (10061)"]);
    expect(outcome.closedCalls.map((c) => c.fn)).toEqual([
      "socket",
      "setsockopt",
      "setsockopt",
      "connect",
      "closesocket",
    ]);
    expect(outcome.noSocket).toEqual([null, "socket failed (10093)"]);
    expect(outcome.sleep).toEqual([{ fn: "Sleep", ms: 250 }]);
  });

  it("speaks the user's Windows UI language, asked of kernel32 through ffi.C, German for any German LANGID", () => {
    // 0x0407 de-DE, 0x0c07 de-AT, 0x0809 en-GB, 0x040c fr-FR; SICHTER_LANG unset.
    expect(outcome.locales).toEqual(["de", "de", "en", "en"]);
    expect(outcome.uiLanguageCalls).toEqual(Array(4).fill({ fn: "GetUserDefaultUILanguage" }));
  });

  it("finds the engine's token and port in the folders the engine uses on Windows", () => {
    expect(outcome.folders).toEqual({
      config: "C:\\Users\\Redaktion\\AppData\\Roaming\\Sichter\\config",
      data: "C:\\Users\\Redaktion\\AppData\\Local\\Sichter\\data",
    });
  });
});

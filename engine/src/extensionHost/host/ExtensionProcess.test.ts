import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../../../test/fixtures.ts";
import { ExtensionFailure } from "./ExtensionFailure.ts";
import { ExtensionProcess } from "./ExtensionProcess.ts";

const root = makeTempDir("sichter-ext-host-");
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const secret = path.join(root, "engine-token");
fs.writeFileSync(secret, "the engine's token", { mode: 0o600 });

/** Writes an extension whose analyzer body is `body` (plain JavaScript, as third parties ship). */
function extension(
  name: string,
  body: string,
): { id: string; folder: string; main: string; storage: string; configuration: Record<string, unknown> } {
  const folder = path.join(root, name);
  const storage = path.join(root, "storage", name);
  fs.mkdirSync(folder, { recursive: true });
  fs.mkdirSync(storage, { recursive: true });
  const main = path.join(folder, "extension.mjs");
  fs.writeFileSync(
    main,
    `import fs from "node:fs";\nexport function activate(context, api) {\n  api.analyzers.register("${name}.analyzer", { async analyze(input, progress, token) {\n${body}\n  } });\n}\n`,
  );
  return { id: `test.${name}`, folder, main, storage, configuration: { threshold: 0.5 } };
}

async function run(name: string, body: string, timeoutMs = 10_000, memoryMb = 64): Promise<unknown> {
  const host = await ExtensionProcess.start({ launch: extension(name, body), memoryMb, trust: "restricted" });
  try {
    return await host.analyze(
      `${name}.analyzer`,
      { language: "de" },
      {
        timeoutMs,
        onRequest: async (request) => {
          if (request.method !== "frames.rgb") throw new Error(`unexpected ${request.method}`);
          return [{ width: request.params.width, height: 2, data: new Uint8Array(request.params.width * 6) }];
        },
      },
    );
  } finally {
    await host.stop();
  }
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as ExtensionFailure,
  );

describe("ExtensionProcess", () => {
  it("runs an analyzer in its own process with frames, storage and its configuration", async () => {
    const result = await run(
      "good",
      `
      const [frame] = await input.frames.rgb(10, 8);
      fs.writeFileSync(context_storage() + "/note.txt", "ok");
      return { tags: [{ label: "width " + frame.width, confidence: 0.9, startFrame: 0, endFrame: 1 }] };
      function context_storage() { return ${JSON.stringify(path.join(root, "storage", "good"))}; }`,
    );
    expect(result).toEqual({ tags: [{ label: "width 8", confidence: 0.9, startFrame: 0, endFrame: 1 }] });
    expect(fs.readFileSync(path.join(root, "storage", "good", "note.txt"), "utf8")).toBe("ok");
  });

  it("cancels a call whose cancel arrives right behind it, before the analyzer has started", async () => {
    const host = await ExtensionProcess.start({
      launch: extension(
        "early",
        `
        // Waits for cancellation, however it comes; a lost cancel leaves it waiting until the time limit.
        if (!token.isCancellationRequested) await new Promise((resolve) => token.onCancellationRequested(resolve));
        return { tags: [{ label: "cancelled", confidence: 1, startFrame: 0, endFrame: 1 }] };`,
      ),
      memoryMb: 64,
      trust: "restricted",
    });
    try {
      const abort = new AbortController();
      const call = host.analyze("early.analyzer", { language: "de" }, { timeoutMs: 10_000, signal: abort.signal });
      abort.abort();
      expect(await call).toEqual({ tags: [{ label: "cancelled", confidence: 1, startFrame: 0, endFrame: 1 }] });
    } finally {
      await host.stop();
    }
  });

  it("reports a throwing analyzer with the extension's id and message", async () => {
    const error = await failure(run("throws", `throw new Error("model file is corrupt");`));
    expect(error).toBeInstanceOf(ExtensionFailure);
    expect(error).toMatchObject({ kind: "threw", extensionId: "test.throws" });
    expect(error!.message).toContain("model file is corrupt");
  });

  it("stops a hanging analyzer at its time limit", async () => {
    const started = performance.now();
    const error = await failure(run("hangs", `for (;;) {}`, 1500));
    expect(error).toMatchObject({ kind: "timeout", extensionId: "test.hangs" });
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it("stops an analyzer that exceeds its memory limit", async () => {
    const error = await failure(
      run("hungry", `const hoard = []; for (;;) hoard.push(new Array(1e5).fill({ x: Math.random() }));`, 60_000, 48),
    );
    expect(error).toMatchObject({ kind: "memory", extensionId: "test.hungry" });
  }, 90_000);

  it("cannot read the engine's token, or write outside its storage", async () => {
    const read = await failure(
      run(
        "snoops",
        `return { tags: [{ label: fs.readFileSync(${JSON.stringify(secret)}, "utf8"), confidence: 1, startFrame: 0, endFrame: 1 }] };`,
      ),
    );
    expect(read).toMatchObject({ kind: "threw" });
    expect(read!.message).toMatch(/ERR_ACCESS_DENIED|Access to this API has been restricted/);
    const write = await failure(
      run("writes", `fs.writeFileSync(${JSON.stringify(path.join(root, "evil.txt"))}, "x"); return { tags: [] };`),
    );
    expect(write).toMatchObject({ kind: "threw" });
    expect(fs.existsSync(path.join(root, "evil.txt"))).toBe(false);
  });

  it("gives two analyses running at once in one process each its own clip's frames", async () => {
    const host = await ExtensionProcess.start({
      // The slower first request proves answers are routed by call, not by who asked last.
      launch: extension(
        "twice",
        `
        const [frame] = await input.frames.rgb(0, 4);
        return { tags: [{ label: "clip " + frame.data[0], confidence: 1, startFrame: 0, endFrame: 1 }] };`,
      ),
      memoryMb: 64,
      trust: "restricted",
    });
    const clip = (marker: number, delayMs: number) => ({
      timeoutMs: 10_000,
      onRequest: async () => {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        return [{ width: 4, height: 2, data: new Uint8Array(24).fill(marker) }];
      },
    });
    try {
      const [a, b] = await Promise.all([
        host.analyze("twice.analyzer", { language: "de" }, clip(1, 200)),
        host.analyze("twice.analyzer", { language: "de" }, clip(2, 0)),
      ]);
      expect(a).toEqual({ tags: [expect.objectContaining({ label: "clip 1" })] });
      expect(b).toEqual({ tags: [expect.objectContaining({ label: "clip 2" })] });
    } finally {
      await host.stop();
    }
  });

  it("stop resolves once the extension's process is gone", async () => {
    const host = await ExtensionProcess.start({
      launch: extension("pid", "return { pid: process.pid };"),
      memoryMb: 64,
      trust: "restricted",
    });
    const { pid } = (await host.analyze(
      "pid.analyzer",
      { language: "de" },
      { timeoutMs: 10_000, onRequest: async () => [] },
    )) as { pid: number };
    expect(() => process.kill(pid, 0)).not.toThrow();
    await host.stop();
    // A killed child that is not yet reaped still answers signal 0; a reaped one is gone.
    expect(() => process.kill(pid, 0)).toThrow(expect.objectContaining({ code: "ESRCH" }));
  });

  it("runs a background extension at lower CPU priority, and others as the engine", async () => {
    const pidOf = async (background: boolean): Promise<{ host: ExtensionProcess; pid: number }> => {
      const host = await ExtensionProcess.start({
        launch: extension(`prio${background}`, "return { pid: process.pid };"),
        memoryMb: 64,
        trust: "restricted",
        background,
      });
      const { pid } = (await host.analyze(
        `prio${background}.analyzer`,
        { language: "de" },
        { timeoutMs: 10_000, onRequest: async () => [] },
      )) as { pid: number };
      return { host, pid };
    };
    const low = await pidOf(true);
    const normal = await pidOf(false);
    try {
      expect(os.getPriority(low.pid)).toBe(os.constants.priority.PRIORITY_BELOW_NORMAL);
      expect(os.getPriority(normal.pid)).toBe(os.getPriority());
    } finally {
      await Promise.all([low.host.stop(), normal.host.stop()]);
    }
  });

  it("cannot start processes of its own", async () => {
    const error = await failure(
      run("spawns", `const { execSync } = await import("node:child_process"); execSync("true"); return { tags: [] };`),
    );
    expect(error).toMatchObject({ kind: "threw" });
  });
});

import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ErrorCode } from "@sichter/shared/errors";
import { makeTempDir } from "../../test/fixtures.ts";
import { EngineLock, engineRuntimeFile, readLiveEngine } from "./EngineLock.ts";

const root = makeTempDir("sichter-lock-");
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
let n = 0;
const folder = () => path.join(root, `data${n++}`);

describe("EngineLock", () => {
  it("refuses a second lock in the same process and frees the folder on dispose", async () => {
    const dir = folder();
    const lock = await EngineLock.acquire(dir, "1.2.3");
    lock.setPort(7431);
    expect(readLiveEngine(dir)).toMatchObject({ pid: process.pid, port: 7431, version: "1.2.3" });
    await expect(EngineLock.acquire(dir, "1.2.3")).rejects.toMatchObject({
      code: ErrorCode.ENGINE_ALREADY_RUNNING,
      params: { pid: process.pid, port: 7431 },
    });
    lock.dispose();
    expect(fs.existsSync(engineRuntimeFile(dir))).toBe(false);
    expect(readLiveEngine(dir)).toBeUndefined();
    (await EngineLock.acquire(dir, "1.2.3")).dispose();
  });

  it("takes over a file naming this process's pid that this process does not hold (a pid reused after a crash)", async () => {
    const dir = folder();
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      engineRuntimeFile(dir),
      JSON.stringify({ pid: process.pid, port: 1, version: "0.0.1", startedAt: "2020-01-01T00:00:00.000Z" }),
    );
    expect(readLiveEngine(dir)).toBeUndefined();
    const lock = await EngineLock.acquire(dir, "1.2.3");
    expect(readLiveEngine(dir)).toMatchObject({ pid: process.pid, port: null, version: "1.2.3" });
    lock.dispose();
  });

  it("waits for a file being written, then takes over one a crash left empty", async () => {
    const dir = folder();
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(engineRuntimeFile(dir), "");
    const started = Date.now();
    const lock = await EngineLock.acquire(dir, "1.2.3");
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
    expect(readLiveEngine(dir)?.pid).toBe(process.pid);
    lock.dispose();
  });
});

import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../../test/fixtures.ts";
import { Logger } from "./Logger.ts";

const root = makeTempDir("sichter-logger-");
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("Logger", () => {
  it("writes JSON lines, rotates at the size limit and keeps the newest files only", () => {
    const dir = path.join(root, "rotate");
    const log = new Logger({ dir, maxBytes: 2000, keep: 3 });
    for (let i = 0; i < 200; i++) log.info("job.progress", { i, stage: "ocr" });
    const files = fs.readdirSync(dir).sort();
    expect(files).toEqual(["engine.log", "engine.log.1", "engine.log.2", "engine.log.3"]);
    for (const f of files) expect(fs.statSync(path.join(dir, f)).size).toBeLessThanOrEqual(2000);
    const last = fs
      .readFileSync(path.join(dir, "engine.log"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(last.at(-1)).toMatchObject({ level: "info", event: "job.progress", i: 199 });
    expect(fs.statSync(path.join(dir, "engine.log")).mode & 0o777).toBe(0o600);
  });

  it("never writes a secret or a token query parameter, and leaves debug lines out unless verbose", () => {
    const dir = path.join(root, "secrets");
    const log = new Logger({ dir, secrets: ["s3cr3t-token-value"] });
    log.info("connection.refused", { url: "/?token=abc123&x=1", detail: "bad s3cr3t-token-value" });
    log.debug("request.done", { method: "engine.info" });
    const text = fs.readFileSync(path.join(dir, "engine.log"), "utf8");
    expect(text).not.toContain("s3cr3t-token-value");
    expect(text).not.toContain("abc123");
    expect(text).toContain("[redacted]");
    expect(text).not.toContain("request.done");
  });

  it("keeps the lines a full disk refused and writes them first once there is room", () => {
    const dir = path.join(root, "full");
    fs.mkdirSync(dir);
    const file = path.join(dir, "engine.log");
    // Every write to /dev/full fails with the kernel's ENOSPC, as on a full disk.
    fs.symlinkSync("/dev/full", file);
    const log = new Logger({ dir });
    log.warn("job failed", { code: "SICHTER_E_DISK_FULL", message: "The disk holding /x is full" });
    log.info("connection.closed", { connection: 1 });
    fs.rmSync(file);
    log.info("connection.opened", { connection: 2 });
    const lines = fs
      .readFileSync(file, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.event)).toEqual(["job failed", "connection.closed", "connection.opened"]);
    expect(lines[0]).toMatchObject({ code: "SICHTER_E_DISK_FULL", message: "The disk holding /x is full" });
  });
});

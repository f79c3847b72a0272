import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir } from "./fixtures.ts";

const root = makeTempDir("sichter-exit-drain-");
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const child = path.join(path.dirname(fileURLToPath(import.meta.url)), "lingeringProcessChild.ts");

/**
 * The last resort of `sichter serve`: once the engine has stopped, a process that something
 * unknown still keeps alive exits after a bounded drain, with exit code 0 and the reason and the
 * active resources in the log, instead of lingering until it is killed.
 */
describe("exit after the drain", () => {
  it("ends a stopped process that something still holds open, and logs why", async () => {
    const logs = path.join(root, "logs");
    const proc = spawn(process.execPath, ["--import", "tsx", child, logs, "300"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    proc.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    proc.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([
      exited,
      new Promise<"alive">((resolve) => (timer = setTimeout(() => resolve("alive"), 20_000))),
    ]);
    clearTimeout(timer);
    if (code === "alive") proc.kill("SIGKILL");
    expect(code, output).toBe(0);
    expect(output).toContain("stopped");
    const line = fs
      .readFileSync(path.join(logs, "engine.log"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .at(-1);
    expect(line).toMatchObject({ level: "warn", event: "engine.exit.forced" });
    expect(line!.active).toContain("Timeout");
  }, 30_000);

  it("does not hold open a process that ends by itself", async () => {
    const proc = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "-e",
        `const { exitAfterDrain } = await import(${JSON.stringify(path.resolve(path.dirname(child), "../src/server/exitAfterDrain.ts"))}); const { Logger } = await import(${JSON.stringify(path.resolve(path.dirname(child), "../src/server/Logger.ts"))}); exitAfterDrain(new Logger({ dir: ${JSON.stringify(path.join(root, "quiet"))} }), 60000);`,
      ],
      { stdio: "ignore" },
    );
    const started = Date.now();
    const code = await new Promise<number | null>((resolve) => proc.on("exit", (c) => resolve(c)));
    expect(code).toBe(0);
    // Far below the drain: the drain's timer does not keep the process alive.
    expect(Date.now() - started).toBeLessThan(50_000);
    expect(fs.existsSync(path.join(root, "quiet", "engine.log"))).toBe(false);
  }, 70_000);
});

import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCutClip, makeTempDir } from "../../engine/test/fixtures.ts";
import { serviceBenchmark } from "./serviceBenchmark.ts";

const dir = makeTempDir("sichter-service-bench-test-");
let clip: string;
beforeAll(async () => {
  clip = path.join(dir, "Sitzung.mp4");
  await makeCutClip(clip, [40, 40]);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("serviceBenchmark", () => {
  it("times engine.info and search over a real engine at 1, 10 and 50 clients, with in-process ratios, then idle memory before and after the timeout", async () => {
    const table = await serviceBenchmark({ clips: 200, requests: 60, analyses: [clip], idleSeconds: 1 });
    for (const clients of [1, 10, 50]) {
      for (const method of ["engine.info", "catalog.search"]) {
        expect(table).toMatch(
          new RegExp(
            `\\| ${method.replace(".", "\\.")} \\| ${clients} \\| [\\d.]+ \\| [\\d.]+ \\| \\d+ \\| [\\d.]+ \\| \\d+x \\|`,
          ),
        );
      }
    }
    const before = /\| right after the last analysis \| (\d+) \| ([\d.]+) \|/.exec(table);
    const after = /\| after the idle timeout \(processes gone after [\d.]+ s\) \| (\d+) \| ([\d.]+) \|/.exec(table);
    expect(before).not.toBeNull();
    expect(after).not.toBeNull();
    // Every built-in's process (and exiftool) was up after the analysis, and is gone after the timeout.
    expect(Number(before![1]) - Number(after![1])).toBeGreaterThanOrEqual(6);
    expect(Number(after![2])).toBeLessThan(Number(before![2]) / 2);
    expect(table).toMatch(/idle RSS before \/ after the timeout: [\d.]+x \([\d.]+ MiB \/ [\d.]+ MiB\)/);
  }, 240_000);
});

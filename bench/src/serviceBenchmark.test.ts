import { describe, expect, it } from "vitest";
import { serviceBenchmark } from "./serviceBenchmark.ts";

describe("serviceBenchmark", () => {
  it("times engine.info and search over a real engine at 1, 10 and 50 clients, with in-process ratios", async () => {
    const table = await serviceBenchmark({ clips: 200, requests: 60 });
    for (const clients of [1, 10, 50]) {
      for (const method of ["engine.info", "catalog.search"]) {
        expect(table).toMatch(new RegExp(`\\| ${method.replace(".", "\\.")} \\| ${clients} \\| [\\d.]+ \\| [\\d.]+ \\| \\d+ \\| [\\d.]+ \\| \\d+x \\|`));
      }
    }
  }, 120_000);
});
